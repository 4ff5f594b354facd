"""Measure fixer against annotated articles: recall, precision, false alarms and wrong safe fixes.

Why this exists: a rule that looks right on its examples can still miss most real damage or
fire on clean English. Every article ``NAME.txt`` with a ``NAME.gold.json`` beside it (format in
``../shared/corpus/ANNOTATION.md``) is checked and fixed, and the findings are scored the way
the annotation guide says:

- a gold span is *found* when a finding overlaps it with its category or one of its ``alt``
  categories; recall is reported per category, for ``core`` and ``stretch`` spans apart;
- a finding that overlaps no gold span is a *false finding* (precision); on a clean article
  (gold with no artifacts) every finding is one;
- a *safe* fix is wrong when the text it gives differs from every ``repair`` of the gold span
  it touches, when it touches no gold span at all, or when it touches a ``keep`` string.

Safe fixes are judged pass by pass exactly as ``fix`` applies them (``apply.fix_until_stable``
with the engine's own check), so a fix that only appears after an earlier one is judged too.
Whitespace is compared loosely only where a line break is involved: deleting a line "with its
line break" may take one blank line more or less, but a missing or doubled space inside a line
is a difference.

The core (``evaluate_paths``, ``summarize``, ``format_text``) has no CLI dependency so the lead
can mount it as ``fixer eval``; ``main`` is the ``python -m fixer.evaluate`` entry point.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .apply import apply_edits
from .model import CATEGORIES, Edit, Finding, Fix, Safety

SCOPES = ("core", "stretch")
_NEWLINE_WS_RE = regex.compile(r"[^\S\n]*\n\s*")


# ---------------------------------------------------------------------------------------------
# Gold files


@dataclass(frozen=True)
class GoldSpan:
    """One annotated artifact, located in the article text."""

    index: int
    category: str
    start: int
    end: int
    find: str
    repairs: tuple[str, ...]
    safety: str
    scope: str
    alt: tuple[str, ...]
    note: str = ""

    @property
    def categories(self) -> frozenset[str]:
        return frozenset((self.category, *self.alt))


@dataclass
class Article:
    """An article, its gold spans and the keep strings' occurrences."""

    path: Path
    text: str
    gold: list[GoldSpan]
    keep: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Clean means the annotator found nothing to repair: every finding is a false alarm."""
        return not self.gold and not self.problems


def gold_path(txt: Path) -> Path:
    return txt.with_name(txt.name[: -len(txt.suffix)] + ".gold.json") if txt.suffix else txt.with_name(txt.name + ".gold.json")


def nth_occurrence(text: str, needle: str, nth: int) -> int:
    """Offset of the ``nth`` (1-based) occurrence of ``needle``; occurrences may overlap."""
    pos = -1
    for _ in range(max(nth, 1)):
        pos = text.find(needle, pos + 1)
        if pos == -1:
            return -1
    return pos


def load_article(txt: Path) -> Article:
    """Read ``NAME.txt`` and ``NAME.gold.json``; a span that cannot be located is a problem, not a crash."""
    text = txt.read_text(encoding="utf-8")
    raw = json.loads(gold_path(txt).read_text(encoding="utf-8"))
    gold: list[GoldSpan] = []
    problems: list[str] = []
    for i, a in enumerate(raw.get("artifacts", [])):
        find = a.get("find", "")
        nth = int(a.get("nth", 1))
        start = nth_occurrence(text, find, nth) if find else -1
        if start < 0:
            problems.append(f"{txt.name}: artifact {i}: {find!r} (nth {nth}) not found in the text")
            continue
        category = a.get("category", "")
        if category not in CATEGORIES:
            problems.append(f"{txt.name}: artifact {i}: unknown category {category!r}")
        gold.append(
            GoldSpan(
                index=i,
                category=category,
                start=start,
                end=start + len(find),
                find=find,
                repairs=tuple(a.get("repair", [])),
                safety=a.get("safety", "review"),
                scope=a.get("scope", "core"),
                alt=tuple(a.get("alt", [])),
                note=a.get("note", ""),
            )
        )
    keep = [k for k in raw.get("keep", []) if k]
    for k in keep:
        if k not in text:
            problems.append(f"{txt.name}: keep string {k!r} not found in the text")
    return Article(txt, text, gold, keep, problems)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.txt`` files among ``paths`` (folders searched recursively) that have a gold file."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(t for t in sorted(p.rglob("*.txt")) if gold_path(t).is_file())
        elif p.name.endswith(".gold.json"):
            txt = p.with_name(p.name[: -len(".gold.json")] + ".txt")
            if txt.is_file():
                found.append(txt)
        elif p.is_file() and gold_path(p).is_file():
            found.append(p)
    seen: set[Path] = set()
    return [t for t in found if not (t.resolve() in seen or seen.add(t.resolve()))]


# ---------------------------------------------------------------------------------------------
# Matching


def overlaps(start: int, end: int, g_start: int, g_end: int) -> bool:
    """Span overlap; a zero-width span (an insertion point) overlaps when it lies within."""
    if start == end:
        return g_start <= start <= g_end
    return start < g_end and g_start < end


def edit_touches(e: Edit, start: int, end: int) -> bool:
    """Whether an edit changes characters of ``[start, end)`` (an insertion must fall strictly inside)."""
    if e.start == e.end:
        return start < e.start < end
    return e.start < end and start < e.end


def edit_near(e: Edit, start: int, end: int) -> bool:
    """Whether an edit concerns a gold span: overlapping it, or an insertion at one of its edges."""
    if e.start == e.end:
        return start <= e.start <= end
    return e.start < end and start < e.end


def normalize(text: str) -> str:
    """Compare texts with any white-space run holding a line break reduced to one break."""
    return _NEWLINE_WS_RE.sub("\n", text).strip()


@dataclass
class LiveSpan:
    """A gold span followed through the passes of ``fix``: where it is now, and whether an
    earlier fix already changed it (then its repairs no longer apply to the current text)."""

    gold: GoldSpan
    start: int
    end: int
    intact: bool = True


def shift_spans(spans: list[LiveSpan], edits: Sequence[Edit]) -> None:
    """Move spans to the coordinates of the text after ``edits``; mark the spans they changed."""
    edits = sorted(edits)
    for s in spans:
        if any(edit_touches(e, s.start, s.end) for e in edits):
            s.intact = False
        s.start = map_pos(s.start, edits, left=True)
        s.end = max(s.start, map_pos(s.end, edits, left=False))


def map_pos(pos: int, edits: Sequence[Edit], *, left: bool) -> int:
    delta = 0
    for e in edits:
        if e.end <= pos and not (e.start == e.end == pos and left):
            delta += len(e.replacement) - (e.end - e.start)
        elif e.start < pos < e.end:
            return e.start + delta if left else e.start + delta + len(e.replacement)
        else:
            break
    return pos + delta


@dataclass(frozen=True)
class FixVerdict:
    """How one applied (or proposed) fix compares with the gold repairs."""

    finding: Finding
    ok: bool
    reason: str  # "repair", "unjudged", "outside-gold", "touches-keep", "no-repair", "partial", "wrong"
    passno: int = 1
    got: str = ""


def keep_spans(text: str, keep: Sequence[str]) -> list[tuple[int, int, str]]:
    out = []
    for k in keep:
        i = text.find(k)
        while i != -1:
            out.append((i, i + len(k), k))
            i = text.find(k, i + 1)
    return out


def judge_fix(f: Finding, text: str, spans: Sequence[LiveSpan], keeps: Sequence[tuple[int, int, str]],
              passno: int = 1) -> FixVerdict:
    """Judge one fix against the gold spans of the text it applies to (see module docstring)."""
    assert f.fix is not None
    edits = f.fix.edits
    near = [s for s in spans if any(edit_near(e, s.start, s.end) for e in edits)]
    if not near:
        return FixVerdict(f, False, "outside-gold", passno, _excerpt(text, edits))
    for ks, ke, k in keeps:
        if any(edit_touches(e, ks, ke) for e in edits) and not any(s.start <= ks and ke <= s.end for s in near):
            return FixVerdict(f, False, "touches-keep", passno, k)
    intact = [s for s in near if s.intact]
    if not intact:
        return FixVerdict(f, True, "unjudged", passno)
    fixed = normalize(apply_edits(text, edits))
    choices = [[(s, r) for r in s.gold.repairs] for s in intact]
    singles = [c for cs in choices for c in cs]
    combos: list[tuple[tuple[LiveSpan, str], ...]] = [(c,) for c in singles]
    if len(intact) > 1 and all(choices):
        combos.extend(itertools.islice(itertools.product(*choices), 64))
    for combo in combos:
        if _disjoint([(s.start, s.end) for s, _ in combo]):
            expected = apply_edits(text, [Edit(s.start, s.end, r) for s, r in combo])
            if normalize(expected) == fixed:
                return FixVerdict(f, True, "repair", passno)
    got = _excerpt(apply_edits(text, edits), edits)
    if not singles:
        return FixVerdict(f, False, "no-repair", passno, got)
    if _closer(text, edits, intact):
        return FixVerdict(f, False, "partial", passno, got)
    return FixVerdict(f, False, "wrong", passno, got)


def judge_pass(chosen: Sequence[Finding], text: str, spans: Sequence[LiveSpan],
               keeps: Sequence[tuple[int, int, str]], passno: int = 1) -> list[FixVerdict]:
    """Judge the fixes one pass applies. Fixes that touch the same gold span are judged together
    first (two fixes that turn « and » into quotes only make sense as a pair); when the group does
    not give a repair, each fix is judged on its own so the blame lands on the right rule."""
    groups: dict[int, list[Finding]] = defaultdict(list)
    for f in chosen:
        assert f.fix is not None
        near = [i for i, s in enumerate(spans) if any(edit_near(e, s.start, s.end) for e in f.fix.edits)]
        groups[min(near) if near else -1 - len(groups)].append(f)
    out: list[FixVerdict] = []
    for members in groups.values():
        if len(members) > 1:
            edits = tuple(e for f in members if f.fix is not None for e in f.fix.edits)
            joint = Finding(members[0].rule, members[0].category, members[0].start, members[-1].end, "",
                            fix=Fix(edits, Safety.SAFE))
            v = judge_fix(joint, text, spans, keeps, passno)
            if v.ok:
                out.extend(FixVerdict(f, True, v.reason, passno) for f in members)
                continue
        out.extend(judge_fix(f, text, spans, keeps, passno) for f in members)
    return out


def _disjoint(spans: list[tuple[int, int]]) -> bool:
    spans = sorted(spans)
    return all(b[0] >= a[1] for a, b in itertools.pairwise(spans))


def _closer(text: str, edits: Sequence[Edit], spans: Sequence[LiveSpan]) -> bool:
    """Whether the fix brings some span nearer to one of its repairs (a half repair)."""
    from rapidfuzz.distance import Levenshtein

    for s in spans:
        inner = [e for e in edits if s.start <= e.start and e.end <= s.end]
        if len(inner) != len(edits):
            continue
        before = s.gold.find
        after = apply_edits(text[s.start : s.end], [Edit(e.start - s.start, e.end - s.start, e.replacement) for e in inner])
        for r in s.gold.repairs:
            if Levenshtein.distance(after, r) < Levenshtein.distance(before, r):
                return True
    return False


def _excerpt(text: str, edits: Sequence[Edit], width: int = 30) -> str:
    if not edits:
        return ""
    a = max(0, edits[0].start - width)
    b = min(len(text), edits[-1].end + width)
    return text[a:b].replace("\n", "⏎")


# ---------------------------------------------------------------------------------------------
# One article


@dataclass
class ArticleResult:
    article: Article
    findings: list[Finding]
    found_by: dict[int, list[Finding]]  # gold index -> findings matching it (category/alt)
    false: list[Finding]
    miscategorised: list[Finding]  # overlap a gold span, but with none of its categories
    keep_hits: list[tuple[Finding, str]]
    safe_verdicts: list[FixVerdict]
    unsafe_verdicts: list[FixVerdict]
    passes: int
    converged: bool
    seconds: float


def evaluate_article(article: Article, fixer: Any) -> ArticleResult:
    """Check the article, match findings to gold, then fix it and judge every safe fix applied."""
    from .apply import fix_until_stable, resolve

    text = article.text
    t0 = time.perf_counter()
    findings = fixer.check(text, str(article.path))
    found_by: dict[int, list[Finding]] = defaultdict(list)
    false: list[Finding] = []
    mis: list[Finding] = []
    keeps = keep_spans(text, article.keep)
    keep_hits = []
    for f in findings:
        hit = [g for g in article.gold if overlaps(f.start, f.end, g.start, g.end)]
        if not hit:
            false.append(f)
        good = [g for g in hit if f.category in g.categories]
        for g in good:
            found_by[g.index].append(f)
        if hit and not good:
            mis.append(f)
        for ks, ke, k in keeps:
            inside_gold = any(g.start <= ks and ke <= g.end for g in hit)
            if overlaps(f.start, f.end, ks, ke) and f.start != ke and f.end != ks and not inside_gold:
                keep_hits.append((f, k))
                break

    # proposals that need a reviewer: judged on the original text, for information
    spans0 = [LiveSpan(g, g.start, g.end) for g in article.gold]
    unsafe = [judge_fix(f, text, spans0, keeps) for f in findings
              if f.fix is not None and f.fix.safety is Safety.UNSAFE]

    # safe fixes, pass by pass, as `fix` applies them
    passes: list[tuple[str, list[Finding]]] = []

    def check(t: str) -> list[Finding]:
        got = findings if t is text and not passes else fixer.check(t, str(article.path))
        passes.append((t, got))
        return got

    result = fix_until_stable(text, check, allow_unsafe=False)
    verdicts: list[FixVerdict] = []
    spans = [LiveSpan(g, g.start, g.end) for g in article.gold]
    for n, (t, got) in enumerate(passes, 1):
        chosen, _ = resolve(got, allow_unsafe=False)
        if not chosen or n > result.passes:
            break
        keeps_now = keep_spans(t, article.keep)
        verdicts.extend(judge_pass(chosen, t, spans, keeps_now, n))
        shift_spans(spans, [e for f in chosen if f.fix is not None for e in f.fix.edits])
    seconds = time.perf_counter() - t0
    return ArticleResult(article, findings, dict(found_by), false, mis, keep_hits, verdicts, unsafe,
                         result.passes, result.converged, seconds)


def make_fixer(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Any:
    from .engine import Config, Fixer

    return Fixer(Config(select=tuple(select), ignore=tuple(ignore)))


def evaluate_paths(paths: Iterable[str | Path], fixer: Any = None) -> list[ArticleResult]:
    """Evaluate every annotated article under ``paths`` with one ``Fixer`` (all rules by default)."""
    fixer = fixer if fixer is not None else make_fixer()
    return [evaluate_article(load_article(t), fixer) for t in discover(paths)]


# ---------------------------------------------------------------------------------------------
# Figures


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return round(2 * p * r / (p + r), 4)


def summarize(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """The figures, as one JSON-ready dict (the shape ``bench/baseline.json`` floors refer to)."""
    total: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    by_cat_findings: Counter[str] = Counter()
    by_cat_false: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    reasons: Counter[str] = Counter()
    problems: list[str] = []
    clean_articles = clean_false = 0
    n_findings = n_false = n_mis = n_keep = 0
    unsafe_ok = unsafe_n = 0
    not_converged = []
    seconds = 0.0
    for res in results:
        a = res.article
        problems.extend(a.problems)
        seconds += res.seconds
        if not res.converged:
            not_converged.append(a.path.name)
        for g in a.gold:
            total[(g.scope, g.category)] += 1
            if g.index in res.found_by:
                found[(g.scope, g.category)] += 1
                for rid in {f.rule for f in res.found_by[g.index]}:
                    rules[rid]["gold_found"] += 1
        n_findings += len(res.findings)
        n_false += len(res.false)
        n_mis += len(res.miscategorised)
        n_keep += len(res.keep_hits)
        if a.clean:
            clean_articles += 1
            clean_false += len(res.findings)
        for f in res.findings:
            by_cat_findings[f.category] += 1
            rules[f.rule]["findings"] += 1
        for f in res.false:
            by_cat_false[f.category] += 1
            rules[f.rule]["false"] += 1
            if a.clean:
                rules[f.rule]["false_clean"] += 1
        for v in res.safe_verdicts:
            rules[v.finding.rule]["safe_fixes"] += 1
            if not v.ok:
                rules[v.finding.rule]["safe_fix_errors"] += 1
                reasons[v.reason] += 1
        for v in res.unsafe_verdicts:
            unsafe_n += 1
            unsafe_ok += v.reason == "repair"
    recall: dict[str, Any] = {}
    for scope in (*SCOPES, "all"):
        scopes = SCOPES if scope == "all" else (scope,)
        cats = {}
        for c in CATEGORIES:
            t = sum(total[(s, c)] for s in scopes)
            if t:
                fd = sum(found[(s, c)] for s in scopes)
                cats[c] = {"found": fd, "total": t, "recall": _ratio(fd, t)}
        t = sum(v["total"] for v in cats.values())
        fd = sum(v["found"] for v in cats.values())
        recall[scope] = {"found": fd, "total": t, "recall": _ratio(fd, t), "by_category": cats}
    precision = _ratio(n_findings - n_false, n_findings)
    safe_n = sum(len(r.safe_verdicts) for r in results)
    safe_err = sum(reasons.values())
    rule_rows = {}
    for rid in sorted(rules):
        c = rules[rid]
        rule_rows[rid] = {
            "findings": c["findings"],
            "false": c["false"],
            "false_clean": c["false_clean"],
            "precision": _ratio(c["findings"] - c["false"], c["findings"]),
            "gold_found": c["gold_found"],
            "safe_fixes": c["safe_fixes"],
            "safe_fix_errors": c["safe_fix_errors"],
        }
    return {
        "articles": len(results),
        "gold_spans": sum(total.values()),
        "recall": recall,
        "precision": {
            "findings": n_findings,
            "false": n_false,
            "precision": precision,
            "miscategorised": n_mis,
            "keep_hits": n_keep,
            "by_category": {
                c: {"findings": by_cat_findings[c], "false": by_cat_false[c],
                    "precision": _ratio(by_cat_findings[c] - by_cat_false[c], by_cat_findings[c])}
                for c in CATEGORIES if by_cat_findings[c]
            },
        },
        "f1": {"core": _f1(precision, recall["core"]["recall"]), "all": _f1(precision, recall["all"]["recall"])},
        "clean": {"articles": clean_articles, "false_findings": clean_false,
                  "per_article": _ratio(clean_false, clean_articles)},
        "safe_fixes": {"applied": safe_n, "errors": safe_err, "by_reason": dict(sorted(reasons.items()))},
        "unsafe_fixes": {"proposed": unsafe_n, "matching_a_repair": unsafe_ok},
        "not_converged": not_converged,
        "false_by_article": {r.article.path.name: len(r.false) for r in results if r.false},
        "rules": rule_rows,
        "problems": problems,
        "seconds": round(seconds, 3),
    }


def floor_failures(summary: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """What falls below the pinned floors (or above the pinned ceilings); empty when all hold.

    Keys of ``floors``: ``recall_core``, ``recall_all``, ``precision``, ``f1_core`` (minimums),
    ``recall_core_by_category`` (minimum per category), ``max_false_per_clean_article`` and
    ``max_safe_fix_errors`` (maximums). A missing key is not checked.
    """
    got = {
        "recall_core": summary["recall"]["core"]["recall"],
        "recall_all": summary["recall"]["all"]["recall"],
        "precision": summary["precision"]["precision"],
        "f1_core": summary["f1"]["core"],
    }
    out = []
    for key, value in got.items():
        floor = floors.get(key)
        if floor is not None and (value if value is not None else 0.0) < floor:
            out.append(f"{key} {value} < floor {floor}")
    cats = summary["recall"]["core"]["by_category"]
    for cat, floor in floors.get("recall_core_by_category", {}).items():
        value = cats.get(cat, {}).get("recall") or 0.0
        if value < floor:
            out.append(f"core recall of {cat} {value} < floor {floor}")
    per_clean = summary["clean"]["per_article"]
    ceiling = floors.get("max_false_per_clean_article")
    if ceiling is not None and per_clean is not None and per_clean > ceiling:
        out.append(f"false findings per clean article {per_clean} > ceiling {ceiling}")
    ceiling = floors.get("max_safe_fix_errors")
    if ceiling is not None and summary["safe_fixes"]["errors"] > ceiling:
        out.append(f"wrong safe fixes {summary['safe_fixes']['errors']} > ceiling {ceiling}")
    return out


# ---------------------------------------------------------------------------------------------
# Text output


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}%"


def format_text(summary: dict[str, Any], *, per_rule: bool = False) -> str:
    s = summary
    out = [f"{s['articles']} articles, {s['gold_spans']} gold spans, {s['seconds']:.2f} s (check + fix)"]
    out.append("")
    out.append(f"{'recall':<16}{'core':>18}{'stretch':>18}{'all':>18}")
    for c in (*CATEGORIES, None):
        cells = []
        for scope in (*SCOPES, "all"):
            r = s["recall"][scope]
            row = r if c is None else r["by_category"].get(c)
            cells.append(f"{row['found']:>4}/{row['total']:<4} {_pct(row['recall'])}" if row and row["total"] else f"{'-':>17}")
        out.append(f"{c or 'overall':<16}" + "".join(f"{x:>18}" for x in cells))
    p = s["precision"]
    out.append("")
    out.append(f"precision       {_pct(p['precision'])}  ({p['findings'] - p['false']}/{p['findings']} findings overlap a gold span;"
               f" {p['false']} false, {p['miscategorised']} with another category, {p['keep_hits']} on a keep string)")
    for c, row in p["by_category"].items():
        out.append(f"  {c:<15}{_pct(row['precision'])}  ({row['false']} false of {row['findings']})")
    out.append(f"F1              core {_pct(s['f1']['core'])}   all {_pct(s['f1']['all'])}")
    cl = s["clean"]
    per = "n/a" if cl["per_article"] is None else f"{cl['per_article']:.2f}"
    out.append(f"clean articles  {cl['articles']}: {cl['false_findings']} false findings, {per} per article")
    sf = s["safe_fixes"]
    reasons = ", ".join(f"{k} {v}" for k, v in sf["by_reason"].items())
    out.append(f"safe fixes      {sf['applied']} applied, {sf['errors']} wrong" + (f" ({reasons})" if reasons else ""))
    uf = s["unsafe_fixes"]
    out.append(f"unsafe fixes    {uf['proposed']} proposed, {uf['matching_a_repair']} give a gold repair")
    if s["not_converged"]:
        out.append(f"not converged   {', '.join(s['not_converged'])}")
    if per_rule and s["rules"]:
        out.append("")
        out.append(f"{'rule':<42}{'finds':>6}{'false':>6}{'clean':>6}{'prec':>8}{'gold':>6}{'safe':>6}{'wrong':>6}")
        for rid, r in s["rules"].items():
            out.append(f"{rid:<42}{r['findings']:>6}{r['false']:>6}{r['false_clean']:>6}{_pct(r['precision']):>8}"
                       f"{r['gold_found']:>6}{r['safe_fixes']:>6}{r['safe_fix_errors']:>6}")
    for prob in s["problems"]:
        out.append(f"gold problem: {prob}")
    return "\n".join(out)


def headline(summary: dict[str, Any]) -> dict[str, float | int | None]:
    """The figures worth following from one release to the next, flat."""
    out: dict[str, float | int | None] = {
        "recall core": summary["recall"]["core"]["recall"],
        "recall stretch": summary["recall"]["stretch"]["recall"],
        "precision": summary["precision"]["precision"],
        "F1 core": summary["f1"]["core"],
        "false per clean article": summary["clean"]["per_article"],
        "wrong safe fixes": summary["safe_fixes"]["errors"],
        "safe fixes": summary["safe_fixes"]["applied"],
    }
    for cat, row in summary["recall"]["core"]["by_category"].items():
        out[f"recall core {cat}"] = row["recall"]
    return out


def format_comparison(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Side by side figures of an earlier ``--json`` output and this run, with the change."""
    a, b = headline(old), headline(new)
    lines = [f"{'':<32}{'before':>10}{'now':>10}{'change':>10}"]
    for key in b:
        x, y = a.get(key), b.get(key)
        change = "" if x is None or y is None else f"{y - x:+.3f}".rstrip("0").rstrip(".")
        lines.append(f"{key:<32}{'-' if x is None else x:>10}{'-' if y is None else y:>10}{change:>10}")
    return "\n".join(lines)


def format_details(results: Sequence[ArticleResult]) -> str:
    """Per article: missed core spans, false findings and wrong safe fixes, to debug rules."""
    out = []
    for res in results:
        a = res.article
        lines = []
        for g in a.gold:
            if g.index not in res.found_by and g.scope == "core":
                lines.append(f"  missed  {g.category:<14} {g.find[:70]!r}")
        for f in res.false:
            lines.append(f"  false   {f.rule:<30} {a.text[f.start:f.end][:60]!r}")
        for v in res.safe_verdicts:
            if not v.ok:
                lines.append(f"  badfix  {v.finding.rule:<30} {v.reason}: {v.got[:80]!r}")
        if lines:
            out.append(f"{a.path.name}:")
            out.extend(lines)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """``python -m fixer.evaluate PATH... [--json] [--per-rule] [--details] [--compare OLD.json]``;
    exit 2 on bad input."""
    ap = argparse.ArgumentParser(prog="fixer eval", description="Score fixer against NAME.gold.json annotations.")
    ap.add_argument("paths", nargs="+", help="articles (NAME.txt with NAME.gold.json beside) or folders")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--per-rule", action="store_true", help="add a table per rule")
    ap.add_argument("--details", action="store_true", help="list misses, false findings and wrong safe fixes")
    ap.add_argument("--compare", metavar="OLD.json", help="show the change from an earlier --json output")
    ap.add_argument("--select", default="", help="rule ids or categories, comma-separated")
    ap.add_argument("--ignore", default="", help="rule ids or categories, comma-separated")
    args = ap.parse_args(argv)
    files = discover(args.paths)
    if not files:
        print(f"fixer eval: no annotated article (NAME.txt + NAME.gold.json) in {' '.join(args.paths)}", file=sys.stderr)
        return 2
    try:
        fixer = make_fixer([x for x in args.select.split(",") if x], [x for x in args.ignore.split(",") if x])
        results = [evaluate_article(load_article(t), fixer) for t in files]
    except (OSError, ValueError) as exc:
        print(f"fixer eval: {exc}", file=sys.stderr)
        return 2
    summary = summarize(results)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_text(summary, per_rule=args.per_rule))
    if args.details:
        print(format_details(results))
    if args.compare:
        try:
            old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"fixer eval: {args.compare}: {exc}", file=sys.stderr)
            return 2
        print(("\n" if not args.json else "") + format_comparison(old, summary),
              file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
