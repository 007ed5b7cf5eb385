"""The output contract every consumer and every score depends on."""

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.namespace import ITSRDF, KG, NIF, RESOURCE
from kg.ontology import PREDICATES, class_ancestors


def _entities(graph):
    return {s for s, o in graph.subject_objects(RDF.type) if str(s).startswith(str(RESOURCE)) and "Entity" in class_ancestors(str(o).rsplit("#", 1)[-1])}


def test_each_entity_has_one_most_specific_type_and_one_chinese_label(seed_graph):
    entities = _entities(seed_graph)
    assert len(entities) > 50
    for entity in entities:
        types = list(seed_graph.objects(entity, RDF.type))
        assert len(types) == 1, entity
        labels = list(seed_graph.objects(entity, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "zh"
        for alias in seed_graph.objects(entity, SKOS.altLabel):
            assert alias.language == "zh" and alias != labels[0]


def test_aliases_and_division_codes_are_written(seed_graph):
    quanshan = RESOURCE["泉山区"]
    assert (quanshan, RDF.type, KG.District) in seed_graph
    assert (quanshan, SKOS.altLabel, Literal("泉山", lang="zh")) in seed_graph
    assert (quanshan, KG.divisionCode, Literal("320311")) in seed_graph


def test_every_mention_has_offsets_into_its_document_text(seed_graph):
    phrases = list(seed_graph.subjects(RDF.type, NIF.Phrase))
    assert len(phrases) > 100
    for phrase in phrases:
        context = seed_graph.value(phrase, NIF.referenceContext)
        text = str(seed_graph.value(context, NIF.isString))
        begin = int(seed_graph.value(phrase, NIF.beginIndex))
        end = int(seed_graph.value(phrase, NIF.endIndex))
        assert text[begin:end] == str(seed_graph.value(phrase, NIF.anchorOf))
        assert str(phrase).endswith(f"#char={begin},{end}")
        assert seed_graph.value(phrase, ITSRDF.taIdentRef) in _entities(seed_graph)
        sentence = seed_graph.value(phrase, NIF.sentence)
        assert int(seed_graph.value(sentence, NIF.beginIndex)) <= begin < int(seed_graph.value(sentence, NIF.endIndex))


def test_every_plain_relation_is_traceable_to_a_sentence_or_an_authority(seed_graph):
    statements = {}
    for statement in seed_graph.subjects(RDF.type, KG.RelationStatement):
        triple = tuple(seed_graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        assert triple in seed_graph, "the plain triple stays beside its statement"
        source = seed_graph.value(statement, PROV.wasDerivedFrom)
        authority = seed_graph.value(statement, KG.fromAuthority)
        assert (source is None) != (authority is None)
        if source is not None:
            assert (source, RDF.type, NIF.Sentence) in seed_graph
        statements.setdefault(triple, []).append(statement)
    plain = [(s, KG[p], o) for p in PREDICATES for s, o in seed_graph.subject_objects(KG[p])]
    assert plain and all(t in statements for t in plain)


def test_a_post_is_a_property_of_the_works_for_link(seed_graph):
    query = """
        SELECT ?position WHERE {
          ?st a kg:RelationStatement ; rdf:subject ?p ; rdf:predicate kg:worksFor ; rdf:object ?o ; kg:position ?position .
          ?p rdfs:label "孟庆礼"@zh .
        }"""
    rows = list(seed_graph.query(query, initNs={"kg": KG, "rdf": RDF, "rdfs": RDFS}))
    assert [str(r.position) for r in rows] == ["局长"]


def test_iris_are_valid_and_readable(seed_graph):
    for node in set(seed_graph.subjects()) | set(seed_graph.objects()):
        if isinstance(node, URIRef):
            assert not any(ch in str(node) for ch in ' <>"{}|^`\\'), node
    assert RESOURCE["徐州软件园"] in set(seed_graph.subjects())


def test_turtle_round_trips_to_the_same_graph(seed_build):
    written = Graph().parse(seed_build.out / "graph.ttl")
    assert len(written) == len(seed_build.graph)
    from rdflib.compare import isomorphic

    assert isomorphic(written, seed_build.graph)
