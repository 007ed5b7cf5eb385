"""Stage: link regions to the administrative division data (GB/T 2260).

``resolve`` has already given divisions their code, province and city; here
each region whose parent division is also named in the document, and tied to
it by the text, gets a ``partOf`` relation taken from the authority data, not
from a sentence, so 泉山区 is part of 徐州 even where no sentence says so.
"""

from __future__ import annotations

import bisect
import dataclasses

from kg.lexicon import Lexicon, default_lexicon
from kg.resolve import focus_region
from kg.types import Doc, Relation

__all__ = ["link", "AUTHORITY"]

AUTHORITY = "GBT2260"


def link(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Add ``partOf`` from the division data where the text ties the two places:
    one of them is the place the text is about, or they share a sentence. A
    provincial report naming 寿光 and 山东 far apart does not state that one
    holds the other, though the data knows it."""
    lexicon = lexicon or default_lexicon()
    by_key = {e.key: e for e in doc.entities}
    focus = focus_region(doc)
    sentences_of = {e.key: {_sentence_index(doc, m.start) for m in e.mentions} for e in doc.entities}
    relations = list(doc.relations)
    for entity in doc.entities:
        if entity.type == "Subdistrict" and entity.division_code is None:
            ancestors = [t.county for t in lexicon.gazetteer.towns.get(entity.name, [])]
        elif entity.division_code is not None:
            divisions = [d for d in lexicon.gazetteer.by_name.get(entity.key, []) if d.code == entity.division_code]
            # the parent, then the province: a county whose city is not tied to it may sit in the province
            ancestors = [divisions[0].parent_name, divisions[0].province] if divisions else []
        else:
            continue

        def tied(parent: str) -> bool:
            return bool(focus is not None and focus.key in (parent, entity.key) or sentences_of[entity.key] & sentences_of[parent])

        parent = next((a for a in ancestors if a in by_key and a != entity.key and tied(a)), None)
        if parent is not None:
            relations.append(Relation(entity.key, "partOf", parent, authority=AUTHORITY, rule="authority"))
    return dataclasses.replace(doc, relations=tuple(relations))


def _sentence_index(doc: Doc, offset: int) -> int:
    return bisect.bisect_right([s.start for s in doc.sentences], offset) - 1
