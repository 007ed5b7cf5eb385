"""One node per real thing: short and full forms, references, documents."""

from kg.pipeline import process
from kg.resolve import merge
from kg.types import Document


def _entities(text, doc_id="t"):
    return process(Document(doc_id, doc_id, text)).entities


def test_short_and_full_region_names_are_one_entity(seed_doc):
    by_name = {e.name: e for e in seed_doc.entities}
    quanshan = by_name["泉山区"]
    assert "泉山" in quanshan.aliases
    assert quanshan.key == "泉山区" and quanshan.division_code == "320311"
    assert len([e for e in seed_doc.entities if e.name in {"泉山", "泉山区"}]) == 1


def test_a_program_and_its_shorter_name_are_one_entity(seed_doc):
    program = next(e for e in seed_doc.entities if e.name == "双+惠民包")
    assert "惠民包" in program.aliases


def test_unseen_region_forms_merge():
    entities = _entities("吕梁市柳林县位于山西。柳林的红枣很有名,柳林县还建了新厂。")
    liulin = [e for e in entities if e.name in {"柳林", "柳林县"}]
    assert len(liulin) == 1 and liulin[0].name == "柳林县" and liulin[0].aliases == ("柳林",)


def test_a_name_without_its_leading_place_is_the_same_entity():
    entities = _entities("山西省汾晋医院牵头成立联盟。汾晋医院院长介绍了情况。湖南鼎岳新材料股份有限公司落户园区,鼎岳新材料一期工程开工。")
    names = {e.name: e for e in entities}
    assert "汾晋医院" in names["山西省汾晋医院"].aliases and "汾晋医院" not in names
    assert "鼎岳新材料" in names["湖南鼎岳新材料股份有限公司"].aliases and "鼎岳新材料" not in names


def test_a_development_zone_and_its_usual_short_form_are_one_entity():
    entities = _entities("芜湖赭麓高新技术产业开发区各项目开工。赭麓高新区今年安排项目36个。")
    parks = [e for e in entities if e.type == "Park"]
    assert [(e.name, e.aliases) for e in parks] == [("芜湖赭麓高新技术产业开发区", ("赭麓高新区",))]


def test_the_party_committee_and_its_short_name_are_one_entity():
    entities = _entities("中共吉林省委召开全会。省委书记强调,要抓好落实。")
    committees = [e for e in entities if e.name.endswith("委")]
    assert [(e.name, e.aliases) for e in committees] == [("中共吉林省委", ("省委",))]


def test_a_company_named_with_and_without_china_is_one_entity():
    entities = _entities("中国平煤神马集团投产。平煤神马集团增长。")
    assert [(e.name, e.aliases) for e in entities if e.type == "Company"] == [("中国平煤神马集团", ("平煤神马集团",))]


def test_the_subdistricts_body_is_keyed_by_the_subdistrict():
    entities = _entities("杨家坪街道推行新模式。街道党工委书记罗振宇介绍。")
    assert "杨家坪街道_街道党工委" in {e.key for e in entities}


def test_a_long_plan_title_and_its_short_name_in_book_marks_are_one_programme():
    entities = _entities("为贯彻落实《江淮省数字赋能制造业三年行动计划（2024—2026年）》（以下简称《三年行动计划》），"
                         "省厅部署。各市落实《三年行动计划》。")
    plans = [e for e in entities if e.type == "Program"]
    assert [(e.name, e.aliases) for e in plans] == [("江淮省数字赋能制造业三年行动计划（2024—2026年）", ("三年行动计划",))]


def test_a_local_body_merges_with_its_full_name():
    entities = _entities("柳林县委书记张立新介绍,县委高度重视。")
    committee = next(e for e in entities if e.name == "柳林县委")
    assert committee.aliases == ("县委",)


def test_local_bodies_of_different_places_stay_apart():
    a = process(Document("a", "a", "柳林县召开会议,区委书记李东明出席。柳林县发展很快。"))
    b = process(Document("b", "b", "沂南县召开会议,区委书记张北川出席。沂南县发展很快。"))
    corpus = merge([a, b])
    committees = [e for e in corpus.entities.values() if e.name == "区委"]
    assert len(committees) == 2
    assert {e.key for e in committees} == {"柳林县_区委", "沂南县_区委"}


def test_the_same_entity_in_two_documents_is_one_node():
    a = process(Document("a", "a", "在青禾软件园,云帆科技、星澜数码等企业陆续入驻。"))
    b = process(Document("b", "b", "青禾软件园新增企业20家。"))
    corpus = merge([a, b])
    park = [e for e in corpus.entities.values() if e.name == "青禾软件园"]
    assert len(park) == 1 and len(park[0].mentions) == 2


def test_two_spellings_of_one_government_body_are_one_entity():
    entities = _entities("中共吉林省委召开会议,吉林省委书记讲话。吉林省发展很快,省委高度重视。吉林省人民政府发布通知,吉林省政府表示。")
    committee = next(e for e in entities if e.name == "中共吉林省委")
    assert set(committee.aliases) == {"吉林省委", "省委"}
    government = next(e for e in entities if e.name == "吉林省人民政府")
    assert government.aliases == ("吉林省政府",)
