"""The overlap policy and the fixed-point loop of fixer.apply."""

from __future__ import annotations

from fixer.apply import apply_edits, fix_until_stable, resolve
from fixer.model import Edit, Finding, Fix, Safety


def finding(rule: str, cat: str, start: int, end: int, rep: str, safety: str = "safe") -> Finding:
    return Finding(rule, cat, start, end, "m", fix=Fix.replace(start, end, rep, safety))


def test_wider_fix_wins_at_same_start() -> None:
    line = finding("boilerplate.x", "boilerplate", 0, 20, "")
    word = finding("merged-word.y", "merged-word", 0, 5, "a b")
    chosen, skipped = resolve([word, line])
    assert chosen == [line]
    assert skipped == [word]


def test_touching_edits_both_apply() -> None:
    text = "[au Mali]is"
    a = finding("untranslated.p", "untranslated", 1, 8, "in Mali")
    b = Finding("merged-word.p", "merged-word", 9, 9, "m", fix=Fix((Edit(9, 9, " "),)))
    chosen, skipped = resolve([a, b], allow_unsafe=True)
    assert len(chosen) == 2 and not skipped
    assert apply_edits(text, [e for f in chosen for e in f.fix.edits]) == "[in Mali] is"


def test_two_insertions_at_one_point_conflict() -> None:
    a = Finding("a.x", "typography", 3, 3, "m", fix=Fix((Edit(3, 3, " "),)))
    b = Finding("b.x", "typography", 3, 3, "m", fix=Fix((Edit(3, 3, "."),)))
    chosen, skipped = resolve([b, a])
    assert len(chosen) == 1 and len(skipped) == 1
    assert chosen[0].rule == "a.x"  # deterministic: rule id breaks the tie


def test_identical_edit_from_two_rules_applies_once() -> None:
    a = finding("a.x", "typography", 2, 3, "")
    b = finding("b.x", "typography", 2, 3, "")
    chosen, skipped = resolve([a, b])
    assert len(chosen) == 1 and not skipped


def test_unsafe_needs_permission_or_acceptance() -> None:
    f = finding("a.x", "terminology", 0, 3, "XYZ", "unsafe")
    assert resolve([f]) == ([], [])
    assert resolve([f], allow_unsafe=True)[0] == [f]
    assert resolve([f], accepted={id(f)})[0] == [f]


def test_order_is_deterministic_whatever_the_input_order() -> None:
    fs = [finding(f"r.{i}", "typography", i, i + 2, "z") for i in range(6)]
    assert resolve(fs)[0] == resolve(list(reversed(fs)))[0]


def test_fixed_point_loop_converges_and_is_idempotent() -> None:
    def check(text: str) -> list[Finding]:
        i = text.find("  ")
        return [finding("typography.double-space", "typography", i, i + 2, " ")] if i >= 0 else []

    result = fix_until_stable("a    b", check)
    assert result.text == "a b"
    assert result.converged
    assert fix_until_stable(result.text, check).text == result.text


def test_fix_rejects_overlapping_edits_inside_one_fix() -> None:
    import pytest

    with pytest.raises(ValueError):
        Fix((Edit(0, 3, "a"), Edit(2, 4, "b")), Safety.SAFE)


def _naive_resolve(findings: list[Finding]) -> list[Finding]:
    """The policy spelled out pairwise, to check the indexed sweep against."""
    from fixer.apply import _RANK, _conflicts

    cands = sorted(
        (f for f in findings if f.fix is not None and f.fix.safety is Safety.SAFE),
        key=lambda f: (f.fix.start, -(f.fix.end - f.fix.start), _RANK.get(f.category, 99), f.rule, f.start),
    )
    kept: list[Edit] = []
    seen: set = set()
    out = []
    for f in cands:
        if f.fix.edits in seen:
            continue
        if any(_conflicts(e, k) for e in f.fix.edits for k in kept):
            continue
        kept.extend(f.fix.edits)
        seen.add(f.fix.edits)
        out.append(f)
    return out


def test_indexed_sweep_matches_the_pairwise_policy() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    span = st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", " ", "x"]))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(span, max_size=25))
    def check(spans: list[tuple[int, int, str]]) -> None:
        fs = [finding(f"r.{i % 4}", "typography", s, s + n, rep) for i, (s, n, rep) in enumerate(spans)]
        assert resolve(fs)[0] == _naive_resolve(fs)

    check()
