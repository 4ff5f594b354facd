"""Run rules over a text: the library's core, which the CLI and workers call.

A ``Fixer`` loads and compiles its rules once and can then check or fix any number of texts;
it pickles cheaply (compiled state is rebuilt in the worker) so a process pool or a Dask
worker can hold one.
"""

from __future__ import annotations

import importlib
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corroboration import corroborated, drop_covered
from .data import DataStore
from .deletions import defer_inside_deletions
from .document import Document
from .model import Finding, Rule
from .ruleset import load_rules, select_rules

Detector = Callable[[Document, Rule], Iterable[Finding]]


class RuleError(Exception):
    """A rule that cannot run (bad pattern, missing detector, timeout)."""


@dataclass(frozen=True)
class Config:
    """What a run is configured with; CLI flags map one to one onto these fields."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unsafe: bool = False
    rule_dirs: tuple[Path, ...] = ()
    decisions: Path | None = None
    translator: str | None = None


def resolve_detector(spec: str) -> Detector:
    module_name, _, func = spec.partition(":")
    if not func:
        raise RuleError(f"detector {spec!r} must be 'module:function'")
    qual = module_name if "." in module_name else f"fixer.detectors.{module_name}"
    try:
        module = importlib.import_module(qual)
        return getattr(module, func)
    except (ImportError, AttributeError) as exc:
        raise RuleError(f"detector {spec!r} not found: {exc}") from None


@dataclass
class CompiledRule:
    """A rule ready to run. ``needs``: strings of which a text must hold one for the rule to
    find anything there (None: no such condition), tested before the rule is called at all
    (see ``rule_needs``)."""

    rule: Rule
    run: Callable[[Document], Iterable[Finding]]
    needs: tuple[str, ...] | None = None


def rule_needs(fn: object, rule: Rule) -> tuple[str, ...] | None:
    """What a detector says a text must hold for ``rule`` to find anything in it: its
    ``needs`` attribute, a function of the rule giving strings of which every text with a
    finding holds one, or None. A rule whose strings a text lacks costs one ``str`` search per
    string instead of a call (most rules find nothing in most articles)."""
    hook = getattr(fn, "needs", None)
    got = hook(rule) if hook is not None else None
    return tuple(dict.fromkeys(got)) if got and all(got) else None  # (no strings: no condition)


def param_needs(rule: Rule) -> tuple[str, ...] | None:
    """A rule file's own ``needs`` list (lines and pattern kinds: strings of which every finding's
    text holds one), or None when it gives none."""
    got = rule.params.get("needs")
    if not got:
        return None
    needs = tuple(dict.fromkeys(str(s) for s in got))
    return needs if all(needs) else None


def compile_rule(rule: Rule) -> CompiledRule:
    from .kinds import lines, pattern

    try:
        if rule.kind == "pattern":
            pats = pattern.compile_rule(rule)
            needles = pattern.required_literals(rule)
            needs = None if None in needles or not needles else tuple(dict.fromkeys(needles))
            needs = param_needs(rule) or needs  # (a rule's own ``needs`` list, where literals cannot say)
            return CompiledRule(rule, lambda doc: pattern.find(doc, rule, pats, needles), needs)
        if rule.kind == "lines":
            pats = lines.compile_rule(rule)
            return CompiledRule(rule, lambda doc: lines.find(doc, rule, pats), param_needs(rule))
        fn = resolve_detector(rule.params["detector"])
        return CompiledRule(rule, lambda doc: fn(doc, rule), rule_needs(fn, rule))
    except Exception as exc:  # a bad regex in a user's rule file
        if isinstance(exc, RuleError):
            raise
        raise RuleError(f"{rule.source}: rule {rule.id}: {exc}") from None


@dataclass
class Fixer:
    """Rules loaded once; ``check`` and ``fix`` any number of texts with them."""

    config: Config = field(default_factory=Config)
    _compiled: list[CompiledRule] | None = field(default=None, repr=False)
    _store: DataStore | None = field(default=None, repr=False)

    @property
    def store(self) -> DataStore:
        if self._store is None:
            self._store = DataStore(tuple(Path(p) for p in self.config.rule_dirs))
        return self._store

    @property
    def rules(self) -> list[Rule]:
        return [c.rule for c in self.compiled]

    @property
    def compiled(self) -> list[CompiledRule]:
        if self._compiled is None:
            rules = select_rules(load_rules(self.store), list(self.config.select), list(self.config.ignore))
            self._compiled = [compile_rule(r) for r in rules]
        return self._compiled

    def document(self, text: str, path: str = "") -> Document:
        doc = Document(text, path)
        doc.cache["store"] = self.store
        doc.cache["config"] = self.config
        return doc

    def check(self, text: str, path: str = "") -> list[Finding]:
        doc = self.document(text, path)
        return self.check_document(doc)

    def check_document(self, doc: Document) -> list[Finding]:
        # (each rule's findings go straight into one list and their spans are checked once, at
        # the end: a frame and a list per rule cost 8 us of the 340 of a short article; a rule
        # whose ``needs`` the text lacks is not called)
        found: list[Finding] = []
        extend = found.extend
        text = doc.text
        for c in self.compiled:
            needs = c.needs
            if needs is not None:
                for s in needs:
                    if s in text:
                        break
                else:
                    continue  # the text holds none of what the rule needs
            extend(c.run(doc))
        if found:
            check_spans(found, len(doc.text))
        return finish(found, doc, self.config)

    def runner(self, rule_id: str) -> Callable[[Document], list[Finding]]:
        """Run one rule alone on a document (used by the examples runner)."""
        c = next(c for c in self.compiled if c.rule.id == rule_id)

        def run(doc: Document) -> list[Finding]:
            doc.cache.setdefault("store", self.store)
            doc.cache.setdefault("config", self.config)
            return sorted(run_rule(c, doc), key=Finding.sort_key)

        return run

    def fix(self, text: str, path: str = "", *, unsafe: bool | None = None) -> Any:
        from .apply import fix_until_stable

        allow_unsafe = self.config.unsafe if unsafe is None else unsafe
        return fix_until_stable(text, lambda t: self.check(t, path), allow_unsafe=allow_unsafe)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "_compiled": None, "_store": None}


def run_rule(c: CompiledRule, doc: Document) -> list[Finding]:
    """Run one compiled rule; findings outside the text or with a bad fix are a rule bug.

    A list, not a generator: 65 rules per article made the generator frames a measurable cost."""
    needs = c.needs
    if needs is not None and not any(map(doc.text.__contains__, needs)):
        return []
    found = list(c.run(doc))
    if found:
        n = len(doc.text)
        for f in found:
            if not (0 <= f.start <= f.end <= n):
                raise RuleError(f"rule {c.rule.id} reported a span outside the text: {f.start}-{f.end}")
    return found


def check_spans(found: list[Finding], n: int) -> None:
    """Raise ``RuleError`` for a finding outside a text of ``n`` characters (a rule bug), named
    by the rule that reported it: ``run_rule``'s test, done once over the findings of all rules."""
    for f in found:
        if not (0 <= f.start <= f.end <= n):
            raise RuleError(f"rule {f.rule} reported a span outside the text: {f.start}-{f.end}")


def finish(found: list[Finding], doc: Document, config: Config) -> list[Finding]:
    """What every full check does with the findings of all its rules: weak ones only beside
    other damage, yielding ones only where no finding of their category covers them, safe fixes inside a line proposed for deletion left for review, a reviewer's
    past rejections dropped, text order."""
    if any(map(_DATA, found)):  # (weak and yielding findings carry data; most findings none)
        found = drop_covered(corroborated(found))
    found = filter_decisions(defer_inside_deletions(found), doc, config)
    found.sort(key=Finding.sort_key)
    return found


_DATA = operator.attrgetter("data")


def filter_decisions(found: list[Finding], doc: Document, config: Config) -> list[Finding]:
    """Drop suggestions a reviewer rejected before (see ``fixer.decisions``)."""
    if config.decisions is None:
        return found
    try:
        from .decisions import apply_decisions
    except ImportError:
        return found
    return apply_decisions(found, doc, config.decisions)
