"""Relation rules for memberships, who carries a programme out, and posts (invented sentences)."""

from kg.pipeline import process
from kg.types import Document
from tests.helpers import relations as _relations


def test_everyone_listed_before_joining_a_named_alliance_is_a_member():
    relations = _relations(
        "柳林县去年成立了柳林县智能制造产业联盟。"
        "云帆精密机械有限公司、星澜电子科技有限公司等15家企业先后加入联盟，实现订单共享。"
    )
    assert ("云帆精密机械有限公司", "memberOf", "柳林县智能制造产业联盟") in relations
    assert ("星澜电子科技有限公司", "memberOf", "柳林县智能制造产业联盟") in relations


def test_those_who_become_first_members_are_members_of_the_alliance_just_named():
    relations = _relations(
        "当天，由青禾大学发起的青禾新材料产学研联盟同时成立，"
        "云帆精密机械有限公司、星澜电子科技有限公司等20家单位成为首批会员单位。"
    )
    assert ("云帆精密机械有限公司", "memberOf", "青禾新材料产学研联盟") in relations
    assert ("星澜电子科技有限公司", "memberOf", "青禾新材料产学研联盟") in relations


def test_becoming_something_else_is_no_membership():
    relations = _relations("柳林县成立了柳林县智能制造产业联盟。云帆精密机械有限公司成为全县龙头企业。")
    assert not any(p == "memberOf" for _, p, _ in relations)


def test_joining_an_alliance_founded_by_another_body_is_membership_of_the_alliance():
    relations = _relations("柳林县人民医院今年加入了由青禾市第一医院牵头组建的淮海肿瘤专科联盟。")
    assert ("柳林县人民医院", "memberOf", "淮海肿瘤专科联盟") in relations
    assert ("柳林县人民医院", "memberOf", "青禾市第一医院") not in relations
    assert ("青禾市第一医院", "memberOf", "淮海肿瘤专科联盟") in relations


def test_a_body_that_guides_an_alliance_is_no_member_of_it():
    relations = _relations("由柳林县科学技术局指导、青禾机械工程学会发起成立的柳林县智能制造产业联盟现有成员80家。")
    assert ("青禾机械工程学会", "memberOf", "柳林县智能制造产业联盟") in relations
    assert ("柳林县科学技术局", "memberOf", "柳林县智能制造产业联盟") not in relations


def test_the_body_after_by_before_carrying_out_runs_the_project():
    relations = _relations("柳林县讯 由柳林县水务局组织实施的青禾河水库扩建工程大坝主体完工。")
    assert ("柳林县水务局", "implements", "青禾河水库扩建工程") in relations
    assert ("柳林县", "implements", "青禾河水库扩建工程") not in relations


def test_the_builder_named_with_a_short_form_builds_the_project_just_named():
    relations = _relations(
        "青禾河水库扩建工程于2023年开工。柳林县推出“清水入户”行动。"
        "工程由云帆水利水电工程有限公司（以下简称“云帆水电”）承建。"
    )
    assert ("云帆水利水电工程有限公司", "implements", "青禾河水库扩建工程") in relations
    assert ("云帆水利水电工程有限公司", "implements", "清水入户行动") not in relations


def test_a_programme_written_after_a_place_in_quotes_is_that_places():
    relations = _relations("柳林县卫生健康委员会主任李明表示，医共体建设是柳林县“健康乡村提升工程”的重要一环。")
    assert ("柳林县", "implements", "健康乡村提升工程") in relations


def test_bodies_that_open_the_clause_after_applying_a_plan_carry_it_out():
    relations = _relations(
        "为贯彻落实《柳林县制造业数字化转型行动方案》，柳林县工业和信息化局联合柳林县财政局召开推进会。"
    )
    assert ("柳林县工业和信息化局", "implements", "柳林县制造业数字化转型行动方案") in relations
    assert ("柳林县财政局", "implements", "柳林县制造业数字化转型行动方案") in relations


def test_the_place_whose_practice_is_described_is_not_who_runs_the_programme():
    relations = _relations("明湖社区的做法，是王陵街道推行“邻里守望”治理品牌的一个缩影。")
    assert ("王陵街道", "implements", "邻里守望") in relations or \
        ("王陵街道", "implements", "邻里守望治理品牌") in relations
    assert not any(s == "明湖社区" and p == "implements" for s, p, _ in relations)


def test_an_organisation_and_its_post_around_a_short_name_parenthesis():
    relations = _relations("柳林县卫生健康委员会（以下简称“县卫健委”）党组书记、主任王建国表示，服务将延伸到村。")
    assert ("王建国", "worksFor", "柳林县卫生健康委员会") in relations


def test_the_first_of_two_posts_holds_when_the_second_body_is_not_recognised():
    relations = _relations("柳林县农业农村局副局长、县青禾苗木推广站站长张秀兰介绍了情况。")
    assert ("张秀兰", "worksFor", "柳林县农业农村局") in relations


def test_a_company_short_form_without_a_parenthesis_is_the_company():
    doc = process(Document("t", "t", "青禾云帆电子商务有限公司负责品牌运营。青禾合作社与云帆电商、星澜科技等企业加入联盟。"))
    company = next(e for e in doc.entities if e.name == "青禾云帆电子商务有限公司")
    assert company.aliases == ("云帆电商",)
    assert not any(e.name == "星澜科技" and e.aliases for e in doc.entities)


def test_a_short_form_that_fits_two_companies_joins_neither():
    doc = process(Document("t", "t", "青禾文旅建设集团有限公司与柳林文旅发展集团有限公司签约。文旅集团负责运营。"))
    assert "文旅集团" in {e.name for e in doc.entities}
    assert not any("文旅集团" in e.aliases for e in doc.entities)


def test_a_park_placed_in_a_district_and_town_is_in_both():
    relations = _relations("柳林县讲述发展。青禾物流园位于柳林县王庄镇，规划面积12平方公里。")
    assert ("青禾物流园", "locatedIn", "王庄镇") in relations
    assert ("青禾物流园", "locatedIn", "柳林县") in relations


def test_what_is_moved_to_a_park_is_there_and_its_owner_is_not():
    relations = _relations(
        "青禾软件园揭牌运营。云帆精密机械有限公司则把旗下的云帆材料研究所整体搬迁至青禾软件园。"
    )
    assert ("云帆材料研究所", "locatedIn", "青禾软件园") in relations
    assert ("云帆材料研究所", "subOrganizationOf", "云帆精密机械有限公司") in relations
    assert ("云帆精密机械有限公司", "locatedIn", "青禾软件园") not in relations


def test_a_company_of_a_place_is_in_it():
    relations = _relations("柳林县推出补贴政策。王庄镇的云帆精密机械有限公司借助补贴改进产品。")
    assert ("云帆精密机械有限公司", "locatedIn", "王庄镇") in relations


def test_a_county_lying_in_part_of_a_province_is_part_of_it():
    relations = _relations("柳林县地处山西省西部，是吕梁市的县。")
    assert ("柳林县", "partOf", "山西省") in relations
