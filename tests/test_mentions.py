"""Finding mentions: rules that work on names kg has never seen."""

import pytest

from kg.mentions import clean_name, filter_spans
from kg.pipeline import process
from kg.types import Document, Mention
from tests.helpers import mentions as _mentions


def test_every_mention_is_the_exact_slice_of_the_seed(seed_doc):
    assert len(seed_doc.mentions) > 100
    for mention in seed_doc.mentions:
        assert seed_doc.text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在青禾软件园,云帆科技、星澜数码等企业陆续入驻。", {("青禾软件园", "Park"), ("云帆科技", "Company"), ("星澜数码", "Company")}),
        ("柳林县商务局局长王明远介绍说,全县新增企业30家。", {("柳林县商务局", "GovernmentBody"), ("王明远", "Person")}),
        ("近年来,柳林县实施“乡村振兴示范工程”,推出“惠农包”。", {("乡村振兴示范工程", "Program"), ("惠农包", "Program")}),
        ("该县开展“百村千户”帮扶行动。", {("百村千户帮扶行动", "Program")}),
        ("白鹭湾发展有限公司临川分公司的工作人员告诉记者", {("白鹭湾发展有限公司临川分公司", "Company")}),
        ("该公司加入了西岭新材料产业联盟。", {("西岭新材料产业联盟", "Alliance")}),
        ("江苏省徐州市铜山区棠张镇", {("江苏省", "Province"), ("徐州市", "City"), ("铜山区", "District"), ("棠张镇", "Subdistrict")}),
        ("在铜山区云栖南路,一家超市开业。", {("云栖南路", "Facility")}),
        ("沂水县农业局办公室刘建国主任说。", {("刘建国", "Person")}),
    ],
)
def test_unseen_names_are_found(text, expected):
    assert expected <= _mentions(text)


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("全区新建8个园区,改造老旧小区63个。", {"园区", "老旧小区"}),
        ("这条路的正中央是一排门面房。", {"条路", "路"}),
        ("我们要理清民生工作思路。", {"民生工作思路"}),
        ("一大批高科技企业纷纷落户于此。", {"一大批", "高科技"}),
        ("群众张嘴,干部跑腿。", {"张嘴"}),
        ("要把“量身定制”的服务送到家。", {"量身定制"}),
        ("新建一批城市社区。", {"新建", "城市社区"}),
    ],
)
def test_generic_words_are_not_names(text, unwanted):
    assert not unwanted & {name for name, _ in _mentions(text)}


def test_a_region_before_a_facility_is_a_separate_place():
    names = _mentions("在王陵街道财富广场一楼西侧")
    assert ("王陵街道", "Subdistrict") in names and ("财富广场", "Facility") in names


def test_short_county_name_needs_support_from_the_text():
    assert ("沂南", "District") not in _mentions("沂南的蔬菜很好。")
    assert ("沂南", "District") in _mentions("临沂市沂南的蔬菜很好。")


def test_filter_spans_keeps_the_longest_and_never_overlaps():
    spans = [
        Mention(0, 2, "泉山", "泉山", "District"),
        Mention(0, 7, "泉山经济开发区", "泉山经济开发区", "Park"),
        Mention(5, 9, "开发区内", "开发区内", "Park"),
        Mention(9, 11, "华为", "华为", "Company"),
    ]
    kept = filter_spans(spans)
    assert [m.text for m in kept] == ["泉山经济开发区", "华为"]


def test_clean_name_removes_quotes_spaces_and_stock_codes():
    assert clean_name("“十百千万”文明创建工程") == "十百千万文明创建工程"
    assert clean_name("中航精机(002013)有限公司") == "中航精机有限公司"
    assert clean_name("徐州 日报") == "徐州日报"


def test_the_statistical_model_fills_gaps_the_rules_leave():
    found = process(Document("t", "t", "国家发展改革委批复了方案。")).mentions
    assert [(m.name, m.type, m.rule) for m in found] == [("国家发展改革委", "Organization", "model")]


def test_the_model_never_overrides_a_rule_and_its_phrases_are_not_names():
    mentions = process(Document("t", "t", "深化零基预算改革,发展新能源汽车产业。")).mentions
    assert not [m for m in mentions if m.rule == "model"]


@pytest.mark.parametrize(
    "text",
    [
        "全省新能源汽车产量增长25%。",  # a trade, though the model reads a company
        "区机关干部下沉社区一线。",  # a kind of body, all common words
        "如何汇聚科技向产业转移的动能?",  # a verb and its object
    ],
)
def test_the_models_phrases_that_are_no_names_are_left_out(text):
    assert not [m for m in process(Document("t", "t", text)).mentions if m.rule == "model"]


def test_the_model_finds_a_company_name_jieba_cuts_into_pieces():
    found = _mentions("沂州澜谱基因科技有限公司落户泉山区。")
    assert ("沂州澜谱基因科技有限公司", "Company") in found


@pytest.mark.parametrize(
    "name",
    [
        "四川泓钧储能科技股份有限公司",  # 泓/q 钧/q: jieba's tags of characters it cannot place
        "芜湖极瞳光电科技有限公司",  # 极/d 瞳/n
        "江苏启澜电子科技有限公司柳州分公司",  # 启澜/l, a word jieba has never seen
    ],
)
def test_an_unknown_brand_after_a_place_stays_in_the_name(name):
    found = process(Document("t", "t", f"去年,{name}正式投产。")).mentions
    assert [(m.name, m.rule) for m in found if m.type == "Company"] == [(name, "suffix")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("今年,锐驰汽车轻量化底盘部件生产基地项目完成投资。", "锐驰汽车轻量化底盘部件生产基地项目"),  # 锐/驰
        ("投资建设的极瞳车载光学模组生产基地项目已完工。", "极瞳车载光学模组生产基地项目"),  # 极/瞳
    ],
)
def test_a_brand_jieba_cuts_into_characters_starts_the_name(text, name):
    assert (name, "Project") in _mentions(text)


# Names of the genre that jieba's words cut, run on or hide, each found whole.
@pytest.mark.parametrize(
    "text, found",
    [
        ("本报讯(记者 汪若琳 通讯员 章启明)连日来,现场一派繁忙。", ("章启明", "Person")),  # 章/q 启明/v
        ("论坛在太原龙城医谷科学园开幕。", ("太原龙城医谷科学园", "Park")),
        ("仙潭村党总支书记沈建华说。", ("仙潭村党总支", "Organization")),
        ("记者从高新区管委会获悉。", ("高新区管委会", "GovernmentBody")),
        ("依托遂宁澄川新材料有限公司布局负极材料。", ("遂宁澄川新材料有限公司", "Company")),  # 布局 is no longer name
        ("广西锐驰汽车零部件有限公司的新厂房。", ("广西锐驰汽车零部件有限公司", "Company")),  # 零部件/mq is no count
        ("深圳市联晟冷链物流有限公司签约。", ("深圳市联晟冷链物流有限公司", "Company")),  # a company keeps its city
        ("分别签约联晟桃源冷链物流中心项目。", ("联晟桃源冷链物流中心项目", "Project")),  # 联/晟 after a verb
        ("柳江区将继续把穿山智能装备产业园作为重点。", ("穿山智能装备产业园", "Park")),  # 穿/山 after 把
        ("他对《中国产经新闻》记者说。", ("中国产经新闻", "Organization")),  # a paper whose reporter speaks
        ("郭华平 黄晓平 本报记者 鄢朝晖 报道", ("郭华平", "Person")),  # a byline
        ("郭华平 黄晓平 本报记者 鄢朝晖 报道", ("黄晓平", "Person")),
        ("加快建好长春都市圈,融入粤港澳大湾区。", ("长春都市圈", "EconomicRegion")),  # not 建好长春都市圈
        ("加快建好长春都市圈,融入粤港澳大湾区。", ("粤港澳大湾区", "EconomicRegion")),
        ("港城日报讯(记者 于泽洋)", ("港城日报", "Organization")),  # a paper where its 讯 follows
        ("秦川农业报记者 贺晓东", ("秦川农业报", "Organization")),
        ("陆良县融媒体中心讯 12月5日,", ("陆良县融媒体中心", "Organization")),
        ("联合陈集镇卫生院、往流镇卫生院开展义诊。", ("往流镇卫生院", "Organization")),  # 往/p 流镇 is a town
        ("联合陈集镇卫生院、往流镇卫生院开展义诊。", ("陈集镇卫生院", "Organization")),  # 陈/nr 集镇
        ("设计有限公司在园区设立了华北分公司。", ("华北分公司", "Company")),
        ("板桥镇小石槽村种植大户说。", ("小石槽村", "Community")),
        ("同时委托云南农业水利设计研究院编制方案。", ("云南农业水利设计研究院", "EducationalOrganization")),
        ("塬上红合作社、秦岭鲜达快递有限公司洛川分公司等。", ("秦岭鲜达快递有限公司洛川分公司", "Company")),
        ("共建的深海作业装备联合实验室当天揭牌。", ("深海作业装备联合实验室", "Organization")),
        ("五夫镇党委书记游春燕说。", ("五夫镇党委", "GovernmentBody")),  # 党委书记 is one jieba word
        ("江苏通衢汽车运输集团有限公司投资建设。", ("江苏通衢汽车运输集团有限公司", "Company")),  # 集团 + 有限公司
        ("联合固始县史河医疗健康集团成立。", ("固始县史河医疗健康集团", "Organization")),  # a medical group
        ("岚山港与宁波港合作。", ("岚山港", "Facility")),
        ("蓝鲸重工董事长、总工程师邴海涛说。", ("邴海涛", "Person")),  # 邴/nr 海涛/nr
        ("签约冷链物流仓储项目和鲁东南甩挂运输基地项目。", ("鲁东南甩挂运输基地项目", "Project")),  # 和鲁/nr
        ("新院区位于蓼北大道东段。", ("蓼北大道", "Facility")),  # 蓼/北大/道
        ("在枇杷湾社区,物业公司进驻。", ("枇杷湾社区", "Community")),
        ("通衢运输在华东地区已有12个基地。", ("华东地区", "EconomicRegion")),
        ("出台“物流十条”支持企业。", ("物流十条", "Program")),
        ("与该校机电工程学院共建实验室。", ("机电工程学院", "EducationalOrganization")),
        ("街道党工委书记罗振宇介绍。", ("街道党工委", "GovernmentBody")),  # the subdistrict's, as 区委 is the district's
        ("建设占地860亩的罗汉岭生态湿地。", ("罗汉岭生态湿地", "Facility")),  # 罗汉/岭: a place character
        ("该中心位于梅岭社区颐年路18号。", ("颐年路", "Facility")),  # 颐年路/l, a word jieba guessed
        ("位于芦淞区的学院董家塅校区。", ("董家塅校区", "Facility")),  # 塅/x, a character jieba cannot tag
        ("县委组织部牵头实施培育工程。", ("县委组织部", "GovernmentBody")),
        ("联合龙岩市生态环境局长汀分局监管施工。", ("龙岩市生态环境局长汀分局", "GovernmentBody")),  # 局长/汀 is 局/长汀
        ("凭祥分公司总经理黄韵说。", ("黄韵", "Person")),  # not 黄韵说
        ("睦南产业园管委会主任农志坚表示。", ("农志坚", "Person")),  # 农志/坚
        ("星渡创客工场的大楼里灯火通明。", ("星渡创客工场", "Park")),
        ("凭祥海关在中心设立了查验点。", ("凭祥海关", "GovernmentBody")),
        ("成立大会上,学院智能制造学院与企业签约。", ("智能制造学院", "EducationalOrganization")),  # a unit after its body
        ("联系人:省财政厅农业农村处 孙婧", ("省财政厅农业农村处", "GovernmentBody")),
        ("柳林县宣传部新闻科刘和平科长说。", ("刘和平", "Person")),  # 科刘/和平: cut across the name
    ],
)
def test_names_of_the_genre_are_found_whole(text, found):
    assert found in _mentions(text)


def test_a_unit_and_the_word_after_it_are_no_name_before_a_post():
    assert not any(cls == "Person" for _, cls in _mentions("各部门主要负责人参加会议。"))  # 部门 / 主要


def test_a_town_jieba_glues_to_the_village_after_it_is_found():
    found = _mentions("莫干山镇仙潭村是今年首批试点村之一。")  # 莫干山/镇仙潭/村
    assert {("莫干山镇", "Subdistrict"), ("仙潭村", "Community")} <= found


@pytest.mark.parametrize(
    "text, generic",
    [
        ("专项行动将在新市镇、禹越镇等沿河镇开展整治。", "沿河镇"),
        ("赭麓高新区重点项目建设跑出加速度。", "赭麓高新区重点项目"),
    ],
)
def test_descriptions_that_look_like_names_are_left_out(text, generic):
    assert generic not in {name for name, _ in _mentions(text)}


def test_what_a_text_says_to_avoid_is_no_programme():
    found = _mentions("坚决防止“形象工程”“政绩工程”,实施“惠民工程”。")
    assert ("惠民工程", "Program") in found
    assert not {name for name, _ in found} & {"形象工程", "政绩工程"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("该工程由南平市属国有企业闽北文旅建设投资集团有限公司承建。", "闽北文旅建设投资集团有限公司"),  # not from 国有企业
        ("走进九龙坡区杨家坪街道和鸣苑小区。", "和鸣苑小区"),  # 和 starts this name
        ("依托四川循美再生资源科技有限公司建设。", "四川循美再生资源科技有限公司"),  # 再生资源/l
    ],
)
def test_where_a_name_starts(text, name):
    assert name in {found for found, _ in _mentions(text)}


def test_a_place_inside_a_persons_name_is_no_place():
    assert ("嘉禾", "District") not in _mentions("株洲日报记者 彭嘉禾 通讯员 易安琪")


@pytest.mark.parametrize("text", ["到处都是好处,此处不宜久留。", "治理城市围挡2400余处。", "16支省级政府投资基金整合。"])
def test_a_department_head_in_common_words_is_no_body(text):
    assert not _mentions(text)


def test_hong_kong_is_no_port():
    assert ("香港", "Facility") not in _mentions("香港投资者增加。")


def test_a_quoted_system_named_with_one_character_before_its_head_is_no_body():
    assert "大党委" not in {name for name, _ in _mentions("探索推行了“大党委”制下的社区管理模式。")}


@pytest.mark.parametrize(
    "text, unwanted",
    [("男子足球夺取中国足协杯亚军。", "中国足协杯"), ("他向上级汇报工作。", "汇报"), ("长春市建设现代化都市圈。", "现代化都市圈"), ("建成1000个和美乡村。", "美乡村"), ("打造“多业并举”发展新格局。", "发展新格局")],
)
def test_competitions_and_cut_phrases_are_no_names(text, unwanted):
    assert unwanted not in {name for name, _ in _mentions(text)}


def test_two_adjectives_before_a_head_are_a_description():
    assert not {name for name, _ in _mentions("改造城镇老旧小区,严格规范高危项目准入。") if "老旧" in name or "高危" in name}


def test_a_model_name_takes_the_place_inside_it_as_an_inner_mention():
    found = {(m.name, m.type, m.rule) for m in process(Document("t", "t", "美国海军5日宣布接收新型战斗机。")).mentions}
    assert ("美国海军", "Organization", "model") in found
    assert ("美国", "Country", "division") not in found  # no longer a mention of its own
    assert ("美国", "Country", "inner") in found


def test_a_place_abroad_the_model_finds_is_a_city():
    found = _mentions("该公司在东京设立了研发中心。")
    assert ("东京", "City") in found


def test_a_function_character_jieba_glues_to_a_name_stays_out_of_it():
    found = _mentions("由恒瑞达集团投资开发的云汐广场正式开业。")
    assert {("恒瑞达集团", "Company"), ("云汐广场", "Facility")} <= found
    assert not {name for name, _ in found if name.startswith(("由", "开发的"))}


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("市财政局和审计局联合发布通知。", "市财政局", "审计局"),
        ("省发展改革委和省商务厅联合发布通知。", "省发展改革委", "省商务厅"),  # jieba glues 委和省
    ],
)
def test_two_departments_joined_by_and_are_two_names(text, first, second):
    names = {name for name, _ in _mentions(text)}
    assert {first, second} <= names
    assert not any("和" in name for name in names)


@pytest.mark.parametrize(
    "text, unwanted",
    [
        ("推进公立医院改革,建设公共卫生中心。", {"公立医院", "公共卫生中心"}),
        ("举办中国—拉美企业家高峰会。", {"高峰会"}),
        ("在全国运动会上冬夏项目取得佳绩。", {"全国运动会上冬夏项目", "冬夏项目"}),
        ("全会和省委召开会议。", {"全会和省委"}),
        ("用于高校、医院、康养项目改善条件。", {"康养项目"}),
    ],
)
def test_kinds_of_things_are_not_names(text, unwanted):
    assert not unwanted & {name for name, _ in _mentions(text)}


@pytest.mark.parametrize(
    "text, cls",
    [
        ("加快云台寺调蓄工程、沙颍河航道项目建设。", "Project"),  # water works, built
        ("全面实施乡村振兴示范工程。", "Program"),
    ],
)
def test_a_works_name_is_a_project_and_a_campaign_a_program(text, cls):
    name = next(m.name for m in process(Document("t", "t", text)).mentions if m.name.endswith("工程"))
    assert (name, cls) in _mentions(text)
