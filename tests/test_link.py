"""Regions linked to the GB/T 2260 division data."""

from kg.gazetteer import gazetteer
from kg.link import AUTHORITY
from kg.pipeline import process
from kg.types import Document


def test_division_codes_and_parents_come_from_the_data(seed_doc):
    by_name = {e.name: e for e in seed_doc.entities}
    assert by_name["泉山区"].division_code == "320311"
    assert by_name["泉山区"].city == "徐州市" and by_name["泉山区"].province == "江苏省"
    assert by_name["徐州"].division_code == "320300"


def test_part_of_from_authority_is_marked_as_such(seed_doc):
    authority = {(r.subject, r.object) for r in seed_doc.relations if r.authority == AUTHORITY}
    assert ("泉山区", "徐州市") in authority
    assert ("王陵街道", "泉山区") in authority
    assert all(r.sentence is None for r in seed_doc.relations if r.authority)


def test_a_county_never_seen_in_tests_is_linked():
    doc = process(Document("t", "t", "山西省吕梁市柳林县的红枣产业发展很快。"))
    liulin = next(e for e in doc.entities if e.name == "柳林县")
    assert liulin.type == "District" and liulin.division_code == gazetteer().by_name["柳林县"][0].code
    assert ("柳林县", "partOf", "吕梁市") in {(r.subject, r.predicate, r.object) for r in doc.relations}


def test_ambiguous_county_name_is_resolved_by_the_places_around_it():
    doc = process(Document("t", "t", "福建省福州市鼓楼区召开会议。"))
    gulou = next(e for e in doc.entities if e.name == "鼓楼区")
    assert gulou.city == "福州市"


def test_a_county_whose_city_is_named_apart_sits_in_the_province_the_text_is_about():
    doc = process(Document("t", "t", "吉林省全年经济增长5%。长春市建设都市圈。榆树大豆丰收,吉林省粮食增产。"))
    names = {e.key: e.name for e in doc.entities}
    part_of = {(names[r.subject], names[r.object]) for r in doc.relations if r.predicate == "partOf"}
    assert ("榆树", "吉林省") in part_of
