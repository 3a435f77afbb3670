"""Chinese: topics — how the topic rules of ontology/lexicons/topics.json are matched (see
unkg.extract.lang). The English module exposes the same names."""
from __future__ import annotations

import re

from ..lexicons import TopicRule, rules_of

RULES: tuple[TopicRule, ...] = rules_of("zh")

# PDF extraction leaves spaces between Chinese characters ("司法 协助"): they are not in the words.
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])")


def normalize(text: str) -> str:
    """``text`` as the rules read it: without spaces between Chinese characters."""
    return _CJK_SPACE.sub("", text)


def matcher(pattern: str) -> re.Pattern[str]:
    """A rule's pattern, matched anywhere: Chinese has no word boundaries to wait for."""
    return re.compile(pattern)
