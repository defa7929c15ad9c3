"""Tests of goalgraph.export: RDF formats, JSON-LD, CSV, GraphML and writing files."""
