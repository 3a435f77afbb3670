"""English: recommendations — addressees, directive verbs and modals, and the phrases that make a
paragraph a lead-in, a question, a report of views or a draft passed on (see unkg.extract.lang).

The cue words and their strengths are data (ontology/lexicons/strength.json); the clause shapes
around them are here. The Chinese module exposes the same names.
"""
from __future__ import annotations

import re

from ..lexicons import cues

# (pattern, label); the first pattern that matches at a position wins, so longer names come first.
ADDRESSEES: tuple[tuple[str, str], ...] = (
    (r"(?:[Aa]ll |[Oo]ther )?States? [Pp]arties", "States parties"),
    (r"(?:[Aa]ll |[Oo]ther )?Member States", "Member States"),
    (r"(?:[Tt]he )?United Nations Office on Drugs and Crime|UNODC", "UNODC"),
    (r"(?:[Tt]he )?Secretariat", "Secretariat"),
    (r"(?:[Tt]he )?Executive Director", "Executive Director"),
    (r"(?:[Tt]he )?Conference(?: of the Parties)?", "Conference of the Parties"),
    (r"(?:[Tt]he |[Ii]ts )?Working Group", "Working Group"),
    (r"(?:[Aa]ll |[Oo]ther )?(?:States|Governments)", "States"),
    (r"(?:[Aa]ll )?[Dd]onors", "Donors"),
    # resolutions address the Secretary-General and other bodies by name
    (r"(?:[Tt]he )?Secretary-General", "Secretary-General"),
    (r"(?:[Tt]he )?Commission on Crime Prevention and Criminal Justice|(?:[Tt]he )?Commission", "Commission"),
    (r"(?:[Tt]he )?Security Council", "Security Council"),
    (r"(?:[Tt]he )?General Assembly", "General Assembly"),
    (r"(?:[Tt]he )?Human Rights Council", "Human Rights Council"),
)
WORD_END = r"\b"  # an addressee ends on a word boundary ("States", not "Statesman")
ADDRESSEE_PREFIX = r"^(?:that |to )"  # "Recommends that States…", "Calls upon… to"

# A directive verb opens its clause after adverbs, or after the body that speaks ("The Working
# Group recommends").
ADVERBS = r"(?:(?:Also|also|Further|further|Again|again|Once again|once again|Strongly|strongly|" \
          r"Furthermore|In addition|Moreover|Therefore|therefore)[, ]+)*"
BODY = r"(?:We|we|(?:The |the )?(?:[A-Z][\w-]* ){0,6}?(?:Working Group|Conference(?: of the Parties)?|" \
       r"Commission|General Assembly|Council|Group))(?: (?:on|to|of) (?:the )?[A-Z][^,.;:]{0,100}?)?"
SEP = r"\s*"  # between body, adverbs and verb
THAT = r"(?:\s*that\b)?"  # "recommends that"
# Where an operative paragraph that opens with another verb ("Takes note of the report …, and
# requests the Office to …") goes on with a directive verb: after a comma or semicolon, "and" and
# adverbs; the verb is then lower case. (In a preamble, "…, and requests" never stands.)
JOINT = r"[,;]\s+(?:and\s+)?(?:(?:also|further|furthermore|therefore|strongly|once again|in this regard|" \
        r"in that regard|to this end|to that end|in this context),?\s+)*(?=[a-z]+s\b)"  # requests, not requested
CONNECTIVES = r"In addition|Moreover|Furthermore|Therefore"  # may come before the subject of a modal
NEEDS_SUBJECT_OR_OBJECT: frozenset[str] = frozenset()  # "Recommends" is always the verb

VERBS: tuple[tuple[str, str], ...] = tuple((c.strength, c.pattern) for c in cues("en", "verb"))
MODALS: tuple[tuple[str, str], ...] = tuple((c.strength, c.pattern) for c in cues("en", "modal"))
IMPORTANCE: str = "|".join(c.pattern for c in cues("en", "importance"))

# --- what is not a list of recommendations ---
DISCUSSION = r"\bdiscuss\b|\bdiscussion\b|\bfollowing questions\b|\bquestions (?:for|below|as follows)\b"
EXAMPLES = r"\bexamples?\b|\bfor instance\b|\bsuch as\b"
# views reported, or what a text requires: not recommendations of this document
REPORTED = r"\b(?:[Ss]peakers?|[Dd]elegations?|[Pp]articipants|[Pp]anellists|[Ee]xperts|[Rr]epresentatives?|" \
           r"[Ss]ome|[Ss]everal|[Mm]any|[Oo]ne)\b[^.:]{0,40}\b(?:said|stated|noted|stressed|emphasized|" \
           r"highlighted|suggested|recommended|expressed|observed|underlined|pointed out|(?:was|were) of the view)\b|" \
           r"\b[Aa]rticle \d+[^.:]{0,40}\b(?:requires|provides|obliges)\b|\bunder article\b"
RESTATED = r"\b(?:previous|earlier|prior|past)\b[^.:]{0,30}\brecommendations\b|" \
           r"\brecommendations\b[^.:]{0,30}\b(?:previously|earlier)\b|\brecalled? (?:its|the) recommendations\b"
# a body passes on a draft for another to adopt: the draft's paragraphs are what it recommends
TRANSMITS = r"\bthe following draft (?:resolution|decision)s?\b|\bdraft (?:resolution|decision)s? (?:below|as follows)\b"
ANNOUNCES = r"\bfollowing recommendations\b|\brecommendations\b[^.:]{0,20}\b(?:below|as follows)\b|" \
            r"\brecommended the following\b"  # the text announces that recommendations follow
ENDS_WITH_NOUN = r"\brecommendations?\s*$"
REC_HEADING = r"\b[Rr]ecommendations?\b"
# A resolution's operative paragraphs open with a verb in the present tense ("Decides", "Also
# requests"): what marks the operative part when it is glued to the preamble.
OPERATIVE_VERB = rf"^\s*{ADVERBS}(?:[Dd]ecides|[Uu]rges|[Cc]alls (?:up)?on|[Ii]nvites|[Rr]equests|[Ee]ncourages|" \
                 r"[Rr]ecommends)\b"
# A resolution's number printed above its opening line: "Resolution 10/4", "2006/27."
NUMBER_LINE = re.compile(r"(?:[Rr]esolution|[Dd]ecision)\s+(?P<n>\d+/\d+)\s*$|^(?P<m>\d+/\d+)\.")
ANNEX = re.compile(r"^(?:Annex|ANNEX)\s*(?P<n>[IVX]+)?\s*$")  # "Annex", "Annex II"
