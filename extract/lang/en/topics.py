"""English: topics — how the topic rules of ontology/lexicons/topics.json are matched (see
unkg.extract.lang). The Chinese module exposes the same names."""
from __future__ import annotations

import re

from ..lexicons import TopicRule, rules_of

RULES: tuple[TopicRule, ...] = rules_of("en")


def normalize(text: str) -> str:
    """``text`` as the rules read it: as it is."""
    return text


def matcher(pattern: str) -> re.Pattern[str]:
    """A rule's pattern, matched case-insensitively on word boundaries ("embargo" is not "border")."""
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
