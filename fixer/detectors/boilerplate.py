"""Page debris that aggregators copy around a translated article: the ``boilerplate.*`` rules.

This module is the entry point named by rules/boilerplate.toml (``boilerplate:function``); the
work is done in modules with one job each:

- ``boilerplate_common``: verdicts, line normalisation, the phrase lexicon, the classifier registry;
- ``boilerplate_repeats``, ``boilerplate_prompts``, ``boilerplate_metadata``,
  ``boilerplate_credits``: the line classifiers, judged from the structure of the page (position,
  repetition, sentence shape, what a line is made of) rather than from exact strings alone;
- ``deletion_plan``: how each line goes so that blocks of debris leave one blank line behind;
- ``boilerplate_labels``: debris inside a line (a kicker label, an update stamp, a site suffix);
- ``site_profiles``: the user's per-site profiles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..document import Document
from ..model import Finding, Rule
from .boilerplate_common import LINE_RULES, PROFILES, verdicts
from .boilerplate_labels import section_label, title_site_suffix, update_stamp
from .deletion_plan import emit
from .site_profiles import profile_example_problems, profile_verdicts

__all__ = [
    "LINE_RULES", "byline", "hashtag_line", "near_repeat", "page_prompt", "page_slug", "photo_caption",
    "photo_credit", "profile_example_problems", "reading_time", "related_link", "repeated_title",
    "section_label", "site_profile", "source_footer", "title_site_suffix", "unix_timestamp",
    "update_stamp", "verdicts", "video_title",
]


def _line_rule(rule_id: str) -> Callable[[Document, Rule], Iterable[Finding]]:
    def detect(doc: Document, rule: Rule) -> Iterable[Finding]:
        done = doc.cache.get("boilerplate:verdicts")  # (most often the deletion plan judged the page already)
        found = done[rule_id] if done is not None and rule_id in done else verdicts(doc, rule_id)
        return emit(doc, rule, found) if found else ()  # most rules find nothing on a page

    detect.__doc__ = f"The whole-line deletions of {rule_id} (see its classifier)."
    return detect


repeated_title = _line_rule("boilerplate.repeated-title")
near_repeat = _line_rule("boilerplate.near-repeat")
page_prompt = _line_rule("boilerplate.page-prompt")
related_link = _line_rule("boilerplate.related-link")
unix_timestamp = _line_rule("boilerplate.unix-timestamp")
hashtag_line = _line_rule("boilerplate.hashtag-line")
reading_time = _line_rule("boilerplate.reading-time")
source_footer = _line_rule("boilerplate.source-footer")
photo_credit = _line_rule("boilerplate.photo-credit")
photo_caption = _line_rule("boilerplate.photo-caption")
video_title = _line_rule("boilerplate.video-title")
byline = _line_rule("boilerplate.byline")
page_slug = _line_rule("boilerplate.page-slug")


def site_profile(doc: Document, rule: Rule) -> Iterator[Finding]:
    """Lines matched by a site profile (``profiles/*.toml`` of every rules folder)."""
    yield from emit(doc, rule, profile_verdicts(doc, rule.id, str(rule.params.get("profiles", PROFILES))))
