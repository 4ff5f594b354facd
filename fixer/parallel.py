"""Map a function over a stream of tasks in a process pool, in order, with bounded memory.

``concurrent.futures`` ``Executor.map`` submits every task at once, which would read a
200 MB JSON Lines file into memory before the first result comes back. ``ordered_map`` keeps
at most ``window`` tasks in flight and yields results in submission order, so output is
deterministic (same bytes as ``--jobs 1``) and memory stays flat whatever the input size.

Items are ``(meta, task)`` pairs: ``meta`` stays in this process (raw bytes to copy back,
bookkeeping), only ``task`` is pickled to a worker; a ``None`` task is a marker passed through
in order (the end of a file). With ``jobs <= 1`` everything runs in this process, no pool.

Workers are forked where the platform allows it, after the caller has loaded and warmed the
rules, so each worker starts with compiled patterns and word lists already in memory (copy on
write) instead of loading them again.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # imported where a pool starts: one file checked alone never needs them (~7 ms)
    from concurrent.futures import Future, ProcessPoolExecutor

M = TypeVar("M")
T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """Cores this process may use (respects CPU affinity / container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    # Ctrl-C goes to the whole process group: let the parent decide, so a worker never dies
    # half-way through an atomic write and the parent can shut the pool down cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def _noop() -> None:
    return None


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[tuple[M, T | None]],
    *,
    jobs: int = 1,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
    on_broken: Callable[[T, BaseException], R] | None = None,
) -> Iterator[tuple[M, R | None]]:
    """Yield ``(meta, fn(task))`` for every item, in order, using ``jobs`` processes.

    A worker that dies (killed for memory, a crash in a C extension) breaks the pool: the
    task being waited for gets ``on_broken(task, exc)`` (or the exception is raised), the
    other tasks in flight are resubmitted to a fresh pool, and the run goes on.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for meta, task in items:
            yield meta, (fn(task) if task is not None else None)
        return

    limit = window or jobs * 4
    pool = _start_pool(jobs, initializer, initargs)
    pending: deque[tuple[M, T | None, Future[R] | None]] = deque()
    try:
        for meta, task in items:
            pending.append((meta, task, _submit(pool, fn, task) if task is not None else None))
            while len(pending) > limit:
                pool, out = _resolve(pending, pool, fn, jobs, initializer, initargs, on_broken)
                yield out
        while pending:
            pool, out = _resolve(pending, pool, fn, jobs, initializer, initargs, on_broken)
            yield out
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, fn: Callable[[T], R], task: T) -> Future[R]:
    """Submit, or, when a worker already died and broke the pool, a future holding that error:
    ``_resolve`` then restarts the pool and resubmits the task instead of the batch failing."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(fn, task)
    except BrokenProcessPool as exc:
        failed: Future[R] = Future()
        failed.set_exception(exc)
        return failed


def _start_pool(jobs: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init, initargs=(initializer, initargs))
    # fork every worker now, before the caller starts threads (a progress bar refreshes from
    # a thread, and forking a process while another thread holds a lock can deadlock the child)
    for f in [pool.submit(_noop) for _ in range(jobs)]:
        f.result()
    return pool


def _resolve(
    pending: deque[tuple[M, T | None, Future[R] | None]],
    pool: ProcessPoolExecutor,
    fn: Callable[[T], R],
    jobs: int,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    on_broken: Callable[[T, BaseException], R] | None,
) -> tuple[ProcessPoolExecutor, tuple[M, R | None]]:
    from concurrent.futures.process import BrokenProcessPool

    meta, task, fut = pending.popleft()
    if fut is None:
        return pool, (meta, None)
    try:
        return pool, (meta, fut.result())
    except BrokenProcessPool as exc:
        if on_broken is None:
            raise
        assert task is not None
        result = on_broken(task, exc)
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _start_pool(jobs, initializer, initargs)
        for i, (m, t, _f) in enumerate(pending):
            pending[i] = (m, t, _submit(pool, fn, t) if t is not None else None)
        return pool, (meta, result)
