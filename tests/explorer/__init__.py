"""Tests of the browser explorer (goalgraph.explorer)."""
