"""The vocabularies kg writes, as rdflib ``DefinedNamespace`` classes.

``KG`` mirrors ``ontology/kg.ttl`` term for term (``tests/test_namespace.py``
fails when they drift apart); with ``_fail = True`` a misspelt term raises
instead of minting a new IRI. Code refers to terms only through these classes.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "NIF", "ITSRDF", "BASE", "RESOURCE", "DOC", "STATEMENT", "ONTOLOGY_IRI", "PREFIXES"]

BASE = "https://w3id.org/kg-cn/"
RESOURCE = Namespace(BASE + "resource/")
DOC = Namespace(BASE + "doc/")
STATEMENT = Namespace(BASE + "statement/")
ONTOLOGY_IRI = URIRef(BASE + "ontology")


class KG(DefinedNamespace):
    """kg ontology (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Entity: URIRef
    Region: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    Subdistrict: URIRef
    Community: URIRef
    EconomicRegion: URIRef
    Country: URIRef
    Park: URIRef
    Company: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    EducationalOrganization: URIRef
    Alliance: URIRef
    Program: URIRef
    Project: URIRef
    Facility: URIRef
    Person: URIRef
    Document: URIRef
    RelationStatement: URIRef
    Authority: URIRef
    # object properties
    locatedIn: URIRef
    partOf: URIRef
    subOrganizationOf: URIRef
    implements: URIRef
    worksFor: URIRef
    memberOf: URIRef
    fromAuthority: URIRef
    # data properties
    divisionCode: URIRef
    province: URIRef
    city: URIRef
    position: URIRef
    mentionCount: URIRef
    # individuals
    GBT2260: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core: the terms kg uses for provenance."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    Sentence: URIRef
    Phrase: URIRef
    String: URIRef
    RFC5147String: URIRef
    OffsetBasedString: URIRef
    isString: URIRef
    sourceUrl: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    sentence: URIRef
    predLang: URIRef


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set: links a NIF phrase to the entity it names."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")

    taIdentRef: URIRef
    taClassRef: URIRef


PREFIXES = {
    "kg": KG._NS,
    "kgr": RESOURCE,
    "kgd": DOC,
    "kgs": STATEMENT,
    "nif": NIF._NS,
    "itsrdf": ITSRDF._NS,
}
