"""The namespace class and the ontology file name the same terms."""

from rdflib import OWL, RDF, URIRef

from kg.namespace import KG
from kg.ontology import ENTITY_TYPES, PREDICATES, ontology_graph


def _ontology_terms() -> set[str]:
    graph = ontology_graph()
    prefix = str(KG._NS)
    return {
        str(s)[len(prefix) :]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(prefix)
    }


def test_every_ontology_term_is_in_the_namespace_class_and_back():
    declared = set(KG.__annotations__)
    assert _ontology_terms() == declared


def test_misspelt_term_raises_instead_of_minting_an_iri():
    import pytest

    with pytest.raises(AttributeError):
        KG.locatedInn  # noqa: B018


def test_top_classes_and_predicates_exist_with_their_kinds():
    graph = ontology_graph()
    for name in ENTITY_TYPES:
        assert (KG[name], RDF.type, OWL.Class) in graph
    for name in PREDICATES:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in graph
