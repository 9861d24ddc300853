"""Run one benchmark variant in a freshly spawned process, so each variant's peak memory is its own."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable


def _child(function: Callable[..., dict], args: tuple, queue: multiprocessing.Queue) -> None:
    queue.put(function(*args))


def in_fresh_process(function: Callable[..., dict], *args: object) -> dict:
    """`function(*args)` in a spawned process; `function` must be a module-level function (picklable)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(function, args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result
