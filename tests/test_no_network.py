"""fixer never reaches the network (contract.md): run it with the socket module blocked.

The CLI runs in a fresh interpreter whose ``socket`` functions raise before anything of fixer
is imported, so imports, lazy word lists and every rule are covered; a blocked call inside a
rule would surface as a reported rule failure (exit 2), anywhere else as an error.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

BLOCK = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        sys.stderr.write("NETWORK ATTEMPT\\n")
        raise OSError("network access is blocked in this test")

    socket.socket = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    socket.socketpair = refuse

    from fixer.cli import main
    for args in (["check", "--format", "json", "a.txt", "b.jsonl"], ["fix", "a.txt", "b.jsonl"]):
        sys.argv = ["fixer", *args]
        try:
            main()
        except SystemExit as exc:
            sys.stderr.write(f"EXIT {exc.code}\\n")
    """
)

ARTICLE = "The minister announced theReform on Monday .\nAlso read : Strikes continue\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    from conftest import SHARED

    seed = SHARED / "seed" / "aes-one-year-later.txt"
    p = tmp_path / "a.txt"
    p.write_text(seed.read_text(encoding="utf-8") if seed.is_file() else ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Really ?"}\n', encoding="utf-8")
    return p


def test_check_and_fix_without_network(article: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", BLOCK], cwd=article.parent, capture_output=True, text=True, timeout=300)
    assert "NETWORK ATTEMPT" not in proc.stderr
    codes = [ln for ln in proc.stderr.splitlines() if ln.startswith("EXIT ")]
    assert codes[0] == "EXIT 1", proc.stderr  # check: findings, no error
    assert codes[1] in ("EXIT 0", "EXIT 1"), proc.stderr  # fix: no error
    assert "fixer:" not in proc.stderr  # no problem line from any rule
    assert '"Really?"' in (article.parent / "b.jsonl").read_text(encoding="utf-8")


def test_library_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    import fixer

    assert fixer.fix_text("Really ?", fixer.Config(select=("typography",))) == "Really?"
    assert fixer.check_text(ARTICLE, fixer.Config(select=("typography", "merged-word")))
