"""Process files and JSON Lines records: the work behind ``check`` and ``fix``.

The work is cut into tasks that a process pool can run (``fixer.parallel``): a whole text
file, or a slice of records of a ``.jsonl`` file. A worker turns a task into a ``Chunk``: the
findings as contract JSON entries, counts for the summary, problems, and (for ``fix``) the new
lines of a JSONL slice or the diff of a file. Text files are rewritten by the worker itself
(atomically); a JSONL file is read and rewritten by the parent, line by line, so memory stays
flat however big it is, and a file none of whose records changed is not touched at all.

Nothing here prints: the caller gives callbacks for findings, diff bytes and problems, so the
CLI, tests and other programs share one code path. A rule that times out or crashes is caught
here, per rule and per text (``Guard``), reported once by id, and the batch goes on.
"""

from __future__ import annotations

import gc
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .apply import FixResult, fix_until_stable
from .engine import Fixer, finish, run_rule
from .kinds.pattern import PatternTimeout
from .model import Finding
from .textio import (
    AtomicWriter,
    Decoded,
    InputError,
    JsonlReader,
    dump_record,
    iter_jsonl,
    parse_record,
    read_file,
    write_atomic,
)

RECORD_PROBLEMS_SHOWN = 5  # per file; the rest are counted


def too_big(text: str, name: str, opts: Options) -> str | None:
    """A news article is at most a few hundred kB; a 50 MB "article" is a dump or a broken
    scrape, and some detectors are not linear on pathological input, so one such file could
    stall a batch of a million. It is reported and skipped (``--max-chars`` raises the limit)."""
    if opts.max_chars and len(text) > opts.max_chars:
        return (
            f"{name}: {len(text):,} characters is too long for one article (limit {opts.max_chars:,});"
            " skipped, give --max-chars to raise the limit"
        )
    return None


@dataclass(frozen=True)
class Options:
    fix: bool = False
    unsafe: bool = False
    text_field: str = "text"
    encoding: str | None = None
    diff: bool = False  # fix: build a diff instead of writing
    entries: bool = True  # keep findings as contract JSON entries (``check`` output)
    chunk_chars: int = 1 << 18  # a JSONL task holds about this much text…
    chunk_records: int = 256  # …or this many records
    max_chars: int = 2_000_000  # longer "articles" are reported and skipped (0: no limit)


@dataclass(frozen=True)
class Problem:
    """Something to report on stderr; every problem makes the run exit 2.

    ``kind`` is ``input`` (a file), ``record`` (a JSONL line: capped per file) or ``rule`` (a
    broken rule: reported once per ``key``, its id, however many files it broke on).
    """

    message: str
    kind: str = "input"
    key: str = ""


# ---------------------------------------------------------------------------------------------
# one text


class Guard:
    """Run a Fixer's rules one at a time so one broken rule cannot stop a batch.

    A rule whose pattern times out is disabled for the rest of the run (it would cost the
    timeout again on every text); a rule that raises is skipped for that text only. Both are
    reported as problems keyed by rule id.
    """

    def __init__(self, fixer: Fixer) -> None:
        self.fixer = fixer
        self.disabled: set[str] = set()
        self.problems: list[Problem] = []

    def check(self, text: str, name: str = "") -> list[Finding]:
        doc = self.fixer.document(text, name)
        found: list[Finding] = []
        for c in self.fixer.compiled:
            rid = c.rule.id
            if rid in self.disabled:
                continue
            try:
                found.extend(run_rule(c, doc))
            except PatternTimeout as exc:
                self.disabled.add(rid)
                self.problems.append(Problem(f"{name}: {exc}; rule disabled for the rest of the run", "rule", rid))
            except TimeoutError:  # a detector's own regex timeout (``regex`` raises TimeoutError)
                self.problems.append(Problem(f"{name}: rule {rid} timed out on this text; skipped for it", "rule", rid))
            except RecursionError:
                self.problems.append(Problem(f"{name}: rule {rid} failed: text nested too deeply", "rule", rid))
            except Exception as exc:
                self.problems.append(Problem(f"{name}: rule {rid} failed: {type(exc).__name__}: {exc}", "rule", rid))
        return finish(found, doc, self.fixer.config)

    def fix(self, text: str, name: str = "", unsafe: bool = False) -> FixResult:
        allow = unsafe or self.fixer.config.unsafe
        return fix_until_stable(text, lambda t: self.check(t, name), allow_unsafe=allow)

    def take_problems(self) -> list[Problem]:
        out, self.problems = self.problems, []
        return out


@dataclass
class Unit:
    """One article: a whole file, or one record of a .jsonl file."""

    path: str
    record: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    fixed: FixResult | None = None


@dataclass
class Chunk:
    """What a worker sends back for one task: small, picklable, ready to print."""

    path: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    categories: Counter[str] = field(default_factory=Counter)  # findings (check) or applied fixes (fix)
    fixable: int = 0
    applied: int = 0
    remaining: int = 0
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False  # the file could not be read or written: it gave nothing
    changed: bool = False
    diff: bytes | None = None
    new_lines: list[str | None] | None = None  # JSONL fix: replacement per line, None = unchanged
    output: bytes | None = None  # fix of stdin: the whole new text


def _unit(guard: Guard, text: str, name: str, opts: Options, chunk: Chunk, record: int | None = None) -> str:
    """Check or fix one article, add it to ``chunk``; returns the new text."""
    unit = Unit(name, record, text)
    chunk.articles += 1
    if opts.fix:
        unit.fixed = guard.fix(text, name, opts.unsafe)
        chunk.applied += len(unit.fixed.applied)
        chunk.remaining += len(unit.fixed.remaining)
        chunk.categories.update(f.category for f in unit.fixed.applied)
        new = unit.fixed.text
    else:
        unit.findings = guard.check(text, name)
        chunk.categories.update(f.category for f in unit.findings)
        chunk.fixable += sum(1 for f in unit.findings if f.fix is not None and f.fix.safety.value == "safe")
        new = text
    if opts.entries and not opts.fix:
        from .output.json_out import unit_json

        chunk.entries.append(unit_json(unit))
    return new


def process_decoded_chunk(guard: Guard, decoded: Decoded, name: str, opts: Options) -> Chunk:
    """A whole decoded text (a file or stdin)."""
    chunk = Chunk(name)
    big = too_big(decoded.text, name, opts)
    if big:
        chunk.problems.append(Problem(big))
        return chunk
    if decoded.note:
        chunk.problems.append(Problem(decoded.note))
    new = _unit(guard, decoded.text, name, opts, chunk)
    chunk.changed = new != decoded.text
    if opts.fix and chunk.changed:
        if opts.diff:
            from .diff import unified

            bom = "\ufeff" if decoded.bom and decoded.encoding == "utf-8" else ""
            chunk.diff = unified(bom + decoded.text, bom + new, name).encode(decoded.encoding, decoded.errors)
        chunk.output = decoded.encode(new)
    return chunk


# ---------------------------------------------------------------------------------------------
# worker side

@dataclass(frozen=True)
class FileTask:
    path: str
    name: str


@dataclass(frozen=True)
class RecordsTask:
    name: str
    first: int  # 0-based index of the first line
    lines: list[str]


_GUARD: Guard | None = None
_OPTS: Options | None = None


def init_worker(fixer: Fixer, opts: Options) -> None:
    """Set up this process's Guard once; tasks then carry only paths and records."""
    global _GUARD, _OPTS
    _GUARD = Guard(fixer)
    _OPTS = opts


def run_task(task: FileTask | RecordsTask) -> Chunk:
    """Worker entry point: never raises for bad input or a broken rule."""
    assert _GUARD is not None and _OPTS is not None
    try:
        if isinstance(task, RecordsTask):
            chunk = _records(_GUARD, task, _OPTS)
        else:
            chunk = _file(_GUARD, task, _OPTS)
    except MemoryError:
        chunk = Chunk(task.name, failed=True, problems=[Problem(f"{task.name}: out of memory")])
    except Exception as exc:  # a bug: still one line, and the batch goes on
        chunk = Chunk(task.name, failed=True, problems=[Problem(f"{task.name}: internal error: {type(exc).__name__}: {exc}")])
    chunk.problems.extend(_GUARD.take_problems())
    return chunk


def _file(guard: Guard, task: FileTask, opts: Options) -> Chunk:
    try:
        decoded = read_file(Path(task.path), opts.encoding, name=task.name)
    except InputError as exc:
        return Chunk(task.name, failed=True, problems=[Problem(str(exc))])
    chunk = process_decoded_chunk(guard, decoded, task.name, opts)
    if opts.fix and not opts.diff and chunk.changed and chunk.output is not None:
        try:
            write_atomic(Path(task.path), chunk.output)
        except InputError as exc:
            chunk.problems.append(Problem(str(exc)))
            chunk.failed = True
        except OSError as exc:
            chunk.problems.append(Problem(f"{task.name}: cannot write: {exc.strerror or exc} (file left as it was)"))
            chunk.failed = True
    chunk.output = None  # written: no need to send it back
    return chunk


def _records(guard: Guard, task: RecordsTask, opts: Options) -> Chunk:
    chunk = Chunk(task.name)
    new_lines: list[str | None] = []
    for i, raw in enumerate(task.lines):
        rec = parse_record(task.first + i, raw, task.name, opts.text_field)
        if rec.error:
            chunk.problems.append(Problem(rec.error, "record"))
        if rec.text is not None:
            big = too_big(rec.text, f"{task.name}:{rec.index + 1}", opts)
            if big:
                chunk.problems.append(Problem(big, "record"))
                rec.text = None
        if rec.text is None:
            new_lines.append(None)
            continue
        new = _unit(guard, rec.text, task.name, opts, chunk, rec.index)
        if chunk.entries:
            chunk.entries[-1]["record"] = rec.index
        new_lines.append(dump_record(rec, new, opts.text_field) if new != rec.text else None)
    if opts.fix:
        chunk.new_lines = new_lines
        chunk.changed = any(x is not None for x in new_lines)
    return chunk


def broken_worker(task: FileTask | RecordsTask, exc: BaseException) -> Chunk:
    return Chunk(task.name, failed=True, problems=[Problem(f"{task.name}: worker process died ({exc}); file skipped")])


# ---------------------------------------------------------------------------------------------
# parent side


@dataclass
class Totals:
    """The run's summary: what the CLI prints last and bases its exit code on."""

    files: int = 0  # files (or stdin) processed
    failed: int = 0  # files that gave nothing or could not be written
    articles: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    fixable: int = 0
    applied: int = 0
    remaining: int = 0
    changed_files: int = 0
    problems: int = 0
    diffs: int = 0

    @property
    def findings(self) -> int:
        return sum(self.categories.values())

    def count_file(self, failed: bool, changed: bool) -> None:
        """One file finished (whole or streamed): failed, or processed and maybe changed."""
        if failed:
            self.failed += 1
            return
        self.files += 1
        if changed:
            self.changed_files += 1


@dataclass
class _FileMeta:
    """Parent-side bookkeeping of one input file."""

    path: Path
    name: str
    jsonl: bool
    reader: JsonlReader | None = None
    writer: AtomicWriter | None = None
    diff: Any = None  # StreamingDiff
    offset: int | None = None  # bytes of the original before the current line
    record_problems: int = 0
    failed: bool = False
    changed: bool = False


@dataclass
class _Slice:
    file: _FileMeta
    raw: list[bytes]
    lines: list[str]
    offset: int  # byte offset of raw[0] in the original file


Sink = Callable[[Chunk], None]


class Batch:
    """Run check or fix over files with ``jobs`` processes, streaming results to callbacks.

    ``on_chunk`` receives every chunk in input order (findings to print, diff bytes to
    write); ``on_problem`` one line per problem, already de-duplicated and capped;
    ``on_file`` is called when a file is done (progress).
    """

    def __init__(
        self,
        fixer: Fixer,
        opts: Options,
        jobs: int = 1,
        on_chunk: Sink | None = None,
        on_problem: Callable[[str], None] | None = None,
        on_file: Callable[[Totals], None] | None = None,
        on_bytes: Callable[[bytes], None] | None = None,
    ) -> None:
        self.fixer = fixer
        self.opts = opts
        self.jobs = jobs
        self.on_chunk = on_chunk or (lambda c: None)
        self.on_problem = on_problem or (lambda m: None)
        self.on_file = on_file or (lambda t: None)
        self.on_bytes = on_bytes or (lambda b: None)
        self.totals = Totals()
        self._rule_keys: set[str] = set()
        self._open: list[AtomicWriter] = []  # JSONL rewrites in progress

    # -- problems ------------------------------------------------------------------------------

    def problem(self, p: Problem, meta: _FileMeta | None = None) -> None:
        if p.kind == "rule":
            if p.key in self._rule_keys:
                return
            self._rule_keys.add(p.key)
        if p.kind == "record" and meta is not None:
            meta.record_problems += 1
            if meta.record_problems > RECORD_PROBLEMS_SHOWN:
                return
        self.totals.problems += 1
        self.on_problem(p.message)

    # -- driving -------------------------------------------------------------------------------

    def run(self, files: list[tuple[Path, str]]) -> Totals:
        """Process ``(path, display name)`` pairs; returns the totals."""
        from .parallel import ordered_map

        jobs = self.jobs if self._worth_a_pool(files) else 1
        if jobs > 1:
            warm_up(self.fixer)
            if os.environ.get("FIXER_NO_GC_FREEZE") is None:
                # Forked workers share the parent's pages until they write to them; the cyclic
                # garbage collector writes to every object it scans, so the loaded word lists and
                # patterns would be copied into each worker. Frozen objects are never scanned.
                gc.freeze()
        results = ordered_map(
            run_task,
            self._items(files),
            jobs=jobs,
            initializer=init_worker,
            initargs=(self.fixer, self.opts),
            on_broken=broken_worker,
        )
        try:
            for meta, chunk in results:
                if isinstance(meta, _Slice):
                    assert chunk is not None
                    self._slice_done(meta, chunk)
                elif chunk is None:
                    self._jsonl_done(meta)
                else:
                    self._file_done(meta, chunk)
        finally:
            results.close()
            for w in self._open:
                w.discard()  # only those not committed: an interrupted run leaves no temp file
        return self.totals

    def _worth_a_pool(self, files: list[tuple[Path, str]]) -> bool:
        """Forking workers costs a fraction of a second: only worth it for more than a few
        articles' worth of input."""
        if self.jobs <= 1:
            return False
        size = 0
        for path, _ in files:
            try:
                size += path.stat().st_size
            except OSError:
                continue
            if size > 200_000:
                return True
        return False

    def _items(self, files: list[tuple[Path, str]]) -> Iterator[tuple[Any, Any]]:
        for path, name in files:
            if name.endswith(".jsonl") or path.suffix == ".jsonl":
                yield from self._jsonl_items(_FileMeta(path, name, True))
            else:
                yield _FileMeta(path, name, False), FileTask(str(path), name)

    def _jsonl_items(self, meta: _FileMeta) -> Iterator[tuple[Any, Any]]:
        meta.reader = JsonlReader(meta.path, meta.name, self.opts.encoding)
        raw: list[bytes] = []
        lines: list[str] = []
        size = 0
        first = 0
        offset = 0
        try:
            for b, s in meta.reader.lines():
                if meta.offset is None:
                    meta.offset = offset = len(meta.reader.bom)
                raw.append(b)
                lines.append(s)
                size += len(s)
                if size >= self.opts.chunk_chars or len(lines) >= self.opts.chunk_records:
                    yield _Slice(meta, raw, lines, offset), RecordsTask(meta.name, first, lines)
                    first += len(lines)
                    offset += sum(map(len, raw))
                    raw, lines, size = [], [], 0
            if lines:
                yield _Slice(meta, raw, lines, offset), RecordsTask(meta.name, first, lines)
        except InputError as exc:
            meta.failed = True
            self.problem(Problem(str(exc)))
        except OSError as exc:
            meta.failed = True
            self.problem(Problem(f"{meta.name}: cannot read: {exc.strerror or exc}"))
        yield meta, None  # end-of-file marker, in order after the file's last slice

    def _file_done(self, meta: _FileMeta, chunk: Chunk) -> None:
        for p in chunk.problems:
            self.problem(p, meta)
        self._count(chunk)
        t = self.totals
        t.count_file(chunk.failed, chunk.changed)
        if chunk.diff:
            t.diffs += 1
            self.on_bytes(chunk.diff)
        self.on_chunk(chunk)
        self.on_file(t)

    def _count(self, chunk: Chunk) -> None:
        t = self.totals
        t.articles += chunk.articles
        t.categories.update(chunk.categories)
        t.fixable += chunk.fixable
        t.applied += chunk.applied
        t.remaining += chunk.remaining

    def _slice_done(self, s: _Slice, chunk: Chunk) -> None:
        meta = s.file
        for p in chunk.problems:
            self.problem(p, meta)
        self._count(chunk)
        self.on_chunk(chunk)
        if meta.failed or chunk.new_lines is None:
            return
        reader = meta.reader
        assert reader is not None
        try:
            self._write_slice(meta, reader, s, chunk.new_lines)
        except (InputError, OSError) as exc:
            meta.failed = True
            if meta.writer is not None:
                meta.writer.discard()
            msg = str(exc) if isinstance(exc, InputError) else f"{meta.name}: cannot write: {exc.strerror or exc}"
            self.problem(Problem(msg + " (file left as it was)"))

    def _write_slice(self, meta: _FileMeta, reader: JsonlReader, s: _Slice, new_lines: list[str | None]) -> None:
        if self.opts.diff:
            if meta.diff is None:
                meta.diff = StreamingDiff(meta.name, reader.encode, self.on_bytes)
            for old, new in zip(s.lines, new_lines, strict=True):
                meta.diff.line(old, new)
            meta.changed = meta.changed or meta.diff.changed
            return
        pos = s.offset
        for raw, new in zip(s.raw, new_lines, strict=True):
            if new is not None and meta.writer is None:
                meta.writer = AtomicWriter(meta.path)
                self._open.append(meta.writer)
                _copy_prefix(meta.path, meta.writer, pos)
            if meta.writer is not None:
                meta.writer.write(raw if new is None else reader.encode(new))
            pos += len(raw)
        if meta.writer is not None:
            meta.changed = True

    def _jsonl_done(self, meta: _FileMeta) -> None:
        t = self.totals
        extra = meta.record_problems - RECORD_PROBLEMS_SHOWN
        if extra > 0:
            self.totals.problems += 1
            self.on_problem(f"{meta.name}: {extra} more problem line{'s' if extra != 1 else ''} not shown")
        if meta.reader is not None:
            for note in meta.reader.notes:
                self.problem(Problem(note))
            more = meta.reader.bad_lines - len(meta.reader.notes)
            if more > 0:
                self.problem(Problem(f"{meta.name}: {more} more line{'s' if more != 1 else ''} with invalid UTF-8"))
        if meta.diff is not None:
            meta.diff.close()
            if meta.diff.changed:
                t.diffs += 1
        if meta.writer is not None:
            if meta.failed:
                meta.writer.discard()
            else:
                try:
                    meta.writer.commit()
                except OSError as exc:
                    meta.failed = True
                    self.problem(Problem(f"{meta.name}: cannot write: {exc.strerror or exc} (file left as it was)"))
        t.count_file(meta.failed, meta.changed)
        self.on_file(t)

def _copy_prefix(path: Path, writer: AtomicWriter, n: int) -> None:
    """Copy the first ``n`` bytes of the original (records before the first change)."""
    with path.open("rb") as src:
        remaining = n
        while remaining:
            block = src.read(min(remaining, 1 << 20))
            if not block:
                raise InputError(f"{path}: changed while being read")
            writer.write(block)
            remaining -= len(block)


WARM_TEXT = (
    "Paris (AFP) – The Minister of the Interior announced on Monday a new plan for the\n"
    "Alliance of Sahel States (AES). « C'est une étape », said a spokesman ; the plan was\n"
    "welcomed by the government.\n"
)


def warm_up(fixer: Fixer) -> None:
    """Load rules, word lists and lazy tables before forking, so workers share them."""
    try:
        fixer.check(WARM_TEXT, "warm-up")
    except Exception:
        pass  # a broken rule is reported when it breaks on a real file


# ---------------------------------------------------------------------------------------------
# the single-file API kept for the output modules and for stdin


@dataclass
class FileOutcome:
    path: str
    units: list[Unit] = field(default_factory=list)
    old_text: str = ""
    new_text: str = ""
    decoded: Decoded | None = None
    errors: list[str] = field(default_factory=list)  # fatal for the file
    warnings: list[str] = field(default_factory=list)  # e.g. a broken JSONL line

    @property
    def changed(self) -> bool:
        return self.decoded is not None and self.new_text != self.old_text

    def new_bytes(self) -> bytes:
        assert self.decoded is not None
        return self.decoded.encode(self.new_text)


def process_text(fixer: Fixer | Guard, text: str, name: str, opts: Options, record: int | None = None) -> Unit:
    guard = fixer if isinstance(fixer, Guard) else Guard(fixer)
    unit = Unit(name, record, text)
    if opts.fix:
        unit.fixed = guard.fix(text, name, opts.unsafe)
        unit.findings = list(unit.fixed.applied) + list(unit.fixed.remaining)
    else:
        unit.findings = guard.check(text, name)
    return unit


def process_decoded(fixer: Fixer | Guard, decoded: Decoded, name: str, opts: Options) -> FileOutcome:
    guard = fixer if isinstance(fixer, Guard) else Guard(fixer)
    out = FileOutcome(name, decoded=decoded, old_text=decoded.text, new_text=decoded.text)
    if decoded.note:
        out.warnings.append(decoded.note)
    if name.endswith(".jsonl"):
        pieces: list[str] = []
        for rec in iter_jsonl(decoded.text, name, opts.text_field):
            if rec.error:
                out.warnings.append(rec.error)
            if rec.text is None:
                pieces.append(rec.raw)
                continue
            unit = process_text(guard, rec.text, name, opts, rec.index)
            out.units.append(unit)
            if unit.fixed is not None and unit.fixed.text != rec.text:
                pieces.append(dump_record(rec, unit.fixed.text, opts.text_field))
            else:
                pieces.append(rec.raw)
        out.new_text = "".join(pieces)
    else:
        unit = process_text(guard, decoded.text, name, opts)
        out.units.append(unit)
        if unit.fixed is not None:
            out.new_text = unit.fixed.text
    out.warnings.extend(p.message for p in guard.take_problems())
    return out


def process_file(fixer: Fixer | Guard, path: Path, opts: Options, display: str | None = None) -> FileOutcome:
    name = display or str(path)
    try:
        decoded = read_file(path, opts.encoding, name=name)
    except InputError as exc:
        return FileOutcome(name, errors=[str(exc)])
    return process_decoded(fixer, decoded, name, opts)


class StreamingDiff:
    """A unified diff of a file whose lines are replaced one for one (a JSONL rewrite), built
    while the lines stream past: only the current hunk and three lines of context are held.

    Same layout as ``fixer.diff.unified`` (and ``difflib``): three lines of context, hunks
    closer than seven lines merged, ``-`` lines of a run before its ``+`` lines, the
    no-newline marker after a last line without one.
    """

    CONTEXT = 3

    def __init__(self, name: str, encode: Callable[[str], bytes], write: Callable[[bytes], None]) -> None:
        self.name = name
        self.encode = encode
        self.write = write
        self.index = 0
        self.before: deque[str] = deque(maxlen=self.CONTEXT)
        self.hunk: list[tuple[str, str]] | None = None
        self.hunk_start = 0
        self.minus: list[str] = []
        self.plus: list[str] = []
        self.trailing = 0
        self.changed = False

    def line(self, old: str, new: str | None) -> None:
        if new is None or new == old:
            if self.hunk is None:
                self.before.append(old)
            else:
                self._flush_run()
                self.hunk.append((" ", old))
                self.trailing += 1
                if self.trailing > 2 * self.CONTEXT:
                    tail = [t for _, t in self.hunk[-(self.trailing - self.CONTEXT) :]]
                    self._emit()  # keeps CONTEXT lines of the trailing ones
                    self.before.extend(tail)
        else:
            if self.hunk is None:
                self.hunk_start = self.index - len(self.before)
                self.hunk = [(" ", t) for t in self.before]
                self.before.clear()
            self.minus.append(old)
            self.plus.append(new)
            self.trailing = 0
        self.index += 1

    def _flush_run(self) -> None:
        assert self.hunk is not None
        self.hunk.extend(("-", t) for t in self.minus)
        self.hunk.extend(("+", t) for t in self.plus)
        self.minus, self.plus = [], []

    def _emit(self) -> None:
        from .diff import NO_EOL

        assert self.hunk is not None
        self._flush_run()
        if self.trailing > self.CONTEXT:
            self.hunk = self.hunk[: len(self.hunk) - (self.trailing - self.CONTEXT)]
        n_old = sum(1 for k, _ in self.hunk if k != "+")
        n_new = sum(1 for k, _ in self.hunk if k != "-")
        out = []
        if not self.changed:
            out.append(f"--- {self.name}\n+++ {self.name}\n")
            self.changed = True
        out.append(f"@@ -{_range(self.hunk_start, n_old)} +{_range(self.hunk_start, n_new)} @@\n")
        for kind, text in self.hunk:
            out.append(kind + text if text.endswith("\n") else kind + text + "\n" + NO_EOL)
        self.write(self.encode("".join(out)))
        self.hunk = None
        self.trailing = 0

    def close(self) -> None:
        if self.hunk is not None:
            self._emit()


def _range(start: int, length: int) -> str:
    """difflib's hunk range: 1-based start, length omitted when it is 1."""
    beginning = start + 1
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"
