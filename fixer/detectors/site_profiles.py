"""Site profiles: a user's TOML description of one site's page debris (header, footer and
widget lines), read from ``profiles/*.toml`` of every rules folder, with examples like a rule.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..data import DataError
from ..document import Document
from ..model import Safety
from .boilerplate_common import PROFILES, Verdict, nonblank


def _profiles(doc: Document, pattern: str) -> list[dict]:
    store = doc.cache["store"]

    def build() -> list[dict]:
        out = []
        for table in store.tables(pattern, "profile"):
            where = f"{table.get('_file', '?')}: profile {table.get('site', '?')!r}"
            flags = regex.IGNORECASE if table.get("ignorecase") else 0
            try:
                out.append({
                    "site": table.get("site", "?"),
                    **{key: [regex.compile(p, flags) for p in table.get(key, [])]
                       for key in ("when", "header", "footer", "lines")},
                    "window": int(table.get("window", 6)),
                    "safety": Safety(table.get("safety", "unsafe")),
                })
            except (regex.error, ValueError, TypeError) as exc:
                raise DataError(f"{where}: {exc}") from None
        return out

    return store.memo(f"boilerplate:profiles:{pattern}", build)


def profile_verdicts(doc: Document, rule_id: str, pattern: str) -> list[Verdict]:
    """The lines the site profiles of ``pattern`` delete, computed once per document (the rule
    and the deletion plan of every boilerplate rule both ask)."""
    key = f"boilerplate:profile-verdicts:{rule_id}:{pattern}"
    if key not in doc.cache:
        doc.cache[key] = _profile_verdicts(doc, rule_id, pattern)
    return doc.cache[key]


def _profile_verdicts(doc: Document, rule_id: str, pattern: str) -> list[Verdict]:
    lines = nonblank(doc)
    out: dict[int, Verdict] = {}
    for prof in _profiles(doc, pattern):
        if prof["when"] and not any(p.search(doc.text, timeout=1.0) for p in prof["when"]):
            continue
        w = prof["window"]
        zones = ((prof["header"], lines[:w]), (prof["footer"], lines[-w:]), (prof["lines"], lines))
        for pats, zone in zones:
            if not pats:
                continue  # a zone the profile leaves alone
            for ln in zone:
                if ln.number in out:
                    continue
                try:
                    hit = any(p.search(ln.text, timeout=1.0) for p in pats)
                except TimeoutError:
                    raise DataError(f"profile {prof['site']!r}: a pattern timed out on line {ln.number}") from None
                if hit:
                    out[ln.number] = Verdict(rule_id, ln, prof["safety"],
                                             f"Page debris of {prof['site']} (site profile).")
    return sorted(out.values(), key=lambda v: v.line.number)


def profile_example_problems(rule_dirs: tuple[Path, ...] = ()) -> list[str]:
    """Run the ``[[profile.example]]`` of every site profile (bundled and in ``rule_dirs``)
    as rule examples of ``boilerplate.site-profile``; returns one line per failing example."""
    from ..engine import Config, Fixer
    from ..examples import check_example
    from ..model import Example

    fixer = Fixer(Config(select=("boilerplate.site-profile",), rule_dirs=rule_dirs))
    rule = fixer.rules[0]
    problems = []
    for table in fixer.store.tables(PROFILES, "profile"):
        for i, ex in enumerate(table.get("example", [])):
            ok, detail = check_example(fixer.runner(rule.id), rule, Example(**ex))
            if not ok:
                problems.append(f"{table.get('_file')}: profile {table.get('site')!r} example {i + 1}: {detail}")
    return problems
