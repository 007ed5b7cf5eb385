"""Relation rules for news on parks, project signings and alliances (invented sentences)."""

import dataclasses

from kg.resolve import focus_park, focus_region
from kg.types import Document
from tests.helpers import doc as _doc, relations as _relations


_PARK_NEWS = (
    "青禾智能制造产业园今年新增企业20家。记者获悉，园区上半年产值增长两成。"
    "上半年落户的企业中，云帆精密机械有限公司、星澜电子科技有限公司等企业已投产。"
    "今年园区推进云帆数控机床项目建设。柳林县领导表示支持。"
)


def test_a_text_about_a_park_has_that_park_as_its_focus():
    doc = _doc(_PARK_NEWS)
    assert focus_park(doc, focus_region(doc)).name == "青禾智能制造产业园"


def test_a_text_about_a_district_has_no_focus_park(seed_doc):
    assert focus_park(seed_doc, focus_region(seed_doc)) is None


def test_in_a_text_about_a_park_what_settles_and_projects_are_in_the_park():
    relations = _relations(_PARK_NEWS)
    assert ("云帆精密机械有限公司", "locatedIn", "青禾智能制造产业园") in relations
    assert ("星澜电子科技有限公司", "locatedIn", "青禾智能制造产业园") in relations
    assert ("云帆数控机床项目", "locatedIn", "青禾智能制造产业园") in relations
    assert ("青禾智能制造产业园", "locatedIn", "柳林县") in relations
    # the region around the park does not run the park's projects
    assert ("柳林县", "implements", "云帆数控机床项目") not in relations


def test_a_park_that_projects_land_in_is_not_placed_by_that_verb():
    doc = _doc("柳林县今年新开工项目12个。青禾新区产业园已落地项目23个。")
    park = next(e for e in doc.entities if e.name == "青禾新区产业园")
    assert [r.rule for r in doc.relations if r.subject == park.key] == ["focus"]


def test_a_signing_with_a_park_puts_the_project_there_and_the_company_runs_it():
    relations = _relations(
        "柳林县举行项目签约仪式。云帆精密机械有限公司与青禾经济开发区签订云帆数控机床项目投资协议，总投资5亿元。"
    )
    assert ("云帆精密机械有限公司", "implements", "云帆数控机床项目") in relations
    assert ("云帆数控机床项目", "locatedIn", "青禾经济开发区") in relations


def test_a_signing_with_a_government_body_places_the_project_where_it_is_sited():
    relations = _relations(
        "柳林县举行项目签约仪式。星澜电子科技有限公司与柳林县人民政府签约星澜光伏组件项目，总投资3亿元，选址石桥镇。"
    )
    assert ("星澜电子科技有限公司", "implements", "星澜光伏组件项目") in relations
    assert ("星澜光伏组件项目", "locatedIn", "石桥镇") in relations
    assert not any(r[2] == "柳林县人民政府" for r in relations)


def test_the_company_opening_the_sentence_builds_not_the_place_after_zai():
    relations = _relations("柳林县举行项目签约仪式。此外，云帆精密机械有限公司拟投资2亿元，在石桥镇建设云帆数控机床项目。")
    assert ("云帆精密机械有限公司", "implements", "云帆数控机床项目") in relations
    assert ("云帆数控机床项目", "locatedIn", "石桥镇") in relations
    assert ("石桥镇", "implements", "云帆数控机床项目") not in relations


def test_respectively_pairs_companies_and_projects_in_order():
    relations = _relations(
        "柳林县举行项目签约仪式。星澜电子科技有限公司、青禾农业发展有限公司分别签约星澜光伏组件项目、云帆果蔬冷链项目。"
    )
    assert ("星澜电子科技有限公司", "implements", "星澜光伏组件项目") in relations
    assert ("青禾农业发展有限公司", "implements", "云帆果蔬冷链项目") in relations
    assert ("星澜电子科技有限公司", "implements", "云帆果蔬冷链项目") not in relations
    assert ("柳林县", "implements", "星澜光伏组件项目") not in relations


def test_a_project_at_a_crossing_is_on_both_roads_and_its_builder_runs_it():
    relations = _relations(
        "柳林县发展很快。位于滨河路与青禾大道交叉口的柳林科创大厦项目已封顶。项目由恒达建设股份有限公司投资建设，总面积3万平方米。"
    )
    assert ("柳林科创大厦项目", "locatedIn", "滨河路") in relations
    assert ("柳林科创大厦项目", "locatedIn", "青禾大道") in relations
    assert ("恒达建设股份有限公司", "implements", "柳林科创大厦项目") in relations
    # a builder is named, so the region is not guessed as the one who runs it
    assert ("柳林县", "implements", "柳林科创大厦项目") not in relations


def test_the_founders_of_an_alliance_are_its_members():
    relations = _relations(
        "会上，由云帆精密机械有限公司牵头，联合星澜电子科技有限公司、柳林工业研究院等20家企业和机构"
        "组建的柳林智能制造产业联盟正式揭牌。"
    )
    members = {r[0] for r in relations if r[1:] == ("memberOf", "柳林智能制造产业联盟")}
    assert {"星澜电子科技有限公司", "柳林工业研究院"} <= members
    assert not any(r[1] == "memberOf" and r[2] != "柳林智能制造产业联盟" for r in relations)


def test_a_region_that_founds_an_alliance_is_not_a_member(seed_doc):
    names = {e.key: e.name for e in seed_doc.entities}
    assert not any(r.predicate == "memberOf" and names[r.subject] == "泉山区" for r in seed_doc.relations)


def test_two_posts_in_two_bodies_before_one_name():
    doc = _doc("柳林医学学会会长、柳林县人民医院院长李建国出席。")
    names = {e.key: e.name for e in doc.entities}
    posts = {(names[r.object], r.position) for r in doc.relations if r.predicate == "worksFor"}
    assert posts == {("柳林医学学会", "会长"), ("柳林县人民医院", "院长")}


def test_the_alliance_just_named_is_where_its_chair_works():
    relations = _relations("柳林智能制造产业联盟今天成立。联盟理事长、云帆精密机械有限公司总经理王明远表示将加强合作。")
    assert ("王明远", "worksFor", "柳林智能制造产业联盟") in relations
    assert ("王明远", "worksFor", "云帆精密机械有限公司") in relations


def test_a_school_named_after_its_university_is_part_of_it():
    relations = _relations("青禾师范大学副校长王明远出席。青禾师范大学教育学院院长李建国发言。")
    assert ("青禾师范大学教育学院", "subOrganizationOf", "青禾师范大学") in relations


def test_an_opening_zai_clause_reaches_past_its_semicolon_only():
    relations = _relations(
        "在石桥镇，云帆精密机械有限公司的新车间已投产；星澜电子科技有限公司的生产线满负荷运行。"
        "柳林县发展很快，青禾农业发展有限公司在石桥镇建设新车间；恒达建设股份有限公司的生产线满负荷运行。"
    )
    assert ("星澜电子科技有限公司", "locatedIn", "石桥镇") in relations
    assert ("恒达建设股份有限公司", "locatedIn", "石桥镇") not in relations


def test_a_park_word_stands_for_the_park_and_places_written_in_a_row_all_hold_it():
    relations = _relations("青禾软件园今年新增企业20家。走进位于吕梁市柳林县石桥镇的软件园，园区产值增长两成。软件园内的星澜大厦投入使用。")
    assert {("青禾软件园", "locatedIn", "柳林县"), ("青禾软件园", "locatedIn", "石桥镇")} <= relations
    assert ("星澜大厦", "locatedIn", "青禾软件园") in relations


def test_a_place_opening_a_longer_name_is_no_ones_subject_but_keeps_its_turn():
    # if 深圳市 is found without the company name it opens, it must not run the project
    relations = _relations(
        "柳林县举行签约仪式。深圳市联晟冷链物流有限公司、青禾农业发展有限公司分别签约星澜冷链物流中心项目、云帆果蔬冷链项目。"
    )
    assert not any(r[0] == "深圳市" for r in relations)
    assert ("青禾农业发展有限公司", "implements", "星澜冷链物流中心项目") not in relations


def _found(text, spans):
    """Relations read from ``text`` with the mentions given, whatever the finder would find."""
    from kg import link, relations, resolve, sentences
    from kg.types import Doc, Mention

    mentions = []
    for name, cls in spans:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, name, cls, "lexicon"))
    doc = sentences.split(Doc(Document("t", "t", text)))
    doc = relations.find(link.link(resolve.resolve(dataclasses.replace(doc, mentions=tuple(mentions)))))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in doc.relations}


def test_a_place_written_before_a_company_is_where_it_is_not_who_acts():
    relations = _found(
        "柳林县召开大会。深圳市星澜冷链有限公司签约青禾冷链项目。",
        [("柳林县", "District"), ("深圳市", "City"), ("星澜冷链有限公司", "Company"), ("青禾冷链项目", "Project")],
    )
    assert ("深圳市", "implements", "青禾冷链项目") not in relations
    assert ("星澜冷链有限公司", "locatedIn", "深圳市") in relations
