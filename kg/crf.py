"""A statistical name finder: a character CRF trained on CLUENER2020.

Rules find names by their suffixes and cues; names with neither (a bare
person's name, 华为, 曼联) need a model that has seen many names. This one
tags each character B-/I-/O for four labels and ships in the package
(``kg/models/cluener-crf.crfsuite``, trained by ``scripts/train_crf.py`` on
``../shared/bench/cluener/train.json``); nothing is downloaded.

======  ======================================  ===================
label   CLUENER types                           kg class
======  ======================================  ===================
PER     name                                    Person
COMPANY company                                 Company
ORG     government, organization                Organization
ADDRESS address                                 Region
======  ======================================  ===================

The features (``char_features``) are shared by training and tagging, so the
two cannot drift apart. They read each character after NFKC, so text that
``kg.load`` has normalised (ASCII commas) looks like the training text.

>>> spans("记者王小明从北京报道")
[(2, 5, 'PER'), (6, 8, 'ADDRESS')]
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from importlib import resources
from collections.abc import Sequence
from pathlib import Path

from kg.types import Mention

__all__ = ["MODEL_PATH", "LABEL_CLASSES", "char_features", "sentence_features", "spans", "scored_spans", "crf_mentions", "tagger"]

log = logging.getLogger(__name__)

MODEL_PATH = Path(str(resources.files("kg").joinpath("models", "cluener-crf.crfsuite")))
# The labels ``spans`` returns, and the kg class each becomes in ``crf_mentions``.
LABEL_CLASSES = {"PER": "Person", "COMPANY": "Company", "ORG": "Organization", "ADDRESS": "Region"}


def _char_class(ch: str) -> str:
    """A coarse class: Han, digit, Latin letter, space, or punctuation/other."""
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "S"
    return "P"


def _normalise(ch: str) -> str:
    norm = unicodedata.normalize("NFKC", ch)
    if len(norm) != 1:
        return ch
    if norm.isdigit():
        return "0"  # numbers are names' context, not names: one symbol for every digit
    if norm.isascii() and norm.isalpha():
        return norm.lower()
    return norm


def sentence_features(text: str, words: Sequence[tuple[str, str]] | None = None) -> list[list[str]]:
    """The feature strings of every character of ``text`` (one list per character).

    ``words`` are ``(word, POS tag)`` pairs covering ``text`` in order, by
    default ``jieba.posseg``'s: the model learns from where a character sits
    in its word (B/M/E/S) and the word's tag, evidence rather than the answer.
    """
    chars = ["<s>", "<s>"] + [_normalise(ch) for ch in text] + ["</s>", "</s>"]
    classes = ["B", "B"] + [_char_class(ch) for ch in text] + ["E", "E"]
    features = [char_features(chars, classes, i + 2) for i in range(len(text))]
    words = _words(text) if words is None else words
    if sum(len(word) for word, _ in words) != len(text):
        raise ValueError(f"words do not cover the {len(text)}-character text exactly: {words!r}")
    position = 0
    for word, tag in words:
        for j in range(len(word)):
            where = "S" if len(word) == 1 else "B" if j == 0 else "E" if j == len(word) - 1 else "M"
            features[position + j].extend(
                ("w=" + where, f"wl={min(len(word), 5)}{where}", "t=" + tag, "tb=" + tag + where)
            )
        position += len(word)
    return features


def _words(text: str) -> list[tuple[str, str]]:
    import jieba.posseg

    return [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text)]


def char_features(chars: list[str], classes: list[str], i: int) -> list[str]:
    """Features of ``chars[i]``: the character, its neighbours, bigrams, and classes.

    ``chars`` and ``classes`` are padded with two markers on each side.
    """
    c = chars
    k = classes
    return [
        "b",
        "c0=" + c[i],
        "c-1=" + c[i - 1],
        "c+1=" + c[i + 1],
        "c-2=" + c[i - 2],
        "c+2=" + c[i + 2],
        "c-1c0=" + c[i - 1] + c[i],
        "c0c+1=" + c[i] + c[i + 1],
        "c-2c-1=" + c[i - 2] + c[i - 1],
        "c+1c+2=" + c[i + 1] + c[i + 2],
        "c-1c+1=" + c[i - 1] + c[i + 1],
        "k=" + k[i - 1] + k[i] + k[i + 1],
    ]


@functools.lru_cache(maxsize=1)
def tagger(path: str | None = None):
    """The model, loaded once (``pycrfsuite.Tagger``)."""
    import pycrfsuite

    model = path or str(MODEL_PATH)
    loaded = pycrfsuite.Tagger()
    loaded.open(model)
    log.debug("loaded CRF model %s", model)
    return loaded


def _decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags to half-open spans; an I- without its B- starts a span (lenient)."""
    found: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if label is not None and not (prefix == "I" and name == label):
            found.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and label is None):
            start, label = i, name
    return [span for span in found if span[2] in LABEL_CLASSES]


def scored_spans(text: str, words: Sequence[tuple[str, str]] | None = None) -> list[tuple[int, int, str, float]]:
    """Like ``spans``, each with the model's confidence in it.

    The confidence is the lowest marginal probability of the span's tags
    (B-X, I-X, …), so one doubtful character makes the whole name doubtful.
    """
    if not text:
        return []
    model = tagger()
    tags = model.tag(sentence_features(text, words))
    return [(start, end, label, min(model.marginal(tags[i], i) for i in range(start, end)))
            for start, end, label in _decode(tags)]


def spans(text: str, words: Sequence[tuple[str, str]] | None = None,
          min_confidence: float = 0.0) -> list[tuple[int, int, str]]:
    """Names in ``text`` as half-open ``(start, end, label)``, label one of PER COMPANY ORG ADDRESS.

    ``words`` as for ``sentence_features`` (give a tokenisation already at
    hand to save time); names the model is less sure of than
    ``min_confidence`` (0 to 1) are left out.
    """
    if not min_confidence:
        return _decode(tagger().tag(sentence_features(text, words))) if text else []
    return [(s, e, label) for s, e, label, p in scored_spans(text, words) if p >= min_confidence]


def crf_mentions(sentence_text: str, sentence_start: int = 0,
                 words: Sequence[tuple[str, str]] | None = None, min_confidence: float = 0.0) -> list[Mention]:
    """The model's names in one sentence as ``Mention``s with document offsets (rule ``"crf"``).

    ``sentence_start`` is the sentence's offset in the document, so the
    mentions index the document text. Meant as a low-priority finder beside
    the rules of ``kg.mentions``.
    """
    from kg.mentions import clean_name

    found = []
    for start, end, label in spans(sentence_text, words, min_confidence):
        span = sentence_text[start:end]
        found.append(Mention(sentence_start + start, sentence_start + end, span, clean_name(span),
                             LABEL_CLASSES[label], "crf"))
    return found
