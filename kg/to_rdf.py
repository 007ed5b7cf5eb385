"""Stage: map a processed corpus to an ``rdflib.Graph`` under the kg ontology.

The output contract (README "What is in the graph"):

* each entity is one IRI with ``rdf:type`` its most specific class,
  ``rdfs:label`` its canonical name and ``skos:altLabel`` each other surface form;
* each relation is a plain triple ``entity kg:predicate entity`` and also a
  ``kg:RelationStatement`` (an ``rdf:Statement``) that says which sentence it
  came from (``prov:wasDerivedFrom``) or which authority (``kg:fromAuthority``);
* each document is a ``nif:Context`` holding its text; each sentence and each
  mention is a NIF string with offsets into it, and a mention points to its
  entity with ``itsrdf:taIdentRef``.
"""

from __future__ import annotations

import bisect

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.iri import document_iri, entity_iri, span_iri, statement_iri
from kg.namespace import KG, NIF, ITSRDF, PREFIXES
from kg.types import Corpus, Doc, Entity, Relation

__all__ = ["to_graph", "new_graph"]


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for prefix, namespace in (("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS)):
        graph.bind(prefix, namespace)
    return graph


def to_graph(corpus: Corpus) -> Graph:
    graph = new_graph()
    for entity in corpus.entities.values():
        _add_entity(graph, entity)
    for doc in corpus.docs:
        _add_document(graph, doc)
        for relation in doc.relations:
            _add_relation(graph, doc, relation)
    return graph


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, RDFS.label, _zh(entity.name)))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, _zh(alias)))
    graph.add((node, KG.mentionCount, Literal(len(entity.mentions))))
    if entity.division_code:
        graph.add((node, KG.divisionCode, Literal(entity.division_code)))
    if entity.province:
        graph.add((node, KG.province, _zh(entity.province)))
    if entity.city:
        graph.add((node, KG.city, _zh(entity.city)))


def _add_document(graph: Graph, doc: Doc) -> None:
    document = doc.document
    context = document_iri(document.id)
    graph.add((context, RDF.type, KG.Document))
    graph.add((context, RDF.type, NIF.Context))
    graph.add((context, NIF.isString, Literal(document.text)))
    graph.add((context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((context, NIF.endIndex, Literal(len(document.text), datatype=XSD.nonNegativeInteger)))
    graph.add((context, NIF.predLang, Literal("zh")))
    graph.add((context, DCTERMS.source, Literal(document.path)))
    for sentence in doc.sentences:
        node = _add_string(graph, doc, sentence.start, sentence.end, sentence.text)
        graph.add((node, RDF.type, NIF.Sentence))
    sentence_at = _sentence_lookup(doc)
    for entity in doc.entities:
        for mention in entity.mentions:
            node = _add_string(graph, doc, mention.start, mention.end, mention.text)
            graph.add((node, RDF.type, NIF.Phrase))
            graph.add((node, ITSRDF.taIdentRef, entity_iri(entity.key)))
            graph.add((node, ITSRDF.taClassRef, KG[entity.type]))
            sentence = sentence_at(mention.start)
            if sentence is not None:
                graph.add((node, NIF.sentence, span_iri(document.id, sentence.start, sentence.end)))


def _add_string(graph: Graph, doc: Doc, start: int, end: int, text: str):
    node = span_iri(doc.document.id, start, end)
    graph.add((node, RDF.type, NIF.OffsetBasedString))
    graph.add((node, NIF.referenceContext, document_iri(doc.document.id)))
    graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.anchorOf, Literal(text)))
    return node


def _sentence_lookup(doc: Doc):
    starts = [s.start for s in doc.sentences]

    def at(offset: int):
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
            return doc.sentences[i]
        return None

    return at


def _add_relation(graph: Graph, doc: Doc, relation: Relation) -> None:
    subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
    predicate = KG[relation.predicate]
    graph.add((subject, predicate, obj))
    if relation.sentence is not None:
        sentence = doc.sentences[relation.sentence]
        source = span_iri(doc.document.id, sentence.start, sentence.end)
    else:
        source = KG[relation.authority or "GBT2260"]
    statement = statement_iri(relation.subject, relation.predicate, relation.object, source)
    graph.add((statement, RDF.type, KG.RelationStatement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, predicate))
    graph.add((statement, RDF.object, obj))
    if relation.sentence is not None:
        graph.add((statement, PROV.wasDerivedFrom, source))
    else:
        graph.add((statement, KG.fromAuthority, source))
        graph.add((source, RDF.type, KG.Authority))
        graph.add((source, RDFS.label, _zh("中华人民共和国行政区划代码 (GB/T 2260)")))
    if relation.position:
        graph.add((statement, KG.position, _zh(relation.position)))
