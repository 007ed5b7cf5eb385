"""Relations from cue words and the order of mentions."""

import pytest

from kg.pipeline import process
from kg.types import Document


def _relations(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], r.predicate, names[r.object], r.position) for r in doc.relations}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在青禾软件园,云帆科技、星澜数码等企业陆续入驻。", ("云帆科技", "locatedIn", "青禾软件园", None)),
        ("柳林县发展很快。星澜数码、云帆科技落户柳林县。", ("星澜数码", "locatedIn", "柳林县", None)),
        ("柳林县商务局局长王明远介绍说,全县新增企业30家。", ("王明远", "worksFor", "柳林县商务局", "局长")),
        ("沂水县农业局办公室刘建国主任说。", ("刘建国", "worksFor", "沂水县农业局办公室", "主任")),
        ("柳林县实施“乡村振兴示范工程”。柳林县发展很快。", ("柳林县", "implements", "乡村振兴示范工程", None)),
        ("西岭新材料有限公司成立于2010年。该公司加入了西岭新材料产业联盟。",
         ("西岭新材料有限公司", "memberOf", "西岭新材料产业联盟", None)),
        ("在王陵街道财富广场一楼西侧,第一证券公司正在装修。", ("财富广场", "locatedIn", "王陵街道", None)),
        ("吕梁市柳林县位于山西省西部。", ("柳林县", "partOf", "吕梁市", None)),
    ],
)
def test_relation_is_found(text, expected):
    assert expected in _relations(text)


def test_the_focus_region_runs_programs_whose_subject_is_left_out():
    relations = _relations("柳林县召开大会。柳林县发展很快。会上,开展“金秋助学计划”。")
    assert ("柳林县", "implements", "金秋助学计划", None) in relations


def test_a_place_in_a_preposition_is_not_the_one_who_implements():
    relations = _relations("柳林县发展很快。柳林县推进改革。依托黄河商学院实施“青年创业工程”。")
    assert ("柳林县", "implements", "青年创业工程", None) in relations
    assert not any(r[0] == "黄河商学院" and r[1] == "implements" for r in relations)


def test_every_relation_respects_domain_and_range(seed_doc):
    from kg.relations import ALLOWED
    from kg.resolve import top_class

    types = {e.key: top_class(e.type) for e in seed_doc.entities}
    for relation in seed_doc.relations:
        domain, range_ = ALLOWED[relation.predicate]
        assert types[relation.subject] in domain and types[relation.object] in range_


def test_relations_read_from_one_sentence_name_both_ends_in_it(seed_doc):
    by_key = {e.key: e for e in seed_doc.entities}
    checked = 0
    for relation in seed_doc.relations:
        if relation.rule not in {"post", "at", "join", "parent-cue"}:
            continue  # focus and reference rules may point outside the sentence by design
        sentence = seed_doc.sentences[relation.sentence]
        for key in (relation.subject, relation.object):
            assert any(sentence.start <= m.start < sentence.end for m in by_key[key].mentions), (relation, sentence.text)
        checked += 1
    assert checked >= 8
