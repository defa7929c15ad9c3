"""Pause Python's cyclic garbage collector while the analysis allocates."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, then restore its state.

    Building the alignment graph and analysing it allocate hundreds of thousands of
    small objects (terms, tuples, dictionaries) that all stay alive. Every so many
    allocations Python's collector walks the live objects looking for cycles, so the
    more there are the more each walk costs: on a million triples that made building
    and analysing about twice as slow. Nothing made here is garbage in a reference
    cycle, so pausing the collector frees nothing later than it otherwise would.
    Reference counting still frees everything else at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
