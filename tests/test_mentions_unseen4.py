"""Mention rules learnt from a fourth set of invented documents (tests/data/unseen)."""

import pytest

from kg.pipeline import process
from kg.types import Document
from tests.helpers import mentions as _mentions


@pytest.mark.parametrize(
    "text, expected",
    [
        # departments that join two fields with 和, after the level they belong to
        ("由县发展和改革局牵头实施，县商务局配合。", {("县发展和改革局", "GovernmentBody")}),
        ("指挥部办公室设在区发展和改革委员会。", {("区发展和改革委员会", "GovernmentBody")}),
        # bodies named only by their level and their kind
        ("县融媒体中心要开设专栏。", {("县融媒体中心", "Organization")}),
        ("由青川县供销合作社联合社建设运营，县邮政分公司配合。", {("青川县供销合作社联合社", "Organization"), ("县邮政分公司", "Company")}),
        # appointments and bylines name people jieba does not know
        ("经区委研究决定：任命葛振宇为区政务服务中心主任。", {("葛振宇", "Person"), ("区政务服务中心", "Organization")}),
        ("本报讯（记者 乌兰图雅 通讯员 苏明）近日，会议召开。", {("乌兰图雅", "Person"), ("苏明", "Person")}),
        # a programme named right after the verb that launches it, however plain its words
        ("（五）实施林下经济扩面行动。", {("林下经济扩面行动", "Program")}),
        ("推进千名乡村工匠培育计划，每年培训300人。", {("千名乡村工匠培育计划", "Program")}),
        # quoted credit products and year-long campaigns
        ("鼓励金融机构开发“果农贷”“民宿贷”等产品。", {("果农贷", "Program"), ("民宿贷", "Program")}),
        ("全区要以“作风建设提升年”为抓手。", {("作风建设提升年", "Program")}),
    ],
)
def test_names_kg_has_never_seen_are_found(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("要实施一批重点工程和民生工程。", "一批重点工程"),
        ("开展专项行动，整治市场秩序。", "专项行动"),
        ("学校评选出“校园美少年”十名。", "校园美少年"),
        ("会议选举产生的委员会成员名单。", "产生"),
    ],
)
def test_generic_phrases_after_cues_are_not_names(text, unwanted):
    assert not any(unwanted in name for name, _ in _mentions(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("离石岗村不远的大坳村，是远近闻名的竹编之乡。", {("大坳村", "Community")}),
        ("溪岙村则把目光投向了林下经济。溪岙村益民养蜂专业合作社发展养蜂800箱。", {("溪岙村", "Community"), ("溪岙村益民养蜂专业合作社", "Company")}),
    ],
)
def test_villages_jieba_does_not_know_are_found(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize(
    "text",
    ["建设新农村，评选先进村，全村村民增收。", "省农业农村厅吸纳本村劳动力。", "湾岭镇村级巡诊点开诊。"],
)
def test_common_words_before_village_are_no_villages(text):
    assert not any(cls == "Community" for _, cls in _mentions(text))


def test_a_place_written_before_a_project_is_another_form_of_its_name():
    from kg.pipeline import process as run

    doc = run(Document("t", "t", "在棠张镇建设棠张镇农产品冷链物流中心项目，新增冷库2万吨。"))
    project = next(e for e in doc.entities if e.type == "Project")
    assert {project.name, *project.aliases} >= {"农产品冷链物流中心项目", "棠张镇农产品冷链物流中心项目"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # process verbs and capacities inside project names
        ("该公司在青禾产业园投资建设青禾微电子功率器件封装测试项目。", {("青禾微电子功率器件封装测试项目", "Project")}),
        ("蓝湾乳业科技有限公司投资建设的蓝湾乳业年产20万吨液态奶扩能项目建成。", {("蓝湾乳业年产20万吨液态奶扩能项目", "Project")}),
        # 落地 ends a name on its left
        ("澄海冷链物流中心项目落地临港物流园。", {("澄海冷链物流中心项目", "Project")}),
        # labs and alliances named by their field, and fields joined by 与
        ("研究院下设焊接工艺实验室、机器视觉实验室。", {("焊接工艺实验室", "Organization"), ("机器视觉实验室", "Organization")}),
        ("集团正式加入珠江上游智能制造产业联盟。", {("珠江上游智能制造产业联盟", "Alliance")}),
        ("该公司加入川渝焊接与切割行业协会。", {("川渝焊接与切割行业协会", "Alliance")}),
    ],
)
def test_names_with_verbs_and_fields_are_found_whole(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize("text", ["利用产业联盟等载体，加快发展。", "各地产业联盟要发挥作用，重点实验室也要参与。"])
def test_plain_words_before_an_alliance_name_nothing(text):
    assert not any(cls in {"Alliance", "Organization"} for _, cls in _mentions(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在溪口镇建设青溪人才公寓和青溪邻里中心，毗邻岚江东站。", {("青溪人才公寓", "Facility"), ("青溪邻里中心", "Facility"), ("岚江东站", "Facility")}),
        ("青溪高新区污水处理厂投运。", {("青溪高新区污水处理厂", "Facility")}),
        ("合作社与青川县热带作物技术推广站签订协议。", {("青川县热带作物技术推广站", "Organization")}),
        ("该公司设立全资子公司岚溪拓讯电子有限公司。", {("岚溪拓讯电子有限公司", "Company")}),
        ("会上，青石镇党委书记其其格，区住建局局长陈晓东分别发言。", {("其其格", "Person"), ("陈晓东", "Person")}),
        ("传承人陈秀英牵头成立合作社。海口市的超市也卖。学校邀请陈秀英等传承人授课。", {("陈秀英", "Person")}),
    ],
)
def test_facilities_units_and_people_are_found(text, expected):
    assert expected <= _mentions(text)


def test_a_persons_name_is_not_a_district_inside_it():
    names = _mentions("传承人陈秀英牵头成立合作社。海口市的超市也卖。学校邀请陈秀英等传承人授课。")
    assert ("秀英", "District") not in names


@pytest.mark.parametrize("text", ["各街道党工委、各乡镇人民政府要落实责任。", "局长表示，要抓落实。"])
def test_every_body_of_a_kind_and_plain_words_after_posts_are_no_names(text):
    names = _mentions(text)
    assert not any(name.startswith("各") for name, _ in names)
    assert not any(cls == "Person" for _, cls in names)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("黔川晨报讯（记者 龙思远）近日，会议召开。", {("黔川晨报", "Organization"), ("龙思远", "Person")}),
        ("联系人：葛文（市财政局教科文科），葛武（市科技局高新技术发展及产业化科）。",
         {("市财政局教科文科", "GovernmentBody"), ("市科技局高新技术发展及产业化科", "GovernmentBody")}),
        ("西岭第二再生水厂投运，西岭生物医药孵化港开园。", {("西岭第二再生水厂", "Facility"), ("西岭生物医药孵化港", "Park")}),
        ("该区将积极争取贵州省科技厅支持。", {("贵州省科技厅", "GovernmentBody")}),
    ],
)
def test_papers_sections_and_bodies_are_found_whole(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("他在医院内科工作，是本科学历。", "内科"),
        ("汇川区聚集了装备制造、新材料、电子信息等规模以上工业企业300余家。", "新材料"),
        ("支持在锂电新材料、光伏制造、高原生物医药等领域创新的企业。", "锂电新材料"),
        ("企业可申报市科技计划项目。", "市科技计划项目"),
    ],
)
def test_trades_sections_of_nothing_and_plan_projects_are_no_names(text, unwanted):
    assert unwanted not in {name for name, _ in _mentions(text)}


def test_a_unit_written_after_its_body_is_the_unit_named_alone():
    doc = process(Document("t", "t", "岚江理工学院与企业合作。岚江理工学院机械工程学院与企业共建实验室。机械工程学院院长陈立群介绍。"))
    units = [e for e in doc.entities if "机械工程学院" in (e.name, *e.aliases)]
    assert len(units) == 1 and units[0].name == "岚江理工学院机械工程学院"


@pytest.mark.parametrize(
    "name, official",
    [("黔南州", "黔南布依族苗族自治州"), ("琼中县", "琼中黎族苗族自治县"), ("湟中区", "湟中县")],
)
def test_divisions_are_known_by_their_usual_names(name, official):
    from kg.gazetteer import gazetteer

    assert official in {d.name for d in gazetteer().lookup(name)}


def test_a_county_that_became_a_district_is_linked_under_its_new_head():
    doc = process(Document("t", "t", "西宁市湟中区多巴镇建设新材料产业园。"))
    district = next(e for e in doc.entities if e.name == "湟中区")
    assert district.type == "District" and district.city == "西宁市" and district.division_code


@pytest.mark.parametrize(
    "text, name",
    [("推进青石古镇保护提升工程。", "青石古镇保护提升工程"), ("启动岚江大道改造工程。", "岚江大道改造工程"), ("实施万亩设施农业提升工程。", "万亩设施农业提升工程")],
)
def test_works_on_a_place_are_projects(text, name):
    assert (name, "Project") in _mentions(text)


def test_a_zones_committee_by_its_short_name_is_one_body():
    doc = process(Document("t", "t", "记者从青州滨海综合保税区管理委员会获悉，今年进出口增长。综保区管委会主任黄志鹏介绍，园区新增企业20家。"))
    committees = [e for e in doc.entities if "管" in e.name]
    assert len(committees) == 1 and "综保区管委会" in committees[0].aliases


@pytest.mark.parametrize(
    "text, expected",
    [
        ("蓝岭智能装备集团人力资源部部长黄丽萍介绍。", {("蓝岭智能装备集团人力资源部", "GovernmentBody")}),
        ("联系人：覃永宁（县农业农村局乡村产业发展股）。", {("县农业农村局乡村产业发展股", "GovernmentBody")}),
    ],
)
def test_departments_of_companies_and_sections_of_bureaus_are_found_whole(text, expected):
    assert expected <= _mentions(text)


def test_a_role_and_its_verb_after_a_post_are_no_name():
    assert not any(cls == "Person" for _, cls in _mentions("县直有关部门主要负责人为成员。"))


def test_a_bureau_of_an_autonomous_county_by_its_usual_name_is_one_body():
    doc = process(Document("t", "t", "琼中黎族苗族自治县是产茶大县。琼中县农业农村局推广新品种。县农业农村局局长李振坤表示，明年扩大面积。"))
    bureaus = [e for e in doc.entities if e.name.endswith("农业农村局")]
    assert len(bureaus) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("岚江理工学院材料科学与工程学院与企业共建中心。", {("岚江理工学院材料科学与工程学院", "EducationalOrganization")}),
        ("青禾净菜加工中心和青禾奶牛牧场投产，北湾河科技创新园开园。", {("青禾净菜加工中心", "Facility"), ("青禾奶牛牧场", "Facility"), ("北湾河科技创新园", "Park")}),
        ("争取省科技厅“校企协同创新专项”支持，发放“科技创新券”。", {("校企协同创新专项", "Program"), ("科技创新券", "Program")}),
        ("银行推出“园区贷”专项信贷产品。", {("园区贷", "Program")}),
    ],
)
def test_more_heads_of_names(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("由县投资促进中心和县政务服务中心负责服务。", {("县投资促进中心", "GovernmentBody"), ("县政务服务中心", "Organization")}),
        ("林振东现任福建省水产品加工行业协会副会长。", {("福建省水产品加工行业协会", "Alliance")}),
        ("患者不用再往临泽县人民医院跑，经省政府同意。", {("临泽县人民医院", "Organization"), ("省政府", "GovernmentBody")}),
        ("年产5万吨磷酸铁锂项目投产。", {("年产5万吨磷酸铁锂项目", "Project")}),
    ],
)
def test_names_do_not_take_in_the_words_around_them(text, expected):
    assert expected <= _mentions(text)


def test_a_county_named_he_is_still_a_county():
    assert ("安徽省和县人民政府", "GovernmentBody") in _mentions("安徽省和县人民政府发布通知。")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进青港二期扩建工程和织篢铁路货场多式联运项目建设。", {("织篢铁路货场多式联运项目", "Project")}),
        ("集团还设立了瀚澜研究院，专注于新材料研发。", {("瀚澜研究院", "EducationalOrganization")}),
        ("该公司青州分公司负责人彭敏介绍。", {("青州分公司", "Company"), ("彭敏", "Person")}),
    ],
)
def test_names_jieba_cut_or_glued(text, expected):
    assert expected <= _mentions(text)


def test_a_verb_before_a_preposition_is_no_part_of_a_name():
    assert not any(name.startswith("转") for name, _ in _mentions("患者转往临泽县人民医院治疗。"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("配合单位：河南省中小企业发展促进中心。", {("河南省中小企业发展促进中心", "GovernmentBody")}),
        ("重点支持位于新乡市长垣市的长垣起重装备产业园。", {("长垣起重装备产业园", "Park")}),
        ("依托豫中理工学院等院校培训人才。", {("豫中理工学院", "EducationalOrganization")}),
    ],
)
def test_names_with_a_trade_verb_or_a_cut_up_brand(text, expected):
    assert expected <= _mentions(text)


def test_a_capacity_in_a_name_is_no_count():
    names = _mentions("20GWh储能电池项目开工，实施42项为民办实事项目。")
    assert ("20GWh储能电池项目", "Project") in names
    assert not any("民办实事" in name for name, _ in names)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在小沙江金银花标准化种植示范基地，李冰介绍。", {("小沙江金银花标准化种植示范基地", "Park")}),
        ("县城丹霞大道两侧新建绿地。", {("丹霞大道", "Facility")}),
        ("全县确定大东坝镇黄柏岭村为示范村。", {("大东坝镇", "Subdistrict")}),
    ],
)
def test_names_start_where_their_place_does(text, expected):
    assert expected <= _mentions(text)


def test_a_town_is_no_town_inside_another_town():
    assert ("东坝镇", "Subdistrict") not in _mentions("全县确定大东坝镇黄柏岭村为示范村。")


def test_buyers_in_a_region_are_no_market_place():
    assert not any(cls == "Facility" for _, cls in _mentions("产品销往长三角市场和东南亚市场。"))
