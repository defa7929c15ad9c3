"""Serve a goal graph: a read-only SPARQL 1.1 endpoint, pages, and resolvable IRIs.

>>> from goalgraph.server import ServerSettings
>>> ServerSettings(timeout=5).timeout
5
"""

from __future__ import annotations

from goalgraph.loading import GoalDataset
from goalgraph.server.app import ServerSettings, create_app

__all__ = ["ServerSettings", "create_app", "serve"]


def serve(
    dataset: GoalDataset, *, host: str = "127.0.0.1", port: int = 8000, settings: ServerSettings | None = None
) -> None:
    """Serve `dataset` with uvicorn until interrupted.

    Parameters
    ----------
    dataset : GoalDataset
    host : str
        The address to listen on; loopback unless told otherwise.
    port : int
    settings : ServerSettings, optional
    """
    import uvicorn

    uvicorn.run(create_app(dataset, settings), host=host, port=port, log_level="warning")
