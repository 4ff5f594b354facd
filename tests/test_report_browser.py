"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Chromium is driven through ``--remote-debugging-pipe`` (JSON messages separated by NUL bytes
on file descriptors 3 and 4), which needs nothing beyond the standard library: no selenium,
no websocket client. The test opens the report of the seed article, checks that every finding
of ``fixer check`` is on the page, uses a category filter, decides with the keyboard, exports
the decisions through the page's own download link, and feeds the file back to ``fixer``.
A screenshot is kept in ``tests/output/`` for a human to look at. Skipped without Chromium.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
OUTPUT = Path(__file__).resolve().parent / "output"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")

# Rules of the test's own, so the page has unsafe, safe and warning-only findings whatever the
# bundled detectors find on the seed article.
TEST_RULES = r"""
[[rule]]
id = "terminology.test-jnim"
kind = "pattern"
message = "Acronym written in lower case."
explanation = "What: Jnim.\nFix safety: unsafe (test rule)."
safety = "unsafe"
pattern = '\bJnim\b'
replace = "JNIM"
  [[rule.example]]
  bad = "by the ⟦Jnim⟧"
  fixed = "by the JNIM"
  [[rule.example]]
  keep = "by the JNIM"

[[rule]]
id = "untranslated.test-ndlr"
kind = "pattern"
message = "French editor's note (test rule)."
pattern = '\bNDLR\b'
  [[rule.example]]
  bad = "[in Mali, ⟦NDLR⟧]"
  [[rule.example]]
  keep = "[in Mali, Ed.]"
"""


def seed_article() -> Path:
    p = REPO / "samples" / "aes-one-year-later.txt"
    if p.exists():
        return p
    shared = REPO.parent / "shared" / "seed" / "aes-one-year-later.txt"
    if not shared.exists():
        pytest.skip("seed article not found")
    return shared


def fixer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fixer.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


# dash cannot redirect fds above 9, so a two-line Python launcher puts the pipe on fds 3 and 4.
_LAUNCH = "import os,sys; r,w=map(int,sys.argv[1:3]); os.dup2(r,3); os.dup2(w,4); os.close(r); os.close(w); " \
    "os.execv(sys.argv[3], sys.argv[3:])"


class Chromium:
    """A headless Chromium and one page, spoken to over the DevTools pipe."""

    def __init__(self, profile: Path) -> None:
        import fcntl  # POSIX only, like the pipe itself: imported here so other tests run anywhere

        to_r, to_w = os.pipe()  # our commands  -> chromium's fd 3
        from_r, from_w = os.pipe()  # its answers -> our reader (its fd 4)
        # Move the child's ends above 9 so that putting them on 3 and 4 cannot clobber them.
        hi_r = fcntl.fcntl(to_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_w = fcntl.fcntl(from_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_r)
        os.close(from_w)
        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-pipe",
            "--window-size=1366,900", "about:blank",
        ]
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(hi_r), str(hi_w), str(CHROMIUM), *flags],
            pass_fds=(hi_r, hi_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(hi_r)
        os.close(hi_w)
        self.out, self.inp = to_w, from_r
        self.buf = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.out)
        os.close(self.inp)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self.inp], [], [], left)
            if ready:
                chunk = os.read(self.inp, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buf += chunk
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True,
             timeout: float = 30) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            got = self._read(deadline)
            if got.get("id") == self.next_id:
                if "error" in got:
                    raise RuntimeError(f"{method}: {got['error']}")
                return got.get("result", {})
            self.events.append(got)

    def wait_event(self, method: str, timeout: float = 30, **match: Any) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method and all(ev["params"].get(k) == v for k, v in match.items()):
                    return self.events.pop(i)["params"]
            self.events.append(self._read(deadline))

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)[
            "sessionId"
        ]
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 900, "deviceScaleFactor": 1,
                                                         "mobile": False})
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        got = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in got:
            raise AssertionError(f"page script failed: {got['exceptionDetails']}")
        return got["result"].get("value")

    def key(self, key: str) -> None:
        """A real key press, as the keyboard would send it (key down with text, key up)."""
        code = {"Enter": 13, "Escape": 27}.get(key, ord(key.upper()) if len(key) == 1 else 0)
        down: dict[str, Any] = {"type": "keyDown", "key": key, "windowsVirtualKeyCode": code}
        if key == "Enter":
            down["text"] = "\r"
        elif len(key) == 1:
            down["text"] = key
        self.call("Input.dispatchKeyEvent", down)
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "windowsVirtualKeyCode": code})

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))


def check_json(article: Path, rules: Path, decisions: Path | None = None) -> list[dict[str, Any]]:
    from fixer.document import Document
    from fixer.engine import Config, Fixer
    from fixer.output.json_out import finding_json

    text = article.read_text(encoding="utf-8")
    doc = Document(text)
    fx = Fixer(Config(rule_dirs=(rules,), decisions=decisions))
    return [finding_json(f, doc) for f in fx.check(text, article.name)]


@pytest.fixture
def browser(tmp_path: Path):
    b = Chromium(tmp_path / "profile")
    try:
        yield b
    finally:
        b.close()


@needs_chromium
def test_report_in_headless_chromium(tmp_path: Path, browser: Chromium) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "test.toml").write_text(TEST_RULES, encoding="utf-8")
    article = tmp_path / "seed.txt"
    shutil.copyfile(seed_article(), article)

    expected = check_json(article, rules)  # what `fixer check --format json` reports, in process
    counts = Counter(f["category"] for f in expected)
    proc = fixer("report", "--rules", "rules", "--no-decisions", "seed.txt", "--html", "report.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert f"{len(expected)} findings" in proc.stdout

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads),
                                                 "eventsEnabled": True}, session=False)
    browser.open((tmp_path / "report.html").as_uri())

    # Every finding is on the page, visible, in order, and the header counts agree.
    shown = browser.js("""Array.from(document.querySelectorAll('.finding')).map(c => ({
        rule: c.dataset.rule, cat: c.dataset.cat, visible: c.getClientRects().length > 0,
        line: c.querySelector('.loc').textContent}))""")
    assert [(s["rule"], s["cat"]) for s in shown] == [(f["rule"], f["category"]) for f in expected]
    assert all(s["visible"] for s in shown)
    assert [s["line"] for s in shown] == [f"line {f['line']}, column {f['column']}" for f in expected]
    chips = browser.js("Object.fromEntries(Array.from(document.querySelectorAll('.chip.cat')).map("
                       "b => [b.dataset.cat, Number(b.querySelector('.n').textContent)]))")
    assert chips == dict(counts)
    assert browser.js("document.querySelectorAll('[src], link, [href^=http]').length") == 0

    # Filter: hide every category but terminology by clicking the chips.
    browser.js("document.querySelectorAll('.chip.cat:not([data-cat=terminology])').forEach(b => b.click())")
    visible = browser.js("Array.from(document.querySelectorAll('.finding')).filter(c => !c.hidden)"
                         ".map(c => c.dataset.cat)")
    assert visible == ["terminology"] * counts["terminology"]
    assert browser.js("document.getElementById('shown').textContent") == (
        f"showing {counts['terminology']} of {len(expected)}"
    )
    browser.key("r")  # keyboard: show everything again
    assert browser.js("document.querySelectorAll('.finding:not([hidden])').length") == len(expected)

    # Move with the keyboard: j and k go from card to card.
    browser.js("document.activeElement.blur()")
    browser.key("j")
    browser.key("j")
    assert browser.js("document.activeElement.id") == "f-1"
    browser.key("k")
    assert browser.js("document.activeElement.id") == "f-0"
    browser.key("w")
    if expected[0]["explanation"]:
        assert browser.js("document.querySelector('#f-0 details').open") is True

    # Decide with the keyboard: reject the first Jnim fix, accept the second, rewrite the NDLR span.
    jnim = [i for i, f in enumerate(expected) if f["rule"] == "terminology.test-jnim"]
    ndlr = next(i for i, f in enumerate(expected) if f["rule"] == "untranslated.test-ndlr")
    assert len(jnim) >= 2
    browser.js(f"document.getElementById('f-{jnim[0]}').focus()")
    browser.key("n")
    browser.js(f"document.getElementById('f-{jnim[1]}').focus()")
    browser.key("y")
    browser.js(f"document.getElementById('f-{ndlr}').focus()")
    browser.key("e")
    assert browser.js("document.activeElement.name") == "use"
    browser.call("Input.insertText", {"text": "Ed."})  # replaces the prefilled, selected span
    assert browser.js("document.activeElement.value") == "Ed."
    browser.key("Enter")
    states = browser.js("Array.from(document.querySelectorAll('.finding')).map(c => c.dataset.state)")

    def twins(i: int) -> set[int]:  # the same edits proposed by other rules share the answer
        return {j for j, f in enumerate(expected) if f["fix"] and f["fix"]["edits"] == expected[i]["fix"]["edits"]}

    rejected, accepted = twins(jnim[0]), twins(jnim[1])
    want = {**{j: "reject" for j in rejected}, **{j: "accept" for j in accepted}, ndlr: "edit"}
    assert {i: st for i, st in enumerate(states) if st} == want
    assert browser.js("document.getElementById('progress').textContent").startswith(f"{len(want)} of ")
    OUTPUT.mkdir(exist_ok=True)
    browser.js(f"document.getElementById('f-{jnim[0]}').scrollIntoView()")
    browser.screenshot(OUTPUT / "report-seed.png")

    # Export through the page's own dialog and download link.
    browser.key("x")
    assert browser.js("document.getElementById('export-dlg').open") is True
    shown_text = browser.js("document.getElementById('export-text').value")
    browser.js("document.getElementById('download').click()")
    done = browser.wait_event("Browser.downloadProgress", state="completed")
    exported = Path(done.get("filePath") or downloads / "decisions.toml")
    assert exported.read_text(encoding="utf-8") == shown_text
    browser.screenshot(OUTPUT / "report-seed-export.png")

    # Fed back to fixer: the rejected fix is gone, the accepted one is safe, the edit is used.
    dec = tmp_path / "decisions.toml"
    shutil.copyfile(exported, dec)
    again = check_json(article, rules, dec)  # in process (a cold CLI run costs seconds); `fix` below is the CLI
    starts = {(f["rule"], f["start"]): f for f in again}
    assert set(starts) == {(f["rule"], f["start"]) for i, f in enumerate(expected) if i not in rejected}
    for j in accepted:
        assert starts[(expected[j]["rule"], expected[j]["start"])]["fix"]["safety"] == "safe"
    edited = starts[("untranslated.test-ndlr", expected[ndlr]["start"])]["fix"]
    assert edited["safety"] == "safe" and edited["edits"][0]["replacement"] == "Ed."

    before = article.read_text(encoding="utf-8")
    proc = fixer("fix", "--select", "terminology.test-jnim", "--rules", "rules", "--decisions", "decisions.toml",
                 "seed.txt", cwd=tmp_path)
    after = article.read_text(encoding="utf-8")
    a, b = expected[jnim[0]], expected[jnim[1]]
    assert after[a["start"] : a["end"]] == "Jnim"  # rejected: left alone
    assert after[b["start"] : b["end"]] == "JNIM"  # accepted in the browser: applied by `fix`
    assert len(after) == len(before)


def _outcomes(text: str, rules: Path) -> list[Any]:
    from fixer.batch import FileOutcome, Unit
    from fixer.engine import Config, Fixer

    fx = Fixer(Config(rule_dirs=(rules,), select=("terminology.test-jnim", "untranslated.test-ndlr")))
    return [FileOutcome("a.txt", units=[Unit("a.txt", None, text, fx.check(text))])]


def test_page_is_self_contained_and_survives_hostile_text(tmp_path: Path) -> None:
    """No network, no external asset, and article text cannot close the data script."""
    from fixer.model import Finding, Fix
    from fixer.output import html

    (tmp_path / "test.toml").write_text(TEST_RULES, encoding="utf-8")
    text = 'A </script><script>alert(1)</script> <!-- "Jnim" & <b>Jnim</b> @DATA@ <!--NDLR\n'
    outcomes = _outcomes(text, tmp_path / "test.toml")
    at = text.index("</script>")  # a finding whose every field is hostile
    outcomes[0].units[0].findings.append(
        Finding("typography.x", "typography", at, at + 9, "</script><!--", fix=Fix.replace(at, at + 9, "<!--@DATA@"))
    )
    page = html.render(outcomes, title="<Report>")
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    assert page.count("<script") == 2  # the data blob and the page script, nothing from the text
    assert "&lt;Report&gt;" in page and "<Report>" not in page
    blob = page.split('<script type="application/json" id="fixer-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(blob)
    rules = [f["rule"] for f in data["findings"]]
    assert rules == ["typography.x"] + ["terminology.test-jnim"] * 2 + ["untranslated.test-ndlr"]
    assert data["findings"][0]["text"] == "</script>" and data["findings"][0]["proposed"] == "<!--@DATA@"
    assert data["findings"][1]["proposed"] == "JNIM" and data["findings"][3]["proposed"] is None
    assert page.count('class="finding"') == 4
    assert "4 findings in 1 article: untranslated 1, terminology 2, typography 1" in page


def test_report_command_counts_per_category(tmp_path: Path) -> None:
    (tmp_path / "test.toml").write_text(TEST_RULES, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The Jnim said [NDLR].\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Nothing here.\n", encoding="utf-8")
    only = ["--select", "terminology.test-jnim,untranslated.test-ndlr", "--rules", "test.toml"]
    proc = fixer("report", *only, "a.txt", "b.txt", "--html", "out/r.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "2 findings in 2 files (2 articles): untranslated 1, terminology 1" in proc.stdout
    page = (tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert "Nothing to review in this article." in page
    proc = fixer("report", *only, "b.txt", "--html", "clean.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = fixer("report", *only, "missing.txt", "--html", "x.html", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "missing.txt" in proc.stderr
