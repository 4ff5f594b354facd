"""Words glued together by scraping and translation, and how to pull them apart.

Four kinds of glue need four kinds of evidence, because a wrong split ruins a correct word:

- ``punct_join``: a closing bracket or quote, or a sentence mark, glued to the next word at a
  link or markup edge: ``(AES)This``, ``[au Mali]is``, ``data)which``, ``…”slips``.
- ``case_join``: a lower-case letter followed by a capital inside one token: ``theAlliance``,
  ``AcledOn``, ``JulyAccording``. Brands and names do this on purpose (``iPhone``,
  ``McDonald``, ``PayPal``), so a split needs both sides to be words and, when both sides are
  capitalised, the right side to be a word that starts sentences (``On``, ``According``).
- ``elision``: a French ``l'``/``d'``/``qu'`` whose apostrophe was lost: ``lattaque``,
  ``dAfrica``; real only when the rest is a word and the whole token is none.
- ``name_join``: a name of the article or of the gazetteer glued to a common word:
  ``Barsaloghoin``.
- ``lost_apostrophe``: ``the army s announcement``, ``don t``.

Everything shared (letter-run counts of the article, spans to leave alone, the apostrophe the
article uses) is computed once per document in ``doc.cache``; word lists and compiled
patterns once per process through ``store.memo``. Candidates come from regular expressions
that match rarely, so the pass stays linear and fast.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..document import Document
from ..lexicon import zipf
from ..model import Edit, Finding, Rule

LETTERS = r"[\p{L}\p{M}]"
RUN_RE = regex.compile(r"[\p{L}\p{M}]+")
# Text no merged-word rule may touch: URLs, e-mail addresses, hashtags and handles, code spans.
SKIP_RE = regex.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
    r"|(?<![\w])[#@][\p{L}\p{N}_]+"
    r"|`[^`\n]*`"
    r"|\S+\.(?:com|org|net|edu|gov|io|fr|ca|uk|de|info|ml|bf|ne|sn|ci|ma|dz|tn|be|ch|co|tv|ly|me|app|html?|php|aspx?|pdf|jpe?g|png|gif|js|py|txt|csv)\b\S*",
    regex.IGNORECASE,
)
CODE_CHARS = frozenset("_={}<>\\|/")
CASE_RUN_RE = regex.compile(
    r"(?<![\p{L}\p{M}])[\p{L}\p{M}]*?(?:\p{Ll}\p{M}*\p{Lu}|\p{Lu}\p{Lu}\p{Lu}\p{Ll})[\p{L}\p{M}]*"
)
APOSTROPHES = "'’"


# --------------------------------------------------------------------------- shared state


@dataclass
class Lexicon:
    """Word lists of the rule folders, read once per process."""

    protected: frozenset[str]
    places: frozenset[str]  # whole names and each single word of a multi-word name
    place_names: frozenset[str]  # whole names only (`Saint` of `Saint-Louis` is no name)
    elisions: dict[str, str]


def lexicon(doc: Document) -> Lexicon:
    store = doc.cache["store"]

    def build() -> Lexicon:
        protected = frozenset(store.lines("lexicon/protected.txt"))
        places: set[str] = set()
        for name in store.lines("lexicon/places.txt"):
            places.add(name)
            for part in regex.split(r"[\s\-’']+", name):
                if len(part) >= 3 and part[:1].isupper():
                    places.add(part)
        elisions = {}
        for line in store.lines("lexicon/french-elision-words.txt"):
            glued, _, repaired = line.partition(" ")
            if repaired:
                elisions[glued] = repaired.strip()
        whole = frozenset(store.lines("lexicon/places.txt"))
        return Lexicon(protected, frozenset(places), whole, elisions)

    return store.memo("merged_words.lexicon", build)


@dataclass
class Context:
    """What every merged-word rule wants to know about one article."""

    text: str
    runs: Counter[str]
    skip_starts: list[int]
    skip_ends: list[int]
    apostrophe: str
    lex: Lexicon

    def skipped(self, start: int, end: int) -> bool:
        """Whether ``start..end`` touches a URL, an address, a hashtag or a code span."""
        i = bisect.bisect_right(self.skip_starts, end) - 1
        return i >= 0 and self.skip_ends[i] > start

    def standalone(self, word: str) -> int:
        """How often ``word`` stands as a whole letter run in the article."""
        return self.runs.get(word, 0)

    def is_place(self, word: str) -> bool:
        return word in self.lex.places

    def protected(self, run: str) -> bool:
        """A brand or name that changes case on purpose, possibly plural or possessive."""
        p = self.lex.protected
        if run in p:
            return True
        for suffix in ("s", "es", "ers", "er"):
            if run.endswith(suffix) and run[: -len(suffix)] in p:
                return True
        return any(run.startswith(w) and len(w) >= 4 for w in p if w[:2] == run[:2])


def context(doc: Document) -> Context:
    ctx = doc.cache.get("merged_words")
    if ctx is None:
        text = doc.text
        runs = Counter(RUN_RE.findall(text))
        spans = [m.span() for m in SKIP_RE.finditer(text)]
        curly = text.count("’")
        straight = len(regex.findall(r"(?<=\p{L})'(?=\p{L})", text))
        ctx = Context(
            text,
            runs,
            [s for s, _ in spans],
            [e for _, e in spans],
            "’" if curly > straight else "'",
            lexicon(doc),
        )
        doc.cache["merged_words"] = ctx
    return ctx


def word_zipf(word: str) -> float:
    """Best frequency of a word in English or French, in lower case."""
    low = word.lower()
    return max(zipf(low, "en"), zipf(low, "fr"))


def chunk_around(text: str, start: int, end: int, limit: int = 80) -> tuple[int, int]:
    """The run of non-space characters containing ``start..end`` (at most ``limit`` each way)."""
    a = start
    lo = max(0, start - limit)
    while a > lo and not text[a - 1].isspace():
        a -= 1
    b = end
    hi = min(len(text), end + limit)
    while b < hi and not text[b].isspace():
        b += 1
    return a, b


def looks_like_code(chunk: str) -> bool:
    return any(c in CODE_CHARS for c in chunk) or "()" in chunk or "." in chunk.strip(".,;:!?…)\"'”’")


def wordish(ctx: Context, word: str, floor: float = 2.0) -> bool:
    """A word of a dictionary, a place, or a name the article spells on its own."""
    return word_zipf(word) >= floor or ctx.standalone(word) > 0 or ctx.is_place(word)


def words_param(rule: Rule, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rule.params.get(key, ()))


def full_stop_safety(rule: Rule) -> str:
    return str(rule.params.get("full_stop_safety", "safe"))


# --------------------------------------------------------------------------- case-join


def case_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``theAlliance`` → ``the Alliance``; ``JulyAccording`` → ``July. According``."""
    ctx = context(doc)
    text = ctx.text
    starters = words_param(rule, "sentence_starters")
    function_words = words_param(rule, "function_words")
    min_left = float(rule.params.get("min_left_zipf", 3.0))
    whole_max = float(rule.params.get("max_whole_zipf", 2.0))
    ambiguous = words_param(rule, "ambiguous_left")
    prompts = words_param(rule, "link_prompts")
    for m in CASE_RUN_RE.finditer(text):
        run = m.group()
        start, end = m.span()
        if ctx.skipped(start, end) or ctx.protected(run) or ctx.standalone(run) > 1:
            continue
        a, b = chunk_around(text, start, end)
        chunk = text[a:b]
        if looks_like_code(chunk) or "-" in text[max(a, start - 1) : start + 1]:
            continue
        if word_zipf(run) >= whole_max:
            continue  # YouTube, PayPal, LinkedIn: wordfreq knows the brand as one word
        cuts = junctions(run)
        if len(cuts) != 1:
            continue
        i = cuts[0]
        left, right = run[:i], run[i:]
        decision = decide_case_join(ctx, left, right, starters, function_words, min_left)
        if decision is None:
            continue
        insert, safety = decision
        if insert == ". " and (left.lower() in ambiguous or title_follows(text, end, right)):
            safety = "unsafe"  # told The Associated Press; said The Hague
        elif is_french_word(right):
            safety = "unsafe"  # theOuest: the split leaves French that still needs translating
        elif left.lower() in prompts and line_opens_with(text, start, prompts):
            safety = "unsafe"  # Also readDouble…: a related-article line, to be deleted whole
        yield rule.finding(
            start,
            end,
            edits=(Edit(start + i, start + i, insert),),
            safety=safety if safety != "full-stop" else full_stop_safety(rule),
            message=f"Merged words: '{left}' and '{right}' are glued together.",
            title=f"{left}{insert}{right}",
        )


def is_french_word(word: str) -> bool:
    """A word of French that English does not use much (``Ouest``, not ``Alliance``)."""
    low = word.lower()
    en, fr = zipf(low, "en"), zipf(low, "fr")
    return fr >= 3.0 and en < 3.0 and fr >= en + 1.0


def line_opens_with(text: str, pos: int, words: frozenset[str]) -> bool:
    """Whether the line holding ``pos`` starts with one of ``words`` (``Also read…``)."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = RUN_RE.match(text, line_start)
    return bool(m and m.group().lower() in words)


NEXT_WORD_RE = regex.compile(r"\s+([\p{L}\p{M}]+)")


def title_follows(text: str, end: int, right: str) -> bool:
    """``The`` followed by a capitalised word may open a title (``The Associated Press``)
    rather than a sentence."""
    if right not in ("The", "A", "An"):
        return False
    m = NEXT_WORD_RE.match(text, end)
    return bool(m and m.group(1)[:1].isupper())


def junctions(run: str) -> list[int]:
    """Where a word could start inside ``run``: lower→Upper, or ACRONYM→Word (``AESThis``)."""
    out = []
    for i in range(1, len(run)):
        c, p = run[i], run[i - 1]
        if not c.isupper():
            continue
        if p.islower():
            out.append(i)
        elif p.isupper() and i + 1 < len(run) and run[i + 1].islower() and i >= 2 and run[:i].isupper():
            out.append(i)
    return out


def shape(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "cap"
    return "mixed"


def decide_case_join(
    ctx: Context,
    left: str,
    right: str,
    starters: frozenset[str],
    function_words: frozenset[str],
    min_left: float,
) -> tuple[str, str] | None:
    """What to insert between ``left`` and ``right`` and how safely, or None to leave it."""
    ls, rs = shape(left), shape(right)
    if len(left) < 2 or len(right) < 2 or rs not in ("cap", "upper"):
        return None
    low_left = left.lower()
    starter = rs == "cap" and right.lower() in starters
    if ls == "lower":
        is_function = low_left in function_words
        if not is_function and zipf(low_left, "en") < min_left:
            return None
        if rs == "upper":
            # theAES, ofECOWAS: only after a function word and for an acronym the article uses
            if is_function and ctx.standalone(right) > 0:
                return " ", "safe"
            return None
        if not wordish(ctx, right):
            return None
        if starter and not is_function:
            return ". ", "full-stop"
        return " ", "safe"
    if ls in ("cap", "upper") and rs == "cap":
        known_left = ctx.standalone(left) > 0 or ctx.is_place(left) or (ls == "cap" and zipf(low_left, "en") >= min_left)
        if not known_left:
            return None
        if starter:
            return ". ", "full-stop"
        if ctx.standalone(right) > 0 and ctx.standalone(left) > 0:
            return " ", "unsafe"
    return None


# --------------------------------------------------------------------------- punct-join

PUNCT_RE = regex.compile(
    r"(?P<bracket>[)\]])(?=\p{L})"
    r"|(?<=\S)(?P<close>[”»])(?=[\p{L}“«])"
    r"|(?<=[\p{L}\p{N}.,;:!?])(?P<open>[“«])(?=[\p{L}\p{N}])"
    r"|(?<=[\p{L}.!?,])(?P<dbl>\"\")(?=\p{L})"
    r"|(?<=\p{L})(?P<straight>\")(?=\p{L})"
    r"|(?<=\p{Ll}\p{Ll})(?P<stop>[.!?])(?=\p{Lu}\p{Ll})"
    r"|(?<=\p{L}\p{L})(?P<comma>[,;])(?=\p{L}\p{L})"
)
WORD_AFTER_RE = regex.compile(r"[\p{L}\p{M}]+")
WORD_BEFORE_RE = regex.compile(r"[\p{L}\p{M}]+$")


def punct_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """A bracket, quote or sentence mark glued to the next word: insert the lost space."""
    ctx = context(doc)
    text = ctx.text
    starters = words_param(rule, "sentence_starters")
    for m in PUNCT_RE.finditer(text):
        kind = m.lastgroup
        p0, p1 = m.span()
        if ctx.skipped(p0, p1):
            continue
        right_m = WORD_AFTER_RE.match(text, p1) if kind != "close" or text[p1] not in "“«" else None
        right = right_m.group() if right_m else ""
        decision = decide_punct(ctx, kind or "", p0, p1, right, starters)
        if decision is None:
            continue
        at, insert, safety = decision
        lm = WORD_BEFORE_RE.search(text, max(0, p0 - 40), p0)
        span_start = lm.start() if lm else p0
        span_end = right_m.end() if right_m else p1 + 1
        yield rule.finding(
            span_start,
            span_end,
            edits=(Edit(at, at, insert),),
            safety=safety if safety != "full-stop" else full_stop_safety(rule),
            message=f"Missing space after '{text[p0:p1]}'." if at == p1 else f"Missing space before '{text[p0:p1]}'.",
            title=f"insert {insert!r}",
        )


def decide_punct(
    ctx: Context, kind: str, p0: int, p1: int, right: str, starters: frozenset[str]
) -> tuple[int, str, str] | None:
    """(where to insert, what, safety) for one candidate junction, or None."""
    text = ctx.text
    a, b = chunk_around(text, p0, p1)
    chunk = text[a:b]
    if any(c in CODE_CHARS for c in chunk):
        return None
    starter = right[:1].isupper() and right[1:].islower() and right.lower() in starters
    if kind == "bracket":
        opener = find_opener(text, p0)
        if opener is None:
            return None
        if opener > 0 and (text[opener - 1].isalnum()):
            return None  # word(s)he, f(x)
        content = text[opener + 1 : p0]
        if len(content.strip()) < 2:
            return None
        if right[:1].islower():
            if " " not in content and content.islower():
                return None  # (re)building, (un)known
            return p1, " ", "safe"
        if content.rstrip().endswith((".", "!", "?", "…")):
            return p1, " ", "safe"
        if starter:
            return p1, ". ", "unsafe" if title_follows(text, p1 + len(right), right) else "full-stop"
        if wordish(ctx, right):
            return p1, " ", "unsafe"
        return None
    if kind == "close":
        if text[p1] in "“«":
            return p1, " ", "safe"
        if right[:1].islower():
            return p1, " ", "safe"
        if text[p0 - 1] in ".!?…,;:":
            return p1, " ", "safe"
        if starter:
            return p1, ". ", "unsafe"
        return p1, " ", "unsafe"
    if kind == "open":
        # an opening quote must pair with a closing one later on the line
        eol = text.find("\n", p1)
        close_char = "”" if text[p0] == "“" else "»"
        if close_char not in text[p1 : eol if eol >= 0 else len(text)]:
            return None
        return p0, " ", "safe"
    if kind == "dbl":
        if "(" in chunk or not right[:1].isupper():
            return None  # "a""b" in code or CSV
        return p0 + 1, " ", "safe"
    if kind == "straight":
        if "(" in chunk:
            return None
        line_start = text.rfind("\n", 0, p0) + 1
        line_end = text.find("\n", p1)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.count('"') % 2:
            return None
        before = text.count('"', line_start, p0)
        return (p0, " ", "safe") if before % 2 == 0 else (p1, " ", "safe")
    if kind == "stop":
        lm = WORD_BEFORE_RE.search(text, max(0, p0 - 40), p0)
        left = lm.group() if lm else ""
        if len(left) < 2 or looks_like_code(chunk.replace(text[p0], " ", 1)):
            return None
        if ctx.protected(left + text[p0] + right):
            return None
        if not (wordish(ctx, left) and (starter or wordish(ctx, right, 3.0))):
            return None
        return p1, " ", "safe"
    if kind == "comma":
        if chunk.count(",") + chunk.count(";") > 1 or looks_like_code(chunk):
            return None
        lm = WORD_BEFORE_RE.search(text, max(0, p0 - 40), p0)
        left = lm.group() if lm else ""
        if word_zipf(left) >= 3.0 and word_zipf(right) >= 3.0:
            return p1, " ", "safe"
        return None
    return None


def find_opener(text: str, close: int, limit: int = 400) -> int | None:
    """The matching ``(`` or ``[`` of the bracket at ``close``, on the same line."""
    pair = "(" if text[close] == ")" else "["
    depth = 0
    lo = max(0, close - limit)
    for i in range(close - 1, lo - 1, -1):
        c = text[i]
        if c == "\n":
            return None
        if c == text[close]:
            depth += 1
        elif c == pair:
            if depth == 0:
                return i
            depth -= 1
    return None


# --------------------------------------------------------------------------- elision

# Only l', d' and qu' are tried in general: j', n', s', c' glue into too many rare English
# words (`sexists`, `censuring`); their frequent glued forms are listed in
# lexicon/french-elision-words.txt instead.
ELISION_UPPER_RE = regex.compile(r"(?<![\p{L}\p{M}'’\-])(qu|[ld])(\p{Lu}[\p{L}\p{M}]+)(?![\p{L}\p{M}'’\-])")
ELISION_LOWER_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-])(qu|[ld])([aeiouyhàâäéèêëîïôöûüœæ][\p{Ll}\p{M}]{3,})(?![\p{L}\p{M}\p{N}'’\-])"
)
ANY_TOKEN_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’\-])[\p{Ll}\p{M}]+(?![\p{L}\p{M}\p{N}'’\-])")


def elision(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``lattaque`` → ``l'attaque``, ``dAfrica`` → ``d'Africa``: a French elision lost its
    apostrophe. Unsafe: the text around is usually untranslated French that a person or the
    untranslated-French rule must still translate."""
    ctx = context(doc)
    text = ctx.text
    whole_max = float(rule.params.get("max_whole_zipf", 2.0))
    rest_min = float(rule.params.get("min_rest_zipf", 3.0))
    apo = ctx.apostrophe
    seen: set[int] = set()
    for m in ELISION_UPPER_RE.finditer(text):
        head, rest = m.group(1), m.group(2)
        start, end = m.span()
        if ctx.skipped(start, end) or ctx.protected(m.group()):
            continue
        if shape(rest) == "mixed" or len(rest) < 2:
            continue
        if not (word_zipf(rest) >= 2.5 or ctx.standalone(rest) > 0 or ctx.is_place(rest)):
            continue
        if not rest.isupper() and word_zipf(m.group()) >= whole_max:
            continue  # jQuery, dBase: known as one word
        seen.add(start)
        yield elision_finding(rule, start, end, head, rest, apo)
    for m in ELISION_LOWER_RE.finditer(text):
        head, rest = m.group(1), m.group(2)
        start, end = m.span()
        token = m.group()
        if start in seen or ctx.skipped(start, end) or token in ctx.lex.elisions:
            continue
        if zipf(token, "en") > 0 or zipf(token, "fr") >= whole_max:
            continue  # any English word (`dotage`, `limply`) or a French one stays whole
        if zipf(rest, "fr") < rest_min and zipf(rest, "en") < rest_min + 0.5:
            continue
        if ctx.standalone(token.capitalize()) or ctx.standalone(token) > 2:
            continue
        seen.add(start)
        yield elision_finding(rule, start, end, head, rest, apo)
    if ctx.lex.elisions:
        listed = ctx.lex.elisions
        for m in ANY_TOKEN_RE.finditer(text):
            token = m.group()
            if token in listed and m.start() not in seen and not ctx.skipped(*m.span()):
                repaired = listed[token].replace("'", apo)
                yield rule.finding(
                    m.start(),
                    m.end(),
                    repaired,
                    message=f"French elision lost its apostrophe: '{token}' is '{repaired}'.",
                )


def elision_finding(rule: Rule, start: int, end: int, head: str, rest: str, apo: str) -> Finding:
    at = start + len(head)
    return rule.finding(
        start,
        end,
        edits=(Edit(at, at, apo),),
        message=f"French elision lost its apostrophe: '{head}{rest}' is '{head}{apo}{rest}'.",
        title=f"{head}{apo}{rest}",
    )


# --------------------------------------------------------------------------- name-join

CAP_TOKEN_RE = regex.compile(r"(?<![\p{L}\p{M}'’\-])\p{Lu}\p{Ll}[\p{Ll}\p{M}]{4,}(?![\p{L}\p{M}'’\-])")


def name_join(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``Barsaloghoin`` → ``Barsalogho in``: a name the article (or the gazetteer) spells on its
    own, glued to a common word. Unsafe: the finding shows the name for a person to confirm."""
    ctx = context(doc)
    text = ctx.text
    suffixes = words_param(rule, "glued_words")
    french_heads = words_param(rule, "french_time_heads")
    french_tails = words_param(rule, "french_time_tails")
    whole_max = float(rule.params.get("max_whole_zipf", 2.0))
    min_name = int(rule.params.get("min_name_length", 4))
    max_name_zipf = float(rule.params.get("max_name_zipf", 3.5))
    for m in CAP_TOKEN_RE.finditer(text):
        token = m.group()
        start, end = m.span()
        if ctx.skipped(start, end) or ctx.protected(token) or ctx.is_place(token):
            continue
        if ctx.standalone(token) > 1 or word_zipf(token) >= whole_max:
            continue
        cut = split_name(ctx, token, suffixes, french_heads, french_tails, min_name, max_name_zipf)
        if cut is None:
            continue
        name, tail = token[:cut], token[cut:]
        yield rule.finding(
            start,
            end,
            edits=(Edit(start + cut, start + cut, " "),),
            message=f"'{name}' glued to '{tail}'.",
            title=f"{name} {tail}",
        )


def split_name(
    ctx: Context,
    token: str,
    suffixes: frozenset[str],
    french_heads: frozenset[str],
    french_tails: frozenset[str],
    min_name: int,
    max_name_zipf: float,
) -> int | None:
    """Where the name ends in ``token``, or None: longest name first.

    The name must be a place of the gazetteer, or spelled alone in the article and rare as a
    word (``Just`` at a sentence start does not make ``Justin`` a join). A name ending in a
    vowel followed by ``is`` is a French demonym (``Bamakois``), not a join.
    """
    for cut in range(len(token) - 2, min_name - 1, -1):
        name, tail = token[:cut], token[cut:]
        if name.lower() in french_heads and tail in french_tails:
            return cut
        if tail not in suffixes:
            continue
        if tail == "is" and name[-1] in "aeiouyéè":
            continue
        if name in ctx.lex.place_names or (ctx.standalone(name) > 0 and word_zipf(name) < max_name_zipf):
            return cut
    return None


# --------------------------------------------------------------------------- lost apostrophe

LOST_S_RE = regex.compile(r"(?<![\p{L}\p{M}'’])([\p{L}\p{M}]{2,}) s (?=([\p{L}\p{M}]+))")
LOST_T_RE = regex.compile(
    r"(?<![\p{L}\p{M}'’])(?i:(don|can|won|isn|aren|wasn|weren|doesn|didn|hasn|haven|hadn|couldn|wouldn|shouldn|mustn)) t(?![\p{L}\p{M}'’])"
    r"|(?<![\p{L}\p{M}'’])(?:(I) m|(?i:(you|we|they)) re|(?i:(I|you|we|they|he|she)) (?:ll|ve))(?![\p{L}\p{M}'’])"
)


def lost_apostrophe(doc: Document, rule: Rule) -> Iterator[Finding]:
    """``the army s announcement`` → ``the army's announcement``; ``don t`` → ``don't``."""
    ctx = context(doc)
    text = ctx.text
    apo = ctx.apostrophe
    not_before = words_param(rule, "not_after")
    not_next = words_param(rule, "not_before")
    for m in LOST_S_RE.finditer(text):
        left, nxt = m.group(1), m.group(2)
        if left.lower() in not_before or nxt.lower() in not_next:
            continue
        s_at = m.end(1) + 1
        if ctx.skipped(m.start(), m.end()) or not wordish(ctx, left):
            continue
        yield rule.finding(
            m.start(1),
            s_at + 1,
            edits=(Edit(m.end(1), s_at, apo),),
            message=f"Possessive lost its apostrophe: '{left} s' is '{left}{apo}s'.",
            title=f"{left}{apo}s",
        )
    for m in LOST_T_RE.finditer(text):
        if ctx.skipped(m.start(), m.end()):
            continue
        gap = text.index(" ", m.start())
        yield rule.finding(
            m.start(),
            m.end(),
            edits=(Edit(gap, gap + 1, apo),),
            message=f"Contraction lost its apostrophe: '{m.group()}'.",
            title=m.group().replace(" ", apo),
        )
