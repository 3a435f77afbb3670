"""Topics: which themes a text is about, by rules whose reasons are kept.

The themes are the SKOS concepts of ``ontology/topics.ttl`` (IRIs ``id/topic/<key>``, minted by
``unkg.graph.iris.concept``). Each theme has tagging rules per language, kept as data in
``ontology/lexicons/topics.json`` (read by ``unkg.extract.lang.lexicons``): a regular expression
of cue words, the reason a match means the theme, and examples the pattern must match (the tests
prove every pattern on its examples, and that the rules and the scheme name the same keys). ``tag`` returns, per theme found, the first match and its reason, so a user can see why a
recommendation or paragraph carries a topic::

    >>> tag("促进缔约国之间有效的司法协助", "zh")
    [('mutual-legal-assistance', "matched '司法协助' (mutual legal assistance)")]

How a language's rules match is its grammar's ``topics`` part: English patterns are matched
case-insensitively on word boundaries; Chinese patterns anywhere, after spaces between Chinese
characters (left by PDF extraction) are dropped.
"""
from __future__ import annotations

import re
from functools import cache

from .lang import Grammar, grammar
from .lang.lexicons import TopicRule, topic_rules
from .text import has_cjk

__all__ = ["RULES", "TOPIC_KEYS", "Rule", "tag"]

Rule = TopicRule  # one tagging rule: ``pattern`` in ``lang`` text means ``topic``, because ``reason``

# The rules, theme by theme, in the order ``tag`` reports them.
RULES: tuple[Rule, ...] = topic_rules()
TOPIC_KEYS: tuple[str, ...] = tuple(dict.fromkeys(r.topic for r in RULES))


@cache
def _compiled(code: str) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    topics = grammar(code).topics
    return tuple((r, topics.matcher(r.pattern)) for r in topics.RULES)


def _grammar_of(text: str, lang: str) -> Grammar:
    """A text in Chinese characters is read by the Chinese rules, whatever its document's language
    (a Chinese title quoted in an English document)."""
    return grammar("zh" if has_cjk(text[:200]) else lang)


def tag(text: str, lang: str) -> list[tuple[str, str]]:
    """The topics of ``text``: (topic key, reason) pairs, one per topic, in the rules' order.

    The reason names the words matched and why they mean the topic:
    ``"matched '司法协助' (mutual legal assistance)"``.
    """
    g = _grammar_of(text, lang)
    text = g.topics.normalize(text)
    found: dict[str, str] = {}
    for rule, pattern in _compiled(g.code):
        if rule.topic in found:
            continue
        if m := pattern.search(text):
            found[rule.topic] = f"matched '{m[0]}' ({rule.reason})"
    return list(found.items())
