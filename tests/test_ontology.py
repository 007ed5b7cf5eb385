"""The ontology: eight top classes, six relations, labels, alignment, shapes."""

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import FOAF, ORG, PROV

from kg.namespace import KG
from kg.ontology import PREDICATES, class_ancestors, ontology_graph, shapes_path
from kg.relations import ALLOWED


def test_every_class_and_property_has_chinese_and_english_labels():
    graph = ontology_graph()
    terms = set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDF.type, OWL.ObjectProperty))
    terms = {t for t in terms if isinstance(t, URIRef)}
    assert len(terms) >= 8 + 6
    for term in terms:
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term


def test_alignment_to_vocabularies_people_query_with():
    graph = ontology_graph()
    https_schema = "https://schema.org/"
    aligned = {str(o) for s in graph.subjects() for o in graph.objects(s, RDFS.subClassOf)}
    aligned |= {str(o) for s in graph.subjects() for o in graph.objects(s, RDFS.subPropertyOf)}
    for namespace in (https_schema, str(ORG), str(FOAF), str(PROV)):
        assert any(iri.startswith(namespace) for iri in aligned), namespace
    assert (KG.Person, RDFS.subClassOf, FOAF.Person) in graph
    assert (KG.subOrganizationOf, RDFS.subPropertyOf, ORG.subOrganizationOf) in graph


def test_subclasses_roll_up_to_their_top_class():
    assert {"District", "Region", "Entity"} <= class_ancestors("District")
    assert "Organization" in class_ancestors("GovernmentBody")
    assert "Region" not in class_ancestors("Park")


def test_relation_rules_respect_the_ontologys_domains_and_ranges():
    graph = ontology_graph()

    def members(node):
        union = graph.value(node, OWL.unionOf)
        if union is None:
            return {str(node).rsplit("#", 1)[-1]}
        return {str(item).rsplit("#", 1)[-1] for item in graph.items(union)}

    for predicate in PREDICATES:
        domain, range_ = ALLOWED[predicate]
        assert members(graph.value(KG[predicate], RDFS.domain)) == domain, predicate
        assert members(graph.value(KG[predicate], RDFS.range)) == range_, predicate


def test_shapes_file_parses():
    shapes = Graph().parse(shapes_path())
    assert len(shapes) > 50
