"""The shipped CLUENER character CRF: loads, finds names, valid offsets, deterministic."""

import pytest

from kg import crf
from kg.types import Mention

SENTENCE = "记者张建国报道，华为技术有限公司昨天在南京市签约。"


def test_model_ships_in_the_package_and_is_small():
    assert crf.MODEL_PATH.is_file()
    assert crf.MODEL_PATH.stat().st_size < 3_000_000


def test_finds_a_person_and_a_company():
    found = crf.spans(SENTENCE)
    assert (2, 5, "PER") in found
    assert (8, 16, "COMPANY") in found
    assert all(label in crf.LABEL_CLASSES for _, _, label in found)


def test_offsets_are_half_open_and_in_the_text():
    for start, end, _ in crf.spans(SENTENCE):
        assert 0 <= start < end <= len(SENTENCE)


def test_same_text_same_spans():
    assert crf.spans(SENTENCE) == crf.spans(SENTENCE)
    assert crf.tagger() is crf.tagger()  # loaded once


def test_mentions_carry_document_offsets_and_kg_classes():
    document = "第一句。" + SENTENCE
    mentions = crf.crf_mentions(SENTENCE, sentence_start=4)
    assert all(isinstance(m, Mention) and m.rule == "crf" for m in mentions)
    for m in mentions:
        assert document[m.start : m.end] == m.text
    assert {(m.text, m.type) for m in mentions} >= {("张建国", "Person"), ("华为技术有限公司", "Company")}


def test_given_words_must_cover_the_text():
    assert crf.spans("张建国说", words=[("张建国", "nr"), ("说", "v")]) == crf.spans("张建国说")
    with pytest.raises(ValueError, match="cover"):
        crf.spans("张建国说", words=[("张建国", "nr")])


def test_empty_text_has_no_names():
    assert crf.spans("") == []
    assert crf.crf_mentions("", 10) == []


def test_confidence_filters_doubtful_names():
    scored = crf.scored_spans(SENTENCE)
    assert [(s, e, label) for s, e, label, _ in scored] == crf.spans(SENTENCE)
    assert all(0.0 < p <= 1.0 for *_, p in scored)
    threshold = sorted(p for *_, p in scored)[len(scored) // 2]
    kept = crf.spans(SENTENCE, min_confidence=threshold)
    assert kept == [(s, e, label) for s, e, label, p in scored if p >= threshold]
    assert crf.spans(SENTENCE, min_confidence=1.01) == []
    assert crf.crf_mentions(SENTENCE, 0, min_confidence=1.01) == []
