"""The treaties as text: the structure of UNTOC, its three Protocols and UNCAC, article by article.

``treaties/<FILE>.en.json`` are the authentic English texts (provenance in ``treaties/README.md``):
every article with its number, title, chapter and numbered paragraphs; subparagraph labels stay
inside a paragraph's text, one per line, as the source prints them (``a)``, ``(i)``). No Chinese
text is shipped: none could be had from a real source, and titles are never invented.

What this module answers: the article, paragraph and subparagraph a citation names exist or not
(``problem(...)`` says why not), and their titles and text for the graph and the views.

>>> problem("UNTOC", "18", "13") is None
True
>>> problem("UNTOC", "42")
'the Organized Crime Convention has no article 42 (articles 1-41)'
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# registry key (ontology/registries/instruments.json) -> the file holding that treaty's text
FILES = {"UNTOC": "UNTOC", "TIP-Protocol": "TIP", "SOM-Protocol": "SOM",
         "Firearms-Protocol": "FIREARMS", "UNCAC": "UNCAC"}
SHORT = {"UNTOC": "the Organized Crime Convention", "TIP-Protocol": "the Trafficking in Persons Protocol",
         "SOM-Protocol": "the Migrants Protocol", "Firearms-Protocol": "the Firearms Protocol",
         "UNCAC": "the Convention against Corruption"}

# A subparagraph label at the start of a line: "a)", "(a)", "a.", "(i)", "ii)".
_LABEL = re.compile(r"^\(?(?P<label>[a-z]{1,4})[).]\s", re.M)


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: str | None  # None for an article's unnumbered text
    text: str
    subparagraphs: tuple[str, ...]  # labels as letters: ("a", "b", "i", "ii")


@dataclass(frozen=True, slots=True)
class Article:
    number: str
    title: str | None
    chapter: str | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def numbered(self) -> tuple[str, ...]:
        return tuple(p.number for p in self.paragraphs if p.number is not None)

    def paragraph(self, number: str | None) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.number == number), None)

    @property
    def text(self) -> str:
        return "\n".join(f"{p.number}. {p.text}" if p.number else p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Treaty:
    key: str
    title: str
    adopted_by: str
    articles: tuple[Article, ...]

    def article(self, number: str) -> Article | None:
        return next((a for a in self.articles if a.number == number), None)


def _paragraph(raw: dict) -> Paragraph:
    number = raw.get("number")
    labels = tuple(dict.fromkeys(m["label"] for m in _LABEL.finditer(raw["text"])))
    return Paragraph(str(number) if number is not None else None, raw["text"], labels)


@cache
def treaty(key: str) -> Treaty | None:
    """The treaty whose registry key is ``key``, or None when its text is not shipped."""
    name = FILES.get(key)
    if name is None:
        return None
    raw = json.loads((resources.files("unkg.ontology") / "treaties" / f"{name}.en.json").read_text("utf-8"))
    articles = tuple(Article(str(a["number"]), a.get("title"), a.get("chapter"),
                             tuple(_paragraph(p) for p in a["paragraphs"])) for a in raw["articles"])
    return Treaty(key, raw["title"], raw.get("adopted_by") or "", articles)


def title(instrument: str | None, article: str | None) -> str | None:
    """The English title of an article ("Mutual legal assistance"), None when unknown.

    >>> title("UNTOC", "18")
    'Mutual legal assistance'
    """
    t = treaty(instrument) if instrument else None
    a = t.article(str(article)) if t and article else None
    return a.title if a else None


def treaties() -> tuple[Treaty, ...]:
    return tuple(t for t in map(treaty, FILES) if t is not None)


def problem(instrument: str | None, article: str, paragraph: str | None = None,
            subparagraph: str | None = None) -> str | None:
    """Why a citation names a provision the treaty does not contain, or None when it does
    (or when unkg has no text of the instrument, so nothing can be said)."""
    t = treaty(instrument) if instrument else None
    if t is None:
        return None
    name = SHORT[t.key]
    a = t.article(article)
    if a is None:
        span = f"articles {t.articles[0].number}-{t.articles[-1].number}"
        return f"{name} has no article {article} ({span})"
    if paragraph is not None:
        if not a.numbered:
            return f"article {article} of {name} has no numbered paragraphs"
        if paragraph not in a.numbered:
            return f"article {article} of {name} has no paragraph {paragraph} (paragraphs 1-{a.numbered[-1]})"
    if subparagraph is not None:
        where = a.paragraph(paragraph) if paragraph is not None else None
        labels = where.subparagraphs if where else tuple(s for p in a.paragraphs for s in p.subparagraphs)
        if subparagraph not in labels:
            place = f"paragraph {paragraph} of article {article}" if paragraph else f"article {article}"
            return f"{place} of {name} has no subparagraph ({subparagraph})"
    return None
