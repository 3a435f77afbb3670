"""The only way unkg parses XML it is given (AKN4UN files, the parts of a DOCX).

No DTD is loaded, no entity is expanded (so neither an external entity that reads a file or a
URL — XXE — nor a billion laughs), nothing is fetched from the network, and trees deeper or
larger than libxml2's default limits are refused (``huge_tree`` off).
"""
from __future__ import annotations

from lxml import etree


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def fromstring(data: bytes) -> etree._Element:
    """The root element of ``data``; lxml's ``XMLSyntaxError`` when it is not well-formed."""
    return etree.fromstring(data, parser())


def has_dtd(root: etree._Element) -> bool:
    """Does the document declare a DTD (where entities are declared)?"""
    return root.getroottree().docinfo.internalDTD is not None
