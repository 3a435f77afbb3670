"""The vocabularies the graph uses, as pyoxigraph nodes, and ``node``/``lit``: how IRI values and
plain values become nodes (``nquads.py`` has the same terms as N-Quads text, for the build). The
ontology in ``ontology/unkg.ttl`` defines the ``unkg:`` terms; a test checks every ``UNKG`` term
used here is declared there."""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from . import iris


class Namespace:
    """``NS.term`` -> NamedNode(base + "term"). Only the names listed in ``terms`` exist, so a
    misspelt term fails at import time instead of writing a wrong IRI."""

    def __init__(self, base: str, terms: str):
        self.base = base
        self.terms = tuple(terms.split())
        for t in self.terms:
            setattr(self, t.replace("-", "_"), NamedNode(base + t))

    def __getitem__(self, name: str) -> NamedNode:
        return getattr(self, name.replace("-", "_"))


PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dct": "http://purl.org/dc/terms/",
    "fabio": "http://purl.org/spar/fabio/",
    "doco": "http://purl.org/spar/doco/",
    "cito": "http://purl.org/spar/cito/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "unkg": iris.ONTOLOGY,
}

RDF = Namespace(PREFIXES["rdf"], "type value")
RDFS = Namespace(PREFIXES["rdfs"], "label comment")
XSD = Namespace(PREFIXES["xsd"], "date integer boolean string")
DCT = Namespace(PREFIXES["dct"], "identifier title issued creator language isPartOf references subject "
                                 "dateAccepted")
FABIO = Namespace(PREFIXES["fabio"], "Work")
DOCO = Namespace(PREFIXES["doco"], "Paragraph Section Footnote")
CITO = Namespace(PREFIXES["cito"], "Citation cites hasCitingEntity hasCitedEntity")
ELI = Namespace(PREFIXES["eli"], "LegalResource LegalResourceSubdivision is_part_of number passed_by "
                                 "LegalExpression realizes title language")
SKOS = Namespace(PREFIXES["skos"], "notation prefLabel altLabel Concept ConceptScheme inScheme "
                                   "closeMatch definition topConceptOf hasTopConcept")
ORG = Namespace(PREFIXES["org"], "FormalOrganization subOrganizationOf")
FOAF = Namespace(PREFIXES["foaf"], "Person name")
SCHEMA = Namespace(PREFIXES["schema"], "Event startDate endDate location organizer mentions")
PROV = Namespace(PREFIXES["prov"], "wasDerivedFrom wasGeneratedBy Activity used")
OA = Namespace(PREFIXES["oa"], "Annotation hasBody hasTarget hasSource hasSelector TextQuoteSelector "
                               "TextPositionSelector exact start end motivatedBy classifying")
UNKG = Namespace(iris.ONTOLOGY, """
    UNDocument State Initiative CandidateInstrument Recommendation Resolution Decision Participation Meeting
    SubItem Heading Footnote Run
    key fileStem distribution originalLanguage documentKind agendaItem meeting ordinal
    section level provisionKind article paragraph subparagraph instrument unresolved exact
    candidate untcNumber iso2 m49 supplements nationality
    agent event role attended spokeAt heldRole
    strength addressedTo restated adoptedBy
    sha256 sourceFile toolVersion documentGraph topicReason matchedRule
    checked checkNote Vote voter voterName choice votedOn
    """)


def node(value: iris.IRI) -> NamedNode:
    """The RDF node of an IRI value."""
    return NamedNode(str(value))


def lit(value, lang: str | None = None) -> Literal:
    """A plain literal, or a language-tagged one (typed literals: ``nquads.typed``)."""
    return Literal(str(value), language=lang) if lang else Literal(str(value))
