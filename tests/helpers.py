"""What the rule tests ask of a text: its Doc, its entities, its relations, its mentions."""

from kg.pipeline import process
from kg.types import Doc, Document


def doc(text: str) -> Doc:
    return process(Document("t", "t", text))


def names(text: str) -> set[tuple[str, str]]:
    """(type, name) of each entity."""
    return {(e.type, e.name) for e in doc(text).entities}


def relations(text: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of each relation."""
    found = doc(text)
    name = {e.key: e.name for e in found.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in found.relations}


def mentions(text: str) -> set[tuple[str, str]]:
    """(name, type) of each mention."""
    return {(m.name, m.type) for m in doc(text).mentions}
