"""One self-contained HTML page to review findings in a browser (``fixer report --html``).

Why a page: desk editors review in a browser, not a terminal. The page carries everything
inline (style, script, data), and its Content-Security-Policy forbids any network access, so
it can be mailed or opened from a shared drive. It is readable without JavaScript (every
finding is rendered on the server side, in its sentence, with the proposed text, the rule and
its explanation); the script adds filters by category, safety and status, accept/reject/edit
choices kept in the browser's local storage, keyboard control, and the export of the choices
as a decisions file in the format of ``fixer.decisions`` that ``fixer --decisions`` reads back.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from html import escape
from typing import Any

from ..batch import FileOutcome
from ..decisions import HEADER, key_of, proposed_text, region
from ..document import Document
from ..model import CATEGORIES, Finding
from ..review import snippet

SAFETIES = (("safe", "safe fix"), ("unsafe", "unsafe fix"), ("none", "no fix"))


def _safety(f: Finding) -> str:
    return f.fix.safety.value if f.fix is not None else "none"


def _show(s: str) -> str:
    """Escaped text where a deleted line break or a lone space stays visible."""
    return escape(s).replace("\r\n", "⏎\n").replace("\n", "⏎\n")


def context_html(doc: Document, f: Finding) -> str:
    """The sentence with the flagged span as <del> (or <mark>) and the proposal as <ins>."""
    text = doc.text
    start, end = region(f)
    head, tail = snippet(doc, start, end)
    proposed = proposed_text(f, text)
    old = text[start:end]
    if proposed is None:
        mid = f"<mark>{_show(old)}</mark>"
    else:
        mid = (f'<del title="removed">{_show(old)}</del>' if old else "") + (
            f'<ins title="added">{_show(proposed)}</ins>' if proposed else ""
        )
    return f"{escape(head)}{mid}{escape(tail)}"


def _finding_html(i: int, f: Finding, doc: Document) -> str:
    line, col = doc.line_col(f.start)
    safety = _safety(f)
    label = dict(SAFETIES)[safety]
    proposed = proposed_text(f, doc.text)
    if proposed is None:
        proposal = '<span class="none">no fix proposed: check the span by hand</span>'
    elif proposed == "":
        proposal = "<em>delete the marked text</em>"
    else:
        proposal = f"<code>{_show(proposed)}</code>"
    expl = (
        f'<details><summary>Why this rule</summary><pre class="expl">{escape(f.explanation)}</pre></details>'
        if f.explanation
        else ""
    )
    edit_hint = "Your text" if proposed is None else "Your text instead of the proposal"
    return f"""
<article class="finding" id="f-{i}" tabindex="0" data-i="{i}" data-cat="{escape(f.category)}" data-safety="{safety}" data-rule="{escape(f.rule)}" data-state="">
 <div class="meta"><span class="cat c-{escape(f.category)}">{escape(f.category)}</span> <code class="rule">{escape(f.rule)}</code> <span class="sf s-{safety}">{label}</span> <span class="loc">line {line}, column {col}</span> <span class="state" aria-live="polite"></span></div>
 <p class="msg">{escape(f.message)}</p>
 <p class="ctx">{context_html(doc, f)}</p>
 <p class="proposal">Proposed: {proposal}</p>
 {expl}
 <div class="decide" role="group" aria-label="Decision">
  <button type="button" data-v="accept"{" disabled" if proposed is None else ""}>Accept <kbd>y</kbd></button>
  <button type="button" data-v="reject">Reject <kbd>n</kbd></button>
  <button type="button" data-v="edit">Edit <kbd>e</kbd></button>
  <button type="button" data-v="">Undo <kbd>u</kbd></button>
 </div>
 <form class="editor" hidden><label>{edit_hint}: <input type="text" name="use" autocomplete="off"></label> <button type="submit">Save <kbd>Enter</kbd></button> <button type="button" data-v="cancel">Cancel <kbd>Esc</kbd></button></form>
</article>"""


def render(outcomes: list[FileOutcome], *, title: str = "fixer report") -> str:
    """The page for every article of ``outcomes`` (a file, or each record of a .jsonl file)."""
    sections: list[str] = []
    toc: list[str] = []
    data: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    safeties: Counter[str] = Counter()
    i = 0
    for o in outcomes:
        for u in o.units:
            doc = Document(u.text, u.path)
            where = u.path if u.record is None else f"{u.path}[{u.record}]"
            found = sorted(u.findings, key=Finding.sort_key)
            fc = Counter(f.category for f in found)
            files.append({"path": u.path, "record": u.record})
            cards = []
            for f in found:
                k = key_of(f, doc.text)
                data.append({
                    "file": len(files) - 1, "rule": f.rule, "category": f.category, "safety": _safety(f),
                    "text": k.text, "proposed": k.proposed, "before": " ".join(k.before),
                    "after": " ".join(k.after), "message": f.message, "where": where,
                    # identical edits proposed by several rules share one answer
                    "sig": None if f.fix is None else f"{len(files) - 1}:{[(e.start, e.end, e.replacement) for e in f.fix.edits]}",
                })
                cards.append(_finding_html(i, f, doc))
                counts[f.category] += 1
                safeties[_safety(f)] += 1
                i += 1
            per = ", ".join(f"{c} {fc[c]}" for c in CATEGORIES if fc[c]) or "no findings"
            toc.append(f'<li><a href="#file-{len(files) - 1}">{escape(where)}</a> <span class="n">{len(found)}</span></li>')
            sections.append(
                f'<section class="file" id="file-{len(files) - 1}"><h2><span class="path">{escape(where)}</span> '
                f"<small>{len(found)} finding{'s' if len(found) != 1 else ''}: {escape(per)}</small></h2>"
                + ("".join(cards) if cards else '<p class="clean">Nothing to review in this article.</p>')
                + "</section>"
            )
        for e in o.errors:
            sections.append(f'<section class="file error"><h2>{escape(o.path)}</h2><p>{escape(e)}</p></section>')
    total = sum(counts.values())
    digest = hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
    payload = {"id": digest, "files": files, "findings": data, "header": HEADER}
    cat_buttons = "".join(
        f'<button type="button" class="chip cat c-{c}" data-cat="{c}" aria-pressed="true"><kbd>{n}</kbd> {c} '
        f'<span class="n">{counts[c]}</span></button>'
        for n, c in enumerate((c for c in CATEGORIES if counts[c]), 1)
    )
    keys = {"safe": "8", "unsafe": "9", "none": "0"}
    safety_buttons = "".join(
        f'<button type="button" class="chip sf s-{s}" data-safety="{s}" aria-pressed="true"><kbd>{keys[s]}</kbd> {label} '
        f'<span class="n">{safeties[s]}</span></button>'
        for s, label in SAFETIES
        if safeties[s]
    )
    nfiles = len(files)
    summary = (
        f"{total} finding{'s' if total != 1 else ''} in {nfiles} article{'s' if nfiles != 1 else ''}: "
        + (", ".join(f"{c} {counts[c]}" for c in CATEGORIES if counts[c]) or "nothing to review")
    )
    # In a <script> element only "<" can end the data early ("</script>", "<!--"); JSON lets
    # every "<" be written \u003c, and it only ever occurs inside strings.
    blob = json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c")
    index = f'<details class="toc"><summary>{nfiles} articles</summary><ol>{"".join(toc)}</ol></details>'
    values = {
        "TITLE": escape(title), "SUMMARY": escape(summary), "CATS": cat_buttons, "SAFETY": safety_buttons,
        "TOTAL": str(total), "SECTIONS": (index if nfiles > 1 else "") + "\n".join(sections),
        "STYLE": _STYLE, "SCRIPT": _SCRIPT, "DATA": blob,
    }
    # one pass, so article text that happens to contain "@DATA@" is never substituted
    return _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], _PAGE)


_PLACEHOLDER_RE = re.compile(r"@([A-Z]+)@")


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>@TITLE@</title>
<style>@STYLE@</style>
</head>
<body>
<header>
 <h1>@TITLE@</h1>
 <p class="summary" id="summary">@SUMMARY@</p>
 <div class="bar" role="toolbar" aria-label="Filter by category">@CATS@</div>
 <div class="bar" role="toolbar" aria-label="Filter by safety">@SAFETY@
  <label class="status">Show <select id="status"><option value="all">all</option><option value="undecided">undecided</option><option value="accept">accepted</option><option value="reject">rejected</option><option value="edit">edited</option></select></label>
 </div>
 <div class="bar actions">
  <span id="progress" aria-live="polite">0 of @TOTAL@ decided</span> · <span id="shown">showing @TOTAL@ of @TOTAL@</span>
  <button type="button" id="export">Export decisions <kbd>x</kbd></button>
  <button type="button" id="reset">Show all <kbd>r</kbd></button>
  <button type="button" id="keys">Keys <kbd>?</kbd></button>
 </div>
</header>
<main id="main">
@SECTIONS@
</main>
<dialog id="export-dlg" aria-labelledby="export-title">
 <h2 id="export-title">Decisions</h2>
 <p>Save this file as <code>.fixer/decisions.toml</code> in the project (or pass <code>--decisions FILE</code>):
 <code>fixer check</code> and <code>fixer fix</code> then leave rejected suggestions alone and apply accepted and edited ones.</p>
 <textarea id="export-text" readonly rows="14" spellcheck="false"></textarea>
 <p><a id="download" href="#" download="decisions.toml">Download decisions.toml</a>
 <button type="button" id="copy">Copy</button> <button type="button" id="close-export">Close <kbd>Esc</kbd></button></p>
</dialog>
<dialog id="keys-dlg" aria-labelledby="keys-title">
 <h2 id="keys-title">Keyboard</h2>
 <dl class="keys">
  <dt><kbd>j</kbd> <kbd>↓</kbd> / <kbd>k</kbd> <kbd>↑</kbd></dt><dd>next / previous finding</dd>
  <dt><kbd>y</kbd></dt><dd>accept the proposed change</dd>
  <dt><kbd>n</kbd></dt><dd>reject it (fixer will not propose it again)</dd>
  <dt><kbd>e</kbd></dt><dd>type your own text (<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels)</dd>
  <dt><kbd>u</kbd></dt><dd>undo the decision</dd>
  <dt><kbd>w</kbd> <kbd>Enter</kbd></dt><dd>show or hide why the rule flags this</dd>
  <dt><kbd>1</kbd>…<kbd>7</kbd></dt><dd>show or hide a category</dd>
  <dt><kbd>8</kbd> <kbd>9</kbd> <kbd>0</kbd></dt><dd>show or hide safe fixes, unsafe fixes, findings without a fix</dd>
  <dt><kbd>r</kbd></dt><dd>show everything again</dd>
  <dt><kbd>x</kbd></dt><dd>export the decisions</dd>
 </dl>
 <p><button type="button" id="close-keys">Close <kbd>Esc</kbd></button></p>
</dialog>
<script type="application/json" id="fixer-data">@DATA@</script>
<script>@SCRIPT@</script>
</body>
</html>
"""

_STYLE = """
:root{--bg:#fbfaf7;--fg:#1d1d1f;--muted:#5f6368;--card:#fff;--line:#dcd8cf;--del:#fbd3d0;--ins:#cdeccf;
--mark:#ffe9a8;--accent:#1558b0;--ok:#1e7a34;--no:#a3271d;--focus:#f0a500}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e3;--muted:#a0a4ab;--card:#1f2125;--line:#383b41;
--del:#5c2420;--ins:#1f4d2a;--mark:#5a4a10;--accent:#8ab4f8;--ok:#7fd88f;--no:#f28b82}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:.6rem 1.2rem}
header h1{font-size:1.25rem;margin:0}
.summary{margin:.15rem 0 .4rem;color:var(--muted)}
.bar{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.25rem 0}
main{max-width:62rem;margin:0 auto;padding:1rem 1.2rem 4rem}
h2{font-size:1.05rem;margin:1.4rem 0 .6rem}
h2 small{font-weight:normal;color:var(--muted)}
button,select{font:inherit;font-size:.9rem;border:1px solid var(--line);background:var(--card);color:var(--fg);
border-radius:.4rem;padding:.2rem .55rem;cursor:pointer}
button:disabled{opacity:.45;cursor:default}
.chip[aria-pressed=false]{opacity:.45;text-decoration:line-through}
.chip .n{font-weight:600}
kbd{font:.75rem ui-monospace,monospace;border:1px solid var(--line);border-bottom-width:2px;border-radius:.25rem;
padding:0 .25rem;background:var(--bg)}
.finding{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--line);border-radius:.5rem;
padding:.6rem .9rem;margin:.6rem 0}
.finding:focus{outline:3px solid var(--focus);outline-offset:2px}
.finding[data-state=accept],.finding[data-state=edit]{border-left-color:var(--ok)}
.finding[data-state=reject]{border-left-color:var(--no);opacity:.75}
.meta{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline;font-size:.85rem;color:var(--muted)}
.cat{font-weight:600;color:var(--accent)} .rule{font-size:.8rem}
.sf.s-safe{color:var(--ok)} .sf.s-unsafe{color:#b06000} .state{font-weight:700}
.finding[data-state=reject] .state{color:var(--no)} .finding[data-state=accept] .state,.finding[data-state=edit] .state{color:var(--ok)}
.msg{margin:.3rem 0;font-weight:500}
.ctx{margin:.3rem 0;padding:.4rem .6rem;background:var(--bg);border-radius:.35rem;white-space:pre-wrap;
font-family:Georgia,"Times New Roman",serif;font-size:1.02rem}
del{background:var(--del);text-decoration:line-through;padding:0 .08rem}
ins{background:var(--ins);text-decoration:none;padding:0 .08rem}
mark{background:var(--mark);color:inherit}
.proposal{margin:.2rem 0;font-size:.92rem} .proposal .none{color:var(--muted)}
details{font-size:.88rem;color:var(--muted)} .expl{white-space:pre-wrap;font:inherit;margin:.3rem 0}
.decide{display:flex;gap:.4rem;margin-top:.4rem;flex-wrap:wrap}
.editor{margin-top:.4rem} .editor input{font:inherit;width:min(36rem,90%);padding:.2rem .4rem}
.clean{color:var(--muted)} .error{color:var(--no)}
dialog{max-width:48rem;width:92%;border:1px solid var(--line);border-radius:.6rem;background:var(--card);color:var(--fg)}
dialog textarea{width:100%;font:.8rem/1.4 ui-monospace,monospace}
.toc{margin:.4rem 0 1rem;font-size:.9rem} .toc ol{columns:2 22rem;margin:.4rem 0} .toc a{color:var(--accent)}
.toc .n{color:var(--muted)}
.keys{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem} .keys dd{margin:0}
[hidden]{display:none!important}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("fixer-data").textContent);
  const cards = Array.from(document.querySelectorAll(".finding"));
  const store = "fixer-report:" + data.id;
  let choices = {};
  try { choices = JSON.parse(localStorage.getItem(store) || "{}"); } catch (e) { choices = {}; }
  const state = { cats: new Set(), safety: new Set(), status: "all" };
  document.querySelectorAll(".chip.cat").forEach(b => state.cats.add(b.dataset.cat));
  document.querySelectorAll(".chip.sf").forEach(b => state.safety.add(b.dataset.safety));
  const LABEL = { accept: "accepted", reject: "rejected", edit: "your text" };

  function save() { try { localStorage.setItem(store, JSON.stringify(choices)); } catch (e) { /* private mode */ } }

  function paint(card) {
    const c = choices[card.dataset.i];
    card.dataset.state = c ? c.v : "";
    card.querySelector(".state").textContent = c ? (LABEL[c.v] + (c.v === "edit" ? ": " + c.use : "")) : "";
  }

  function visible(card) {
    const c = choices[card.dataset.i];
    const st = c ? c.v : "undecided";
    return state.cats.has(card.dataset.cat) && state.safety.has(card.dataset.safety) &&
      (state.status === "all" || state.status === st);
  }

  function refresh() {
    let shown = 0;
    cards.forEach(card => { const v = visible(card); card.hidden = !v; if (v) shown++; });
    document.querySelectorAll("section.file").forEach(sec => {
      const own = sec.querySelectorAll(".finding");
      sec.hidden = own.length > 0 && Array.from(own).every(c => c.hidden);
    });
    const vals = Object.values(choices);
    const n = v => vals.filter(c => c.v === v).length;
    document.getElementById("progress").textContent =
      vals.length + " of " + cards.length + " decided (" + n("accept") + " accepted, " + n("reject") +
      " rejected, " + n("edit") + " edited)";
    document.getElementById("shown").textContent = "showing " + shown + " of " + cards.length;
    document.querySelectorAll(".chip.cat").forEach(b => b.setAttribute("aria-pressed", state.cats.has(b.dataset.cat)));
    document.querySelectorAll(".chip.sf").forEach(b => b.setAttribute("aria-pressed", state.safety.has(b.dataset.safety)));
    document.getElementById("status").value = state.status;
  }

  function current() {
    const a = document.activeElement;
    return a && a.closest ? a.closest(".finding") : null;
  }

  function move(card, step) {
    const vis = cards.filter(c => !c.hidden);
    if (!vis.length) return;
    let i = card ? vis.indexOf(card) : -1;
    i = i < 0 ? (step > 0 ? 0 : vis.length - 1) : Math.min(vis.length - 1, Math.max(0, i + step));
    vis[i].focus();
    vis[i].scrollIntoView({ block: "nearest" });
  }

  function nextUndecided(card) {
    const vis = cards.filter(c => !c.hidden);
    const i = vis.indexOf(card);
    const next = vis.slice(i + 1).find(c => !choices[c.dataset.i]) || vis[i + 1];
    if (next) { next.focus(); next.scrollIntoView({ block: "nearest" }); }
    else if (card && !card.hidden) card.focus();
  }

  function decide(card, v, use) {
    if (!card) return;
    const i = card.dataset.i;
    if (v === "accept" && data.findings[i].proposed === null) return;
    if (!v) delete choices[i]; else choices[i] = v === "edit" ? { v: v, use: use } : { v: v };
    const sig = data.findings[i].sig;
    if (sig && (v === "accept" || v === "reject")) {  // the same change from another rule
      cards.forEach(c => {
        if (c !== card && !choices[c.dataset.i] && data.findings[c.dataset.i].sig === sig) {
          choices[c.dataset.i] = { v: v }; paint(c);
        }
      });
    }
    save(); paint(card); refresh();
    if (v) nextUndecided(card); else card.focus();
  }

  function openEditor(card) {
    const form = card.querySelector(".editor");
    const input = form.querySelector("input");
    const f = data.findings[card.dataset.i];
    const c = choices[card.dataset.i];
    input.value = c && c.v === "edit" ? c.use : (f.proposed !== null ? f.proposed : f.text);
    form.hidden = false;
    input.focus();
    input.select();
  }

  function tq(s) { return JSON.stringify(s).replace(/\u007f/g, "\\u007f"); }

  function exportText() {
    const out = [data.header, "version = 1\n"];
    Object.keys(choices).map(Number).sort((a, b) => a - b).forEach(i => {
      const c = choices[i], f = data.findings[i];
      const rows = [["verdict", c.v], ["rule", f.rule], ["text", f.text]];
      if (f.proposed !== null) rows.push(["proposed", f.proposed]);
      if (c.v === "edit") rows.push(["use", c.use]);
      rows.push(["before", f.before], ["after", f.after], ["file", f.where], ["message", f.message]);
      out.push("\n[[decision]]\n" + rows.map(r => r[0] + " = " + tq(r[1]) + "\n").join(""));
    });
    return out.join("");
  }

  let blobUrl = null;
  function openExport() {
    const text = exportText();
    document.getElementById("export-text").value = text;
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([text], { type: "application/toml" }));
    document.getElementById("download").href = blobUrl;
    const dlg = document.getElementById("export-dlg");
    if (!dlg.open) dlg.showModal();
    document.getElementById("download").focus();
  }

  function toggle(set, value) { if (set.has(value)) set.delete(value); else set.add(value); refresh(); }

  function resetFilters() {
    document.querySelectorAll(".chip.cat").forEach(b => state.cats.add(b.dataset.cat));
    document.querySelectorAll(".chip.sf").forEach(b => state.safety.add(b.dataset.safety));
    state.status = "all";
    refresh();
  }

  document.querySelectorAll(".chip.cat").forEach(b => b.addEventListener("click", () => toggle(state.cats, b.dataset.cat)));
  document.querySelectorAll(".chip.sf").forEach(b => b.addEventListener("click", () => toggle(state.safety, b.dataset.safety)));
  document.getElementById("status").addEventListener("change", e => { state.status = e.target.value; refresh(); });
  document.getElementById("export").addEventListener("click", openExport);
  document.getElementById("reset").addEventListener("click", resetFilters);
  document.getElementById("keys").addEventListener("click", () => document.getElementById("keys-dlg").showModal());
  document.getElementById("close-keys").addEventListener("click", () => document.getElementById("keys-dlg").close());
  document.getElementById("close-export").addEventListener("click", () => document.getElementById("export-dlg").close());
  document.getElementById("copy").addEventListener("click", () => {
    const t = document.getElementById("export-text"); t.select();
    if (navigator.clipboard) navigator.clipboard.writeText(t.value).catch(() => document.execCommand("copy"));
    else document.execCommand("copy");
  });

  cards.forEach(card => {
    paint(card);
    card.querySelectorAll(".decide button").forEach(b => b.addEventListener("click", () => {
      if (b.dataset.v === "edit") openEditor(card); else decide(card, b.dataset.v);
    }));
    const form = card.querySelector(".editor");
    form.addEventListener("submit", e => {
      e.preventDefault();
      form.hidden = true;
      decide(card, "edit", form.querySelector("input").value);
    });
    form.querySelector("[data-v=cancel]").addEventListener("click", () => { form.hidden = true; card.focus(); });
    form.addEventListener("keydown", e => { if (e.key === "Escape") { e.preventDefault(); form.hidden = true; card.focus(); } });
    card.addEventListener("click", e => { if (!e.target.closest("button,input,a,summary,form")) card.focus(); });
  });

  document.addEventListener("keydown", e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
    if (document.querySelector("dialog[open]")) return;  // Esc closes a dialog natively
    const card = current();
    const catButtons = Array.from(document.querySelectorAll(".chip.cat"));
    const k = e.key;
    let done = true;
    if (k === "j" || k === "ArrowDown") move(card, 1);
    else if (k === "k" || k === "ArrowUp") move(card, -1);
    else if (k === "y") decide(card, "accept");
    else if (k === "n") decide(card, "reject");
    else if (k === "u") decide(card, "");
    else if (k === "e" && card) openEditor(card);
    else if ((k === "Enter" || k === "w") && card && t === card) {
      const d = card.querySelector("details"); if (d) d.open = !d.open;
    }
    else if (k === "x") openExport();
    else if (k === "r") resetFilters();
    else if (k === "?") document.getElementById("keys-dlg").showModal();
    else if (k >= "1" && k <= "7" && catButtons[Number(k) - 1]) toggle(state.cats, catButtons[Number(k) - 1].dataset.cat);
    else if (k === "8") toggle(state.safety, "safe");
    else if (k === "9") toggle(state.safety, "unsafe");
    else if (k === "0") toggle(state.safety, "none");
    else done = false;
    if (done) e.preventDefault();
  });

  // Keep a focused card clear of the sticky header, whatever its height on this screen.
  function pad() { document.documentElement.style.scrollPaddingTop = (document.querySelector("header").offsetHeight + 12) + "px"; }
  window.addEventListener("resize", pad);
  pad();
  refresh();
  window.fixerReport = { choices: choices, exportText: exportText, refresh: refresh };
})();
"""
