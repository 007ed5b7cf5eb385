"""Entities read from real regional reports: general rules checked on invented sentences."""

import pytest

from tests.helpers import doc as _doc, mentions as _mentions


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


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("推进工矿企业、港口码头接入专用线。", "港口码头"),  # two kinds side by side
        ("发展嵌入式社区养老服务。", "嵌入式社区"),  # a style of community
        ("拓展青川特色产品国际市场。", "青川特色产品国际市场"),  # the market of an economy
        ("为800家左右医保定点社区卫生服务中心配备设备。", "医保定点社区卫生服务中心"),  # an approximate count
        ("加快生态农业产业园、产业强镇建设。新增省级生态农业产业园6个、集群9个。", "生态农业产业园"),  # counted elsewhere
    ],
)
def test_kinds_of_thing_are_no_names(text, unwanted):
    assert unwanted not in {name for name, _ in _mentions(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("客商前来柳河县青石镇蔬菜批发市场收购白菜。", ("青石镇蔬菜批发市场", "Facility")),
        ("刚刚进入柳河县生态农业科技示范园，工作人员就介绍道。", ("柳河县生态农业科技示范园", "Park")),
        ("实施星澜—博远X9平台新车型项目。", ("星澜—博远X9平台新车型项目", "Project")),
    ],
)
def test_a_place_and_a_kind_name_a_park_or_market_together(text, expected):
    assert expected in _entities(text)


def test_a_road_or_village_after_its_place_keeps_its_own_name():
    entities = _entities("在铜山区云栖南路，一家超市开业。板桥镇小石槽村通了自来水。")
    assert ("云栖南路", "Facility") in entities
    assert ("小石槽村", "Community") in entities


@pytest.mark.parametrize(
    "text, expected",
    [
        ("这批茶叶销往长三角和珠三角等地。", {("长三角", "EconomicRegion"), ("珠三角", "EconomicRegion")}),
        ("加强与京津冀合作，带动苏北、鲁西南发展。", {("京津冀", "EconomicRegion"), ("苏北", "EconomicRegion"), ("鲁西南", "EconomicRegion")}),
    ],
)
def test_regions_named_by_province_abbreviations(text, expected):
    assert expected <= _entities(text)


def test_provinces_and_prefectures_stay_divisions():
    entities = _entities("云南、湘西的游客来到这里。")
    assert ("云南", "Province") in entities
    assert ("湘西", "EconomicRegion") not in entities


def test_an_abbreviation_is_the_named_thing_of_its_type():
    doc = _doc("华岳智能装备研究院有限公司（以下简称“华岳研究院”）落户高新区。华岳研究院董事长韩知远介绍，今年将扩产。")
    companies = [e for e in doc.entities if e.name == "华岳智能装备研究院有限公司"]
    assert len(companies) == 1 and companies[0].type == "Company" and "华岳研究院" in companies[0].aliases
    assert not any(e.name == "华岳研究院" for e in doc.entities)


def test_an_abbreviation_outweighs_a_region_inside_it():
    doc = _doc("闽北旅游投资集团有限公司（以下简称“闽北旅投”）负责建设。闽北旅投董事长韩知远说，工程年底完工。")
    assert not any(e.name == "闽北" for e in doc.entities)
    company = next(e for e in doc.entities if e.type == "Company")
    assert "闽北旅投" in company.aliases and len(company.mentions) == 3


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("市政府召集市农委、商务、教育部门以及学校负责人开会。", "教育部门"),  # a kind of body
        ("各经济合作组织和经纪人每天也走20多车。", "经济合作组织"),  # 各: every one of a kind
        ("新建一批区域医疗中心和公共卫生中心。", "公共卫生中心"),  # the end of a list after 一批
    ],
)
def test_kinds_the_model_reads_as_bodies_are_no_names(text, unwanted):
    assert unwanted not in {name for name, _ in _entities(text)}


def test_a_listed_company_after_其中_is_still_found():
    text = "已吸引设计机构12家入驻，其中上海青柏工业设计有限公司在园区设立了分公司。"
    assert ("上海青柏工业设计有限公司", "Company") in _entities(text)


def test_verbs_that_name_a_programme_stay_in_its_name():
    assert ("惠企扩容提质行动", "Program") in _entities("开展惠企扩容提质行动，帮助青年就业。")
    assert ("绿色金融提质增效专项行动", "Program") in _entities("实施绿色金融提质增效专项行动，支持企业上市。")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("该县先后引进投资1.5亿元的黄河食品、投资1.2亿元的青柏食品。", ("黄河食品", "Company")),  # a river jieba knows well, then a trade
        ("河北化纤产销量均跃升至全球第1位。", ("河北化纤", "Company")),  # a province and a trade
        ("江苏电气负责建设。", ("江苏电气", "Company")),
    ],
)
def test_a_place_and_a_trade_name_a_company(text, expected):
    assert expected in _entities(text)


@pytest.mark.parametrize("text", ["推动河南食品产业发展。", "吉林化工产量增长。", "扩大青海化纤产品出口。"])
def test_a_place_and_its_trade_industry_are_no_company(text):
    assert not any(cls == "Company" for _, cls in _entities(text))


def test_a_park_named_after_a_trade_is_still_a_park():
    assert ("白河石化园区", "Park") in _entities("白河石化园区入选首批名单。")
