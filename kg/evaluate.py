"""Score a graph against gold annotations, exactly as ``GUIDELINES.md`` says.

* Names are compared after NFKC, with white space and quotation marks removed.
* An extracted entity matches a gold entity when its label or an alternative
  label equals the gold name or an alias, and its class (or a superclass of
  it) is the gold type. Each gold entity is matched once; a second extracted
  entity matching the same gold entity is a false positive (a missed merge).
* An extracted relation matches when both ends match gold entities and the
  predicate is the same.
* Optional gold items are left out of both sides.
* P/R/F1 per type and per predicate, micro-averaged overall; over several
  gold files, counts are summed (corpus-level micro average).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import GoldError
from kg.namespace import KG, NIF, ITSRDF
from kg.ontology import class_ancestors, ENTITY_TYPES, PREDICATES

__all__ = ["normalise_name", "GoldDocument", "read_gold", "Score", "Report", "evaluate", "evaluate_folder"]

_QUOTES = "“”\"'‘’「」『』《》〈〉"


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if not ch.isspace() and ch not in _QUOTES)


@dataclass(frozen=True)
class GoldEntity:
    id: str
    names: frozenset[str]
    type: str
    optional: bool


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    optional: bool


@dataclass(frozen=True)
class GoldDocument:
    document: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def read_gold(path: str | Path) -> GoldDocument:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = tuple(
            GoldEntity(
                e["id"],
                frozenset(normalise_name(n) for n in [e["name"], *e.get("aliases", [])]),
                e["type"],
                bool(e.get("optional", False)),
            )
            for e in data["entities"]
        )
        relations = tuple(
            GoldRelation(r["subject"], r["predicate"], r["object"], bool(r.get("optional", False)))
            for r in data.get("relations", [])
        )
        document = data.get("document", path.name)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"{path}: not a gold file as GUIDELINES.md describes ({exc!r})") from exc
    unknown = {e.type for e in entities} - set(ENTITY_TYPES)
    if unknown:
        raise GoldError(f"{path}: unknown entity type(s) {sorted(unknown)}")
    return GoldDocument(document, entities, relations)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    document: str
    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def entity_total(self) -> Score:
        return _total(self.entities.values())

    @property
    def relation_total(self) -> Score:
        return _total(self.relations.values())

    def add(self, other: Report) -> None:
        for key, score in other.entities.items():
            self.entities[key].add(score)
        for key, score in other.relations.items():
            self.relations[key].add(score)
        self.false_positives.extend(f"{other.document}: {x}" for x in other.false_positives)
        self.false_negatives.extend(f"{other.document}: {x}" for x in other.false_negatives)

    def format(self, misses: bool = False) -> str:
        lines = [f"# {self.document}", f"{'':22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]

        def row(label: str, s: Score) -> str:
            return f"{label:22}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:5}{s.fp:5}{s.fn:5}"

        for name in ENTITY_TYPES:
            if name in self.entities:
                lines.append(row(f"  {name}", self.entities[name]))
        lines.append(row("entities", self.entity_total))
        for name in PREDICATES:
            if name in self.relations:
                lines.append(row(f"  {name}", self.relations[name]))
        lines.append(row("relations", self.relation_total))
        if misses:
            lines.append("false positives:")
            lines.extend(f"  {x}" for x in self.false_positives)
            lines.append("false negatives:")
            lines.extend(f"  {x}" for x in self.false_negatives)
        return "\n".join(lines)


def _total(scores: Iterable[Score]) -> Score:
    total = Score()
    for score in scores:
        total.add(score)
    return total


@dataclass(frozen=True)
class _Extracted:
    iri: URIRef
    label: str
    names: frozenset[str]
    types: frozenset[str]  # the class and all its ancestors, as local names
    top: str


def _extracted_entities(graph: Graph, document: URIRef | None) -> list[_Extracted]:
    in_document: set[URIRef] | None = None
    if document is not None:
        in_document = {
            graph.value(phrase, ITSRDF.taIdentRef)
            for phrase in graph.subjects(NIF.referenceContext, document)
            if graph.value(phrase, ITSRDF.taIdentRef) is not None
        }
    found = []
    for subject, cls in graph.subject_objects(RDF.type):
        if not isinstance(cls, URIRef) or not str(cls).startswith(str(KG._NS)):
            continue
        local = str(cls)[len(str(KG._NS)) :]
        ancestors = class_ancestors(local)
        top = next((t for t in ENTITY_TYPES if t in ancestors), None)
        if top is None or (in_document is not None and subject not in in_document):
            continue
        label = str(graph.value(subject, RDFS.label) or "")
        names = {normalise_name(label)} | {normalise_name(str(a)) for a in graph.objects(subject, SKOS.altLabel)}
        found.append(_Extracted(subject, label, frozenset(names), frozenset(ancestors), top))
    return sorted(found, key=lambda e: str(e.iri))


def _document_iri(graph: Graph, name: str) -> URIRef | None:
    stem = Path(name).stem
    for doc in graph.subjects(RDF.type, KG.Document):
        source = graph.value(doc, DCTERMS.source)
        if source is not None and Path(str(source)).name == Path(name).name:
            return doc
    for doc in graph.subjects(RDF.type, KG.Document):
        if str(doc).rsplit("/", 1)[-1] == stem:
            return doc
    return None


def evaluate(graph: Graph, gold: GoldDocument, restrict_to_document: bool = True) -> Report:
    """Score ``graph`` against one gold document.

    With ``restrict_to_document``, only entities mentioned in that document and
    relations read from it (or from authority data between its entities) count,
    so one corpus graph can be scored document by document.
    """
    report = Report(gold.document)
    document = _document_iri(graph, gold.document) if restrict_to_document else None
    extracted = _extracted_entities(graph, document)
    matched: dict[str, URIRef] = {}  # gold id → the extracted entity that took it
    corresponds: dict[URIRef, GoldEntity] = {}  # extracted → the gold entity it names
    for entity in extracted:
        candidates = [g for g in gold.entities if g.names & entity.names and g.type in entity.types]
        free = [g for g in candidates if g.id not in matched]
        if candidates:
            corresponds[entity.iri] = (free or candidates)[0]
        chosen = next((g for g in free if not g.optional), None) or (free[0] if free else None)
        if chosen is not None:
            matched[chosen.id] = entity.iri
            if not chosen.optional:
                report.entities[chosen.type].tp += 1
        elif candidates and all(g.optional for g in candidates):
            continue
        else:
            report.entities[entity.top].fp += 1
            why = "missed merge with " + candidates[0].id if candidates else "not in gold"
            report.false_positives.append(f"{entity.top} {entity.label} ({why})")
    for g in gold.entities:
        if not g.optional and g.id not in matched:
            report.entities[g.type].fn += 1
            report.false_negatives.append(f"{g.type} {_gold_name(g)}")

    gold_by_id = {g.id: g for g in gold.entities}
    gold_relations = {(r.subject, r.predicate, r.object): r for r in gold.relations}
    found: set[tuple[str, str, str]] = set()
    for subject, predicate, obj in _extracted_relations(graph, document, {e.iri for e in extracted}):
        name = str(predicate)[len(str(KG._NS)) :]
        gs, go = corresponds.get(subject), corresponds.get(obj)
        label = f"{_label(graph, subject)} {name} {_label(graph, obj)}"
        if gs is None or go is None:
            report.relations[name].fp += 1
            report.false_positives.append(f"{label} (an end is not a gold entity)")
            continue
        key = (gs.id, name, go.id)
        if key in found:
            continue
        found.add(key)
        relation = gold_relations.get(key)
        if relation is not None and not relation.optional:
            report.relations[name].tp += 1
        elif relation is not None or gs.optional or go.optional:
            continue
        else:
            report.relations[name].fp += 1
            report.false_positives.append(f"{label} (not in gold)")
    for key, relation in gold_relations.items():
        if not relation.optional and key not in found:
            report.relations[relation.predicate].fn += 1
            s, o = gold_by_id[relation.subject], gold_by_id[relation.object]
            report.false_negatives.append(f"{_gold_name(s)} {relation.predicate} {_gold_name(o)}")
    return report


def _gold_name(g: GoldEntity) -> str:
    return max(g.names, key=lambda n: (len(n), n))


def _label(graph: Graph, node: URIRef) -> str:
    return str(graph.value(node, RDFS.label) or node)


def _extracted_relations(graph: Graph, document: URIRef | None, entities: set[URIRef]):
    predicates = [KG[p] for p in PREDICATES]
    if document is None:
        for predicate in predicates:
            for subject, obj in graph.subject_objects(predicate):
                if subject in entities and obj in entities:
                    yield subject, predicate, obj
        return
    seen = set()
    for statement in graph.subjects(RDF.type, KG.RelationStatement):
        source = graph.value(statement, PROV.wasDerivedFrom)
        from_text = source is not None and graph.value(source, NIF.referenceContext) == document
        from_authority = graph.value(statement, KG.fromAuthority) is not None
        if not (from_text or from_authority):
            continue
        triple = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        if triple[1] in predicates and triple[0] in entities and triple[2] in entities and triple not in seen:
            seen.add(triple)
            yield triple


def evaluate_folder(graph: Graph, gold_paths: Iterable[str | Path]) -> tuple[list[Report], Report]:
    """Score each gold file and the corpus as a whole (counts summed)."""
    reports = [evaluate(graph, read_gold(path)) for path in gold_paths]
    total = Report("corpus (micro-averaged)")
    for report in reports:
        total.add(report)
    return reports, total
