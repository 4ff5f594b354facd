"""Site profiles: a user's TOML description of one site's page debris (header, footer and
widget lines), read from ``profiles/*.toml`` of every rules folder, with examples like a rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import regex

from ..data import DataError
from ..document import Document, Line
from ..lazypattern import lazy
from ..model import Safety
from .boilerplate_common import PROFILES, Gate, Verdict, gate_prefixes, gated_lines, keys_gate, nonblank

# Constructs whose result may change when the line is searched inside the text around it (the
# ends of the string, lookarounds, inline flags such as ``(?-m)``, fuzzy constraints) or that do
# not give back what they took (possessive and atomic): a pattern holding one of these strings is
# never used as a whole-text gate. A false alarm here (a literal `\(?=`) only costs time.
_NOT_GATEABLE = ("\\A", "\\Z", "\\z", "\\G", "(?", "*+", "++", "?+", "}+", "{e", "{i", "{d", "{s")


# the plain words a pattern opens with (after an optional ``^\s*``)
_OPENING_WORDS_RE = lazy(regex.compile, r"\^?(?:\\s\*)?([A-Za-z0-9 ]+)")


class _Gate(NamedTuple):
    """A zone pattern as a whole-text test (see ``_gate``), and the plain text every match of
    it holds ('' if none is known), tested first with ``in``: much cheaper than a search."""

    pattern: regex.Pattern[str]
    needs: str


def _gate(source: str, flags: int) -> _Gate | None:
    """``source`` compiled to search a run of lines at once (MULTILINE), or None when its
    constructs forbid it (see ``_NOT_GATEABLE``).

    Why a match in one line is a match in the run: the run holds the line's text unchanged,
    between a line break (or the run's start) and a line break (or the run's end). Every other
    construct consumes the same characters whatever surrounds them, with full backtracking; ``^``
    and ``$`` at the line's ends match there in MULTILINE mode (the ``regex`` module's line
    boundary is ``\\n`` alone); ``\\b`` and ``\\B`` see a line break as the line's end
    (a non-word character). So the search of the run finds a match if any of its lines has one.

    A pattern without alternatives (no ``|``) and without IGNORECASE that opens with plain
    letters, figures and spaces (`^\\s*Article content\\s*$`) matches only text that holds
    them, less a last character followed by a quantifier (`Stories?`)."""
    if any(s in source for s in _NOT_GATEABLE):
        return None
    needs = ""
    m = _OPENING_WORDS_RE.match(source)
    if m and "|" not in source and not flags & regex.IGNORECASE:
        needs = m.group(1)
        if source[m.end() : m.end() + 1] in ("?", "*", "+", "{"):
            needs = needs[:-1]
    return _Gate(regex.compile(source, flags | regex.MULTILINE), needs)


def _opening(source: str, flags: int) -> str | None:
    """The plain words that open every line a pattern matches, after its white space: those of a
    pattern anchored at the line's start (``^``, then maybe ``\\s*``) and without alternatives
    or the constructs of ``_NOT_GATEABLE``; None for any other pattern, or one opening with no
    plain word. (Whatever the case: the keys that gate it are case-folded, see ``_gated_zone``.)"""
    if not source.startswith("^") or "|" in source or _gate(source, flags & ~regex.IGNORECASE) is None:
        return None
    m = _OPENING_WORDS_RE.match(source)
    opens = "" if m is None else m.group(1)[:-1] if source[m.end() : m.end() + 1] in ("?", "*", "+", "{") else m.group(1)
    return opens if opens.strip() else None  # (no words: every line may match, the zone's search tells better)


def _key_gate(sources: list[str], flags: int) -> Gate | None:
    """The key gate of a zone's patterns (see ``gated_lines``): None when one of them has no
    known opening, or an opening the keys cannot tell."""
    openings = [_opening(p, flags) for p in sources]
    return None if not openings or None in openings else gate_prefixes(openings)


def _profiles(doc: Document, pattern: str) -> list[dict]:
    store = doc.cache["store"]

    def build() -> list[dict]:
        out = []
        for table in store.tables(pattern, "profile"):
            where = f"{table.get('_file', '?')}: profile {table.get('site', '?')!r}"
            flags = regex.IGNORECASE if table.get("ignorecase") else 0
            try:
                compiled = {
                    key: [regex.compile(p, flags) for p in table.get(key, [])]
                    for key in ("when", "header", "footer", "lines")
                }
                # a zone's gates (see ``_gate``), or None when one of its patterns cannot be one
                gates = {key: [_gate(p, flags) for p in table.get(key, [])] for key in ("header", "footer", "lines")}
                out.append({
                    "site": table.get("site", "?"),
                    **compiled,
                    **{f"{key}_gates": None if None in g else g for key, g in gates.items()},
                    **{f"{key}_keys": _key_gate(table.get(key, []), flags) for key in ("header", "footer", "lines")},
                    "window": int(table.get("window", 6)),
                    "safety": Safety(table.get("safety", "unsafe")),
                })
                # the zones holding patterns, each with its patterns and gates (read per page)
                out[-1]["zones"] = tuple((key, out[-1][key], out[-1][f"{key}_gates"], out[-1][f"{key}_keys"])
                                         for key in ("header", "footer", "lines") if out[-1][key])
            except (regex.error, ValueError, TypeError) as exc:
                raise DataError(f"{where}: {exc}") from None
        return out

    return store.memo(f"boilerplate:profiles:{pattern}", build)


def profile_verdicts(doc: Document, rule_id: str, pattern: str) -> list[Verdict]:
    """The lines the site profiles of ``pattern`` delete, computed once per document (the rule
    and the deletion plan of every boilerplate rule both ask)."""
    key = f"boilerplate:profile-verdicts:{rule_id}:{pattern}"
    found = doc.cache.get(key)
    if found is None:
        found = doc.cache[key] = _profile_verdicts(doc, rule_id, pattern)
    return found


def _profile_verdicts(doc: Document, rule_id: str, pattern: str) -> list[Verdict]:
    lines = nonblank(doc)
    out: dict[int, Verdict] = {}
    for prof in _profiles(doc, pattern):
        if prof["when"] and not any(p.search(doc.text, timeout=1.0) for p in prof["when"]):
            continue
        w = prof["window"]
        # max(w, 0): `window = 0` means no header or footer zone (lines[-0:] would be every line)
        w = max(w, 0)
        for name, pats, gates, keys in prof["zones"]:  # (the zones the profile leaves alone are not there)
            zone = lines[:w] if name == "header" else lines[len(lines) - w :] if name == "footer" else lines
            if not zone:
                continue
            if keys is not None and keys_gate(doc):
                zone = _gated_zone(doc, keys, zone)
            elif not _zone_may_match(doc, gates, zone):
                continue  # none of its patterns can match there
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
    return sorted(out.values(), key=lambda v: v.line.number) if out else []


def _gated_zone(doc: Document, keys: Gate, zone: list[Line]) -> list[Line]:
    """The lines of ``zone`` (a run of ``nonblank(doc)``) whose key opens like one of its
    patterns (see ``_opening``): the only ones they can match, found from the keys' index by
    first character rather than by a search of the zone's text per pattern."""
    picked = gated_lines(doc, keys)
    if not picked:
        return picked  # (most pages: no line opens like the zone's patterns)
    first, last = zone[0].number, zone[-1].number
    return [ln for ln in picked if first <= ln.number <= last]


def _zone_may_match(doc: Document, gates: list[_Gate] | None, zone: list[Line]) -> bool:
    """False when no pattern of the zone matches any of its lines, told by one search of the
    zone's text per pattern (see ``_gate``) instead of one per line. Without ``\\r`` in the
    text, its slice from the zone's first line to its last is such a run of lines (blank lines
    between them only add text); a ``\\r`` may end a line, so then the lines are joined.
    True when a pattern cannot be a gate or a search times out: the lines are then searched one
    by one, as always, and the timeout names its line."""
    if gates is None or not zone:
        return True
    text = doc.text
    run = text[zone[0].start : zone[-1].end] if "\r" not in text else "\n".join(ln.text for ln in zone)
    try:
        return any(g.needs in run and g.pattern.search(run, timeout=1.0) for g in gates)
    except TimeoutError:
        return True


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
