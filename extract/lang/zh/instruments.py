"""Chinese: instrument titles (part of the language layer; see unkg.extract.lang).

- ``ALIAS``: a short title given in brackets right after an instrument's name, then used for it:
  《…补充议定书》（《巴勒莫议定书》）, （以下简称《公约》）;
- ``alias_pattern(words)``: where later text uses that short title;
- ``candidate_labels(name)``: (label_en, label_zh) of an initiative the registry does not know;
- ``TITLE``, ``INSTRUMENT_TITLE``, ``document_title(before, after)``, ``title_words(raw)``,
  ``candidate_key(words)``: a quoted title, whether its words are an instrument's, whether its
  context makes it a document's title instead, its words on one line, and the key of the
  candidate instrument it names when no registry holds it.
"""
from __future__ import annotations

import re

from ...text import join_pieces  # one rule for joining wrapped lines

# The languages of the registry names (instruments, bodies, States...) the gazetteer searches: Chinese UN
# documents cite English titles and acronyms (PROMIS, SHERLOC, UNODC) in their footnotes.
NAME_LANGUAGES = ("zh", "en")

ALIAS = re.compile(r"》?\s*[（(]\s*(?:以下简称|下称|简称|以下称|又称|通称|通常称为)?\s*《(?P<alias>[^《》（）()\n]{2,30})》\s*[）)]")

# The words that may open a short form in brackets after a name: （以下简称“西非网络”）.
SHORT_FORM_LEAD = re.compile(r"(?:以下简称|简称|下称)?\s*$")


def alias_pattern(words: str) -> str:
    """A short word (《公约》) only in its brackets, not inside 该公约 or another title; a longer
    one anywhere."""
    alias = re.escape(words)
    return alias if len(words) >= 4 else rf"(?<=《){alias}(?=》)"


def candidate_labels(name: str) -> tuple[str | None, str | None]:
    """A Chinese text names a candidate in Chinese."""
    return None, name


# -- candidate instruments: a title in 《》 that no registry holds ---------------------------
# (read by unkg.extract.instruments). Chinese prints every title in 《》 (instruments, but also
# reports, studies, handbooks: 《2018年全球人口贩运问题报告》); the head noun at the title's end says
# which are instruments. Resolution titles are quoted in “”, never in 《》.

# A title in 《》; one title may hold another in 〈〉 (《实施〈打击偷运移民议定书〉的国际行动框架》).
TITLE = re.compile(r"《(?P<title>(?:(?!\n\s*\n)[^《》]){2,150})》")

# The head nouns of instruments, at the end of the title. 法 is a law (《儿童保护法》), except in the
# common words that end in 法 and are no law (做法 "practices", 方法, 办法, 司法 …).
_HEAD = (r"(?:公约|议定书|宣言|规则|准则|原则|战略|行动计划|计划|纲领|纲要|议程|框架|协定|协议|条约|宪章|规约|守则"
         r"|契约|盟约|条例|宪法|标准|规范|备忘录|(?<![做方办看说手想用司语算疗书])法)")
# The words of an instrument's title: at least two characters before the head noun (《协议》,
# 《公约》, 《宪法》 alone are short titles, anaphors of an instrument named before).
INSTRUMENT_TITLE = re.compile(rf".{{2,}}{_HEAD}", re.S)

# After the 《》, what makes it a document's title rather than an instrument's: 题为《…》的报告,
# or a document symbol in brackets.
_DOCUMENT_AFTER = re.compile(r"\s*(?:的(?:报告|决议|决定|说明|研究|出版物|文件)|[(（]\s*[A-Z]{1,10}/[\w./-]+)")


def document_title(before: str, after: str) -> bool:
    """Is the 《》 between ``before`` and ``after`` a document's title (题为《…》的报告), not an
    instrument's?"""
    return bool(_DOCUMENT_AFTER.match(after))


def title_words(raw: str) -> str:
    """The words of a title as one line, joined as the layout joins wrapped lines (no space
    inside Chinese words: a PDF wraps 《…》 anywhere; one between Latin words)."""
    lines = [ln.strip() for ln in raw.strip().split("\n")]
    words = lines[0]
    for ln in lines[1:]:
        words += join_pieces(words, ln) + ln
    return re.sub(r"[ \t]+", " ", words)


def candidate_key(words: str) -> str:
    """The key of a candidate instrument: its words, the inner title marks 〈〉 and <> dropped."""
    return re.sub(r"[^\w]+", "-", title_words(words).lower()).strip("-")
