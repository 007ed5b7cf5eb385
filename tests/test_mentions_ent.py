"""Entities read from real regional reports: general rules checked on invented sentences."""

import pytest

from kg.pipeline import process
from kg.types import Document


def _doc(text):
    return process(Document("t", "t", text))


def _mentions(text):
    return {(m.name, m.type) for m in _doc(text).mentions}


def _entities(text):
    return {(e.name, e.type) for e in _doc(text).entities}


def _posts(text):
    doc = _doc(text)
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], r.position, names[r.object]) for r in doc.relations if r.predicate == "worksFor"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("星澜公司首席执行官韩知远出席活动。", ("韩知远", "首席执行官", "星澜公司")),
        ("青岚科技有限公司董事许若帆出席。", ("许若帆", "董事", "青岚科技有限公司")),
    ],
)
def test_company_posts_name_the_person_who_holds_them(text, expected):
    assert expected in _posts(text)
