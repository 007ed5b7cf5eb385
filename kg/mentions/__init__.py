"""Stage: find the spans of text that name entities.

Each finder reads a tokenised sentence and returns candidate mentions; one
shared helper (``filter_spans``) keeps the longest of overlapping candidates.
The finders are general rules, not lists of names: head-word suffixes
(…产业园, …有限公司, …街道), quoted names (“惠企包”), posts before person names
(局长孟庆礼), enumerations before settling verbs (华为、神州数码落户…), and the
administrative division data for place names.

This module runs the finders in order (``find``, ``FINDERS``) and then sifts
and adds to what they found; each family of finders lives in a module of its
own: ``suffix_names`` (head-word suffixes), ``persons``, ``divisions`` (the
division data, places abroad, economic regions), ``quoted`` (quoted names and
what kind of programme a name is), ``cued`` (enumerations and names after cue
verbs, villages), ``model`` (the statistical model's names) and ``inner``
(names inside names, abbreviations and short forms), with the tokenizer and the
helpers they share in ``common``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from kg.lexicon import Lexicon, default_lexicon
from kg.mentions.common import Token, _mention, clean_name, filter_spans, tokenize
from kg.mentions.cued import (
    _cued_bodies, _cued_programs, _enumerated_companies, _placed_names, _units_set_up, _village_names,
)
from kg.mentions.divisions import _division_names, _economic_regions, _foreign_places, _generic_town, _supported
from kg.mentions.inner import (
    GENERIC_SHORT_NAMES, _inner_mentions, _with_abbreviations, _with_short_forms, abbreviations,
)
from kg.mentions.model import _with_model_names
from kg.mentions.persons import ROSTER_ROW, _dotted_names, _person_names, _roster_names, _with_persons_named_again
from kg.mentions.quoted import _quoted_names
from kg.mentions.suffix_names import _counted_elsewhere, _suffix_names
from kg.types import Doc, Mention, Sentence

__all__ = ["Token", "tokenize", "find", "filter_spans", "clean_name", "abbreviations", "GENERIC_SHORT_NAMES", "ROSTER_ROW"]


_RULE_PRIORITY = {"lexicon": 6, "quote": 5, "suffix": 4, "cue": 4, "person": 3, "division": 2, "foreign": 2, "region": 2, "enumeration": 1, "model": 0}


def find(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Find every mention in ``doc``; assigns ``doc.mentions`` sorted by offset."""
    lexicon = lexicon or default_lexicon()
    text = doc.text
    found: list[Mention] = []
    for sentence in doc.sentences:
        tokens = tokenize(sentence.text, sentence.start, lexicon)
        candidates: list[Mention] = []
        for finder in FINDERS:
            candidates.extend(finder(text, sentence, tokens, lexicon))
        candidates = [m for m in candidates if m.rule != "division" or _supported(m.name, text, lexicon) and not _generic_town(m, text)]
        kept = filter_spans(candidates, lambda m: _RULE_PRIORITY.get(m.rule, 0))
        found.extend(_with_model_names(text, sentence, tokens, lexicon, kept))
    found = [m for m in found if not (m.rule == "suffix" and _counted_elsewhere(m.name, text))]
    found = _with_persons_named_again(text, found)
    found.extend(_inner_mentions(text, found, lexicon))
    found = _with_abbreviations(text, found)
    found = _with_short_forms(text, found, lexicon)
    return dataclasses.replace(doc, mentions=tuple(sorted(found, key=lambda m: (m.start, m.end))))


# ---------------------------------------------------------------- user lexicon


def _lexicon_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for name, cls in lexicon.user_names.items():
        start = sentence.text.find(name)
        while start >= 0:
            yield _mention(text, sentence.start + start, sentence.start + start + len(name), cls, "lexicon")
            start = sentence.text.find(name, start + len(name))


FINDERS = (
    _lexicon_names, _quoted_names, _suffix_names, _person_names, _dotted_names, _division_names, _foreign_places,
    _enumerated_companies, _economic_regions, _cued_programs, _village_names, _roster_names, _units_set_up, _cued_bodies, _placed_names,
)
