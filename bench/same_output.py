"""Check that a speed-up changed nothing: every finding, message and fix on a wide set of texts.

Optimising detectors is only safe when their output stays byte-identical. This script runs
``check`` (and ``fix``, safe and unsafe) over our samples, the red-team texts in
``tests/clean_texts``, the dev corpus when ``../shared`` is there, and variants of each (CRLF line
breaks, two articles joined, the text without its first line) so edge positions are covered, and
writes one JSON record per text. Save a fingerprint before a change and compare after it:

    python bench/same_output.py --save /tmp/before.json
    ... change code ...
    python bench/same_output.py --compare /tmp/before.json   # exit 1 and the first differences
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def source_texts() -> list[tuple[str, str]]:
    roots = [REPO / "samples", REPO / "tests" / "clean_texts", REPO.parent / "shared" / "corpus" / "dev"]
    out = []
    for root in roots:
        if root.is_dir():
            for p in sorted(root.rglob("*.txt")):
                out.append((str(p.relative_to(root.parent)), p.read_text(encoding="utf-8")))
    return out


def variants(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = list(texts)
    for i, (name, text) in enumerate(texts):
        out.append((name + "#crlf", text.replace("\n", "\r\n")))
        out.append((name + "#tail", text.split("\n", 1)[-1]))
        other_name, other = texts[(i + 1) % len(texts)]
        out.append((name + "#+" + other_name, text + "\n\n" + other))
    return out


def fingerprint(fixer_unsafe: bool = True) -> dict[str, dict]:
    from fixer.engine import Config, Fixer

    fixer = Fixer(Config())
    result = {}
    for name, text in variants(source_texts()):
        found = fixer.check(text)
        rows = [
            [f.rule, f.start, f.end, f.message, f.explanation,
             None if f.fix is None else [f.fix.safety.value, f.fix.title,
                                         [[e.start, e.end, e.replacement] for e in f.fix.edits]]]
            for f in found
        ]
        safe = fixer.fix(text, unsafe=False).text
        unsafe = fixer.fix(text, unsafe=True).text if fixer_unsafe else ""
        result[name] = {
            "findings": rows,
            "fix": hashlib.sha1(safe.encode()).hexdigest(),
            "fix_unsafe": hashlib.sha1(unsafe.encode()).hexdigest(),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    now = fingerprint()
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(now)} texts, {sum(len(v['findings']) for v in now.values())} findings saved")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(before) | set(now)):
        a, b = before.get(name), now.get(name)
        if a == b:
            continue
        bad += 1
        if bad > 10:
            continue
        print(f"DIFFERS: {name}")
        if a and b:
            sa = {json.dumps(r, ensure_ascii=False) for r in a["findings"]}
            sb = {json.dumps(r, ensure_ascii=False) for r in b["findings"]}
            for r in sorted(sa - sb)[:5]:
                print("  - " + r[:300])
            for r in sorted(sb - sa)[:5]:
                print("  + " + r[:300])
            for k in ("fix", "fix_unsafe"):
                if a[k] != b[k]:
                    print(f"  {k} output differs")
    print(f"{len(now)} texts, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
