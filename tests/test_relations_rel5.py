"""Relation rules, fifth round (invented sentences, none from the scored sets)."""

from kg.pipeline import process
from kg.types import Document
from tests.helpers import relations as _relations


def _positions(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], names[r.object]): r.position for r in doc.relations if r.predicate == "worksFor"}


def test_a_list_of_posts_after_holds_gives_each_body_its_post():
    positions = _positions("周海涛同时担任江北省工商业联合会副主席、临川市青年企业家协会会长。")
    assert positions.get(("周海涛", "江北省工商业联合会")) == "副主席"
    assert positions.get(("周海涛", "临川市青年企业家协会")) == "会长"


def test_a_list_of_identities_gives_each_body_its_posts():
    positions = _positions(
        "今年50岁的孙立平有很多身份：临川绿源农业科技有限公司（以下简称“绿源农业”）董事长，临川市蔬菜产业协会副会长。"
    )
    assert positions.get(("孙立平", "临川绿源农业科技有限公司")) == "董事长"
    assert positions.get(("孙立平", "临川市蔬菜产业协会")) == "副会长"


def test_a_post_held_by_a_person_written_after_it():
    positions = _positions("青禾研究院院长由集团总工程师梁伟兼任，研究院现有研发人员80人。")
    assert positions.get(("梁伟", "青禾研究院")) == "院长"


def test_a_pronoun_opening_a_sentence_is_the_person_named_just_before():
    positions = _positions("“今年订单已排满。”临川绿源农业科技有限公司副总经理赵明说。他同时兼任临川市蔬菜产业协会秘书长。")
    assert positions.get(("赵明", "临川市蔬菜产业协会")) == "秘书长"


def test_support_from_a_town_places_nothing_in_it():
    relations = _relations("在青林镇的支持下，临川绿源农业科技有限公司启动绿源智慧农场项目。")
    assert ("临川绿源农业科技有限公司", "locatedIn", "青林镇") not in relations
    assert ("临川绿源农业科技有限公司", "implements", "绿源智慧农场项目") in relations


def test_a_company_set_up_in_a_run_of_places_is_in_each_and_is_the_founders_unit():
    relations = _relations("2018年，江北青禾控股集团有限公司在湖南省株洲市芦淞区设立临川青禾新材料有限公司。")
    for place in ("湖南省", "株洲市", "芦淞区"):
        assert ("临川青禾新材料有限公司", "locatedIn", place) in relations
    assert ("临川青禾新材料有限公司", "subOrganizationOf", "江北青禾控股集团有限公司") in relations


def test_a_branch_set_up_last_year_in_a_park_is_the_companys():
    relations = _relations("杭州云帆跨境电子商务有限公司去年在临川综合保税区设立了临川分公司。")
    assert ("临川分公司", "subOrganizationOf", "杭州云帆跨境电子商务有限公司") in relations


def test_membership_as_a_member_unit_of_an_association():
    assert ("临川绿源农业科技有限公司", "memberOf", "临川市蔬菜产业协会") in _relations(
        "临川绿源农业科技有限公司还是临川市蔬菜产业协会的会员单位。"
    )
    assert ("临川绿源农业科技有限公司", "memberOf", "江北省数字农业产业联盟") in _relations(
        "作为江北省数字农业产业联盟副理事长单位，临川绿源农业科技有限公司牵头制定了两项标准。"
    )


def test_firms_that_join_at_the_end_of_the_sentence_join_the_alliance_it_named():
    relations = _relations("学院将牵头发起成立临川智能制造产教融合联盟，青禾新材、绿源农业等12家企业已确认加入。")
    assert ("青禾新材", "memberOf", "临川智能制造产教融合联盟") in relations
    assert ("绿源农业", "memberOf", "临川智能制造产教融合联盟") in relations


def test_bodies_listed_together_each_run_the_programme():
    relations = _relations(
        "临川市科学技术局（以下简称“市科技局”）、临川市财政局（以下简称“市财政局”）、临川市商务局"
        "决定组织开展“青苗企业培育计划”申报工作。"
    )
    runners = {s for s, p, o in relations if p == "implements" and "培育计划" in o}
    assert {"临川市科学技术局", "临川市财政局", "临川市商务局"} <= runners


def test_a_signing_partner_does_not_run_the_project():
    relations = _relations("临川青禾新材料有限公司与东湖区人民政府签约青禾新材料产业园项目。")
    assert ("东湖区人民政府", "implements", "青禾新材料产业园项目") not in relations


def test_the_county_in_a_text_about_a_city_is_the_county_named_last():
    relations = _relations(
        "湖州市围绕港口经济发力。湖州市长兴县近年来发展迅速。今年以来，该县出台“港区发展十条”，支持企业入区。"
    )
    runners = {s for s, p, o in relations if p == "implements" and o == "港区发展十条"}
    assert runners == {"长兴县"}


def test_a_unit_set_up_in_a_province_by_its_parent():
    relations = _relations("江北云帆智控科技有限公司是深圳云帆半导体集团有限公司在贵州设立的全资子公司。")
    assert ("江北云帆智控科技有限公司", "subOrganizationOf", "深圳云帆半导体集团有限公司") in relations
    assert any(s == "江北云帆智控科技有限公司" and p == "locatedIn" and o.startswith("贵州") for s, p, o in relations)


def test_a_company_placed_with_a_run_of_places_before_its_name():
    relations = _relations("位于东湖区青林镇的临川青禾新材料股份有限公司是当地规模较大的企业。")
    assert ("临川青禾新材料股份有限公司", "locatedIn", "青林镇") in relations


def test_a_body_right_before_organising_runs_the_programme():
    relations = _relations("优秀企业可推荐申报江北省科学技术厅组织实施的“江北英才”培育工程。")
    assert any(s == "江北省科学技术厅" and p == "implements" for s, p, _ in relations)


def test_a_building_in_a_run_of_places_after_at():
    relations = _relations("6月18日，江北青禾控股集团有限公司在株洲市芦淞区的青禾大厦召开年中工作会议。")
    assert ("青禾大厦", "locatedIn", "芦淞区") in relations
    assert ("青禾大厦", "locatedIn", "株洲市") in relations


def test_the_parent_company_referred_to_as_such_is_placed_by_its_seat():
    relations = _relations("临川云帆风电装备有限公司是江北云帆重工集团股份有限公司的全资子公司，母公司总部位于佛山市顺德区。")
    assert ("江北云帆重工集团股份有限公司", "locatedIn", "顺德区") in relations
    assert ("江北云帆重工集团股份有限公司", "locatedIn", "佛山市") in relations
    assert ("临川云帆风电装备有限公司", "locatedIn", "顺德区") not in relations


def test_a_company_named_among_those_that_settled_in_a_park_is_in_it():
    relations = _relations(
        "位于芦淞区的青禾智能装备产业园新入驻企业21家，其中湖南青禾机器人科技有限公司投资5亿元建设智能工厂。"
    )
    assert ("湖南青禾机器人科技有限公司", "locatedIn", "青禾智能装备产业园") in relations


def test_a_project_a_village_runs_is_in_the_village_not_the_focus_region():
    relations = _relations(
        "长兴县大力推进乡村振兴。长兴县水口乡有个顾渚村。2020年，在水口乡的支持下，顾渚村启动顾渚茶旅融合示范项目，带动村民增收。"
    )
    assert ("顾渚村", "implements", "顾渚茶旅融合示范项目") in relations
    assert ("顾渚茶旅融合示范项目", "locatedIn", "顾渚村") in relations
    assert ("顾渚茶旅融合示范项目", "locatedIn", "长兴县") not in relations
    assert ("顾渚茶旅融合示范项目", "locatedIn", "水口乡") not in relations


def test_a_lab_set_in_a_firms_site_is_in_the_places_of_that_site():
    relations = _relations(
        "青禾精密传动联合实验室由湖州学院机电学院与浙江青禾精密机械有限公司共同组建，"
        "设在浙江青禾精密机械有限公司位于吴兴区八里店镇的生产基地内，一期投入设备经费2000万元。"
    )
    assert ("青禾精密传动联合实验室", "locatedIn", "吴兴区") in relations
    assert ("青禾精密传动联合实验室", "locatedIn", "八里店镇") in relations


def test_the_group_opening_a_dated_sentence_sets_up_the_company_of_a_later_clause():
    relations = _relations(
        "2012年，江北青禾控股集团有限公司将总部迁至株洲，并在芦淞区投资组建湖南青禾新能源股份有限公司。"
    )
    assert ("湖南青禾新能源股份有限公司", "subOrganizationOf", "江北青禾控股集团有限公司") in relations
    assert ("湖南青禾新能源股份有限公司", "locatedIn", "芦淞区") in relations


def test_the_body_acting_according_to_a_plan_carries_it_out():
    relations = _relations("根据《株洲市建设现代物流枢纽三年行动方案》，株洲市交通运输局正加快推进港区建设。")
    assert ("株洲市交通运输局", "implements", "株洲市建设现代物流枢纽三年行动方案") in relations


def test_a_subject_before_implementing_is_not_replaced_by_the_next_clause():
    relations = _relations("目前，长兴县正在实施“百村共富”行动，顾渚村被列为首批示范村。")
    runners = {s for s, p, o in relations if p == "implements"}
    assert runners == {"长兴县"}


def test_a_listed_park_is_not_placed_where_the_next_one_in_the_list_is():
    relations = _relations("位于吴兴区八里店镇的青禾新材料产业园、位于长兴县的白溪科技创新园，要为入选企业提供保障。")
    assert ("青禾新材料产业园", "locatedIn", "长兴县") not in relations
    assert ("青禾新材料产业园", "locatedIn", "八里店镇") in relations


def test_the_bodies_that_co_build_an_unnamed_centre_do_not_settle_where_it_does():
    relations = _relations("该公司与湖州学院机电学院共建的芯片应用创新平台同样落户青禾智能装备产业园。")
    assert ("机电学院", "locatedIn", "青禾智能装备产业园") not in relations
    assert not any(p == "locatedIn" and o == "青禾智能装备产业园" and s.endswith("学院") for s, p, o in relations)
