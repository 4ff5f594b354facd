"""Load and validate the rule files of ``rules/`` (and of user rule folders).

A rule file is TOML with ``[[rule]]`` tables; every key that the loader does not know is kept
in ``Rule.params`` for the rule's kind or detector. Validation is strict about what would make
a rule silently useless (unknown kind or category, duplicate id, missing message) and names the
file and rule in its one-line error, like Vale's E201.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import DataError, DataStore, read_toml_file
from .model import CATEGORIES, Example, Rule, Safety

KINDS = ("pattern", "lines", "detector")
CORE_KEYS = {"id", "category", "kind", "message", "explanation", "safety", "severity", "example"}
EXAMPLE_KEYS = {"bad", "fixed", "keep", "safety", "expect", "note"}


class RuleFileError(DataError):
    """A malformed rule file."""


def parse_rule(table: dict[str, Any], source: str) -> Rule:
    rid = table.get("id")
    where = f"{source}: rule {rid!r}" if rid else f"{source}: a rule"
    if not isinstance(rid, str) or "." not in rid:
        raise RuleFileError(f"{where}: 'id' must be a string 'category.name'")
    category = table.get("category", rid.split(".", 1)[0])
    if category not in CATEGORIES:
        raise RuleFileError(f"{where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
    kind = table.get("kind", "pattern")
    if kind not in KINDS:
        raise RuleFileError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    message = table.get("message")
    if not isinstance(message, str) or not message:
        raise RuleFileError(f"{where}: 'message' is required")
    try:
        safety = Safety(table.get("safety", "safe"))
    except ValueError:
        raise RuleFileError(f"{where}: safety must be 'safe' or 'unsafe'") from None
    examples = []
    for ex in table.get("example", []):
        if not isinstance(ex, dict):
            raise RuleFileError(f"{where}: each [[rule.example]] must be a table")
        unknown = set(ex) - EXAMPLE_KEYS
        if unknown:
            raise RuleFileError(f"{where}: unknown example key(s) {', '.join(sorted(unknown))}")
        if ("bad" in ex) == ("keep" in ex):
            raise RuleFileError(f"{where}: an example has either 'bad' or 'keep'")
        examples.append(Example(**ex))
    params = {k: v for k, v in table.items() if k not in CORE_KEYS}
    if kind == "detector" and not isinstance(params.get("detector"), str):
        raise RuleFileError(f"{where}: kind 'detector' needs 'detector = \"module:function\"'")
    return Rule(
        id=rid,
        category=category,
        kind=kind,
        message=message,
        explanation=str(table.get("explanation", "")).strip(),
        safety=safety,
        severity=str(table.get("severity", "warning")),
        examples=tuple(examples),
        params=params,
        source=source,
    )


def load_rule_file(path: Path) -> list[Rule]:
    doc = read_toml_file(path)
    tables = doc.get("rule", [])
    if not isinstance(tables, list):
        raise RuleFileError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    return [parse_rule(t, str(path)) for t in tables]


def load_rules(store: DataStore) -> list[Rule]:
    """Every rule of every top-level ``*.toml`` of the rule folders; a user rule with the id of
    a bundled one replaces it (so users can retune a bundled rule)."""
    by_id: dict[str, Rule] = {}
    for d in store.dirs:
        files = [d] if d.is_file() else sorted(d.glob("*.toml"))
        seen_here: set[str] = set()
        for path in files:
            for rule in load_rule_file(path):
                if rule.id in seen_here:
                    raise RuleFileError(f"{path}: duplicate rule id {rule.id!r}")
                seen_here.add(rule.id)
                by_id[rule.id] = rule
    return list(by_id.values())


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """Keep the rules named by ``select`` (ids, id prefixes or categories) minus ``ignore``."""

    def matches(rule: Rule, keys: list[str]) -> bool:
        return any(rule.id == k or rule.category == k or rule.id.startswith(k.rstrip(".") + ".") for k in keys)

    out = [r for r in rules if not select or matches(r, select)]
    return [r for r in out if not ignore or not matches(r, ignore)]
