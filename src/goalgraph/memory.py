"""Pause Python's cyclic garbage collector while goalgraph builds large structures.

Loading, importing, exporting and analysing a large graph make hundreds of
thousands of small objects (terms, tuples, dictionaries) that all stay alive until
the work is done. Every so many allocations Python's collector walks the live
objects looking for reference cycles, so the more there are the more each walk
costs: on a million triples it made the analysis and the Turtle export about twice
as slow, and a 50 MB import quadratic. Nothing made there forms cycles, so pausing
the collector frees nothing later than it would have; reference counting still
frees everything else at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore its state.

    Also a decorator (``@paused_gc()``), as any :func:`contextlib.contextmanager`.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
