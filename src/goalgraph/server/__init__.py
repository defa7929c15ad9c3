"""Serve a goal graph: a read-only SPARQL 1.1 endpoint, pages, and resolvable IRIs.

>>> from goalgraph.server import ServerSettings
>>> ServerSettings(timeout=5).timeout
5
"""

from __future__ import annotations

from collections.abc import Callable

from goalgraph.loading import GoalDataset
from goalgraph.server.app import ServerSettings, create_app
from goalgraph.server.curating import Curation

__all__ = ["Curation", "ServerSettings", "create_app", "serve"]


def serve(
    dataset: GoalDataset,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: ServerSettings | None = None,
    on_listening: Callable[[str], None] | None = None,
    curation: Curation | None = None,
) -> None:
    """Serve `dataset` with uvicorn until interrupted.

    Parameters
    ----------
    dataset : GoalDataset
    host : str
        The address to listen on; loopback unless told otherwise.
    port : int
        The port; 0 for any free one.
    settings : ServerSettings, optional
    on_listening : callable, optional
        Called with the server's URL once its socket is bound, before it starts.
    curation : Curation, optional
        Take decisions on suggestions into a curation file (see :func:`create_app`).

    Raises
    ------
    goalgraph.errors.GoalgraphError
        If the address is in use or cannot be listened on, or the curation file is
        one of the data's source files or not valid; nothing has started then.
    """
    import uvicorn

    from goalgraph.server.listening import MAX_HEAD_BYTES, BoundedHeadProtocol, listen

    app = create_app(dataset, settings, curation)
    bound = listen(host, port)
    if on_listening is not None:
        shown = f"[{host}]" if ":" in host else host
        on_listening(f"http://{shown}:{bound.getsockname()[1]}/")
    config = uvicorn.Config(
        app,
        log_level="warning",
        http=BoundedHeadProtocol,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
    )
    uvicorn.Server(config).run(sockets=[bound])
