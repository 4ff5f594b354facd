"""The JSON document of ``fixer check --format json`` (version 1 of contract.md)."""

from __future__ import annotations

import json
from typing import Any

from ..batch import FileOutcome, Unit
from ..document import Document
from ..model import Finding


def finding_json(f: Finding, doc: Document) -> dict[str, Any]:
    line, column = doc.line_col(f.start)
    return {
        "rule": f.rule,
        "category": f.category,
        "start": f.start,
        "end": f.end,
        "line": line,
        "column": column,
        "text": doc.text[f.start : f.end],
        "message": f.message,
        "explanation": f.explanation,
        "fix": f.fix.to_json() if f.fix is not None else None,
    }


def unit_json(unit: Unit) -> dict[str, Any]:
    doc = Document(unit.text)
    return {
        "path": unit.path,
        "record": unit.record,
        "findings": [finding_json(f, doc) for f in sorted(unit.findings, key=Finding.sort_key)],
    }


def render(outcomes: list[FileOutcome]) -> str:
    files = [unit_json(u) for o in outcomes for u in o.units]
    errors = [e for o in outcomes for e in o.errors + o.warnings]
    doc: dict[str, Any] = {"version": 1, "files": files}
    if errors:
        doc["errors"] = errors
    return json.dumps(doc, ensure_ascii=False, indent=1)
