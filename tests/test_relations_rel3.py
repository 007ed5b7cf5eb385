"""Relation rules, third round (invented sentences, none from the scored sets)."""

from kg.pipeline import process
from kg.types import Document
from tests.helpers import relations as _relations


def _positions(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], names[r.object]): r.position for r in doc.relations if r.predicate == "worksFor"}


def test_a_unit_named_after_its_parents_short_name_belongs_to_the_parent():
    relations = _relations(
        "湖南岳峰建工集团有限公司（以下简称“岳峰集团”）中标该工程。"
        "岳峰集团第二工程分公司负责现场施工。"
    )
    assert ("岳峰集团第二工程分公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations


def test_a_company_named_twice_before_respectively_still_pairs_with_its_own_project():
    relations = _relations(
        "浙江澄江冷链有限公司、安徽远帆物流集团有限公司（以下简称“远帆物流”）分别签约"
        "东海冷链仓储项目和华中甩挂运输基地项目。"
    )
    assert ("浙江澄江冷链有限公司", "implements", "东海冷链仓储项目") in relations
    assert ("安徽远帆物流集团有限公司", "implements", "华中甩挂运输基地项目") in relations
    assert ("浙江澄江冷链有限公司", "implements", "华中甩挂运输基地项目") not in relations


def test_a_body_that_only_names_the_speakers_post_does_not_run_the_programme():
    relations = _relations(
        "青川县位于四川省北部。"
        "县农业农村局局长王建国表示，下一步，青川县将实施“山货出山”行动，带动农户增收。"
    )
    assert ("县农业农村局", "implements", "山货出山行动") not in relations
    assert ("青川县", "implements", "山货出山行动") in relations


def test_adverbs_may_stand_between_a_subject_and_its_verb():
    relations = _relations("为支持园区发展，青川县同步出台“青川人才十条”，设立专项基金。")
    assert ("青川县", "implements", "青川人才十条") in relations


def test_a_subject_that_builds_in_a_place_runs_the_project():
    relations = _relations(
        "湖北瑞丰食品有限公司投资8亿元的冷冻食品项目落户孝感市，"
        "江西汇远物流有限公司将在丰城市建设丰城冷链物流园项目。"
    )
    assert ("江西汇远物流有限公司", "implements", "丰城冷链物流园项目") in relations
    assert ("湖北瑞丰食品有限公司", "implements", "丰城冷链物流园项目") not in relations


def test_what_is_built_after_at_places_is_in_each_of_them():
    relations = _relations("该项目由青川县水务局牵头，在木鱼镇、乔庄镇建设青川灌区改造项目。")
    assert ("青川灌区改造项目", "locatedIn", "木鱼镇") in relations
    assert ("青川灌区改造项目", "locatedIn", "乔庄镇") in relations
    assert ("乔庄镇", "implements", "青川灌区改造项目") not in relations


def test_a_place_qualified_after_at_still_holds_what_is_built():
    relations = _relations("园区将在毗邻的金桥镇规划建设金桥科创中心项目，新增厂房5万平方米。")
    assert ("金桥科创中心项目", "locatedIn", "金桥镇") in relations


def test_what_a_town_builds_is_in_the_town():
    relations = _relations("其中，木鱼镇将新建长3.2公里的木鱼河滨江大道，乔庄镇重点实施荒山复绿。")
    assert ("木鱼河滨江大道", "locatedIn", "木鱼镇") in relations
    assert ("木鱼河滨江大道", "locatedIn", "乔庄镇") not in relations


def test_a_place_after_at_with_its_own_verb_holds_only_that_clause_and_bringing_in_needs_a_place():
    relations = _relations(
        "县农业农村局在黄岭村建成黄岭高山茶示范基地，引进浙江云栖茶业有限公司开展订单收购。"
    )
    assert ("黄岭高山茶示范基地", "locatedIn", "黄岭村") in relations
    assert ("浙江云栖茶业有限公司", "locatedIn", "黄岭村") not in relations


def test_a_place_after_at_that_sets_the_scene_holds_what_follows():
    relations = _relations("在金桥街道财富大厦二楼东侧，来自杭州的云帆证券有限公司正在装修。")
    assert ("云帆证券有限公司", "locatedIn", "财富大厦") in relations


def test_every_body_listed_after_members_include_is_a_member():
    relations = _relations(
        "由青禾职业技术学院牵头的湘南智能制造产教联盟（以下简称“联盟”）在衡阳成立。"
        "联盟首批成员包括衡阳云帆机械有限公司、湖南星澜电子科技有限公司等20家企业，"
        "衡阳市机械工业协会，以及青禾职业技术学院等4所院校。"
    )
    for member in ("衡阳云帆机械有限公司", "湖南星澜电子科技有限公司", "衡阳市机械工业协会", "青禾职业技术学院"):
        assert (member, "memberOf", "湘南智能制造产教联盟") in relations


def test_members_listed_need_an_alliance_before_them():
    relations = _relations("衡阳云帆机械有限公司会员包括湖南星澜电子科技有限公司等企业。")
    assert not any(p == "memberOf" for _, p, _ in relations)


def test_bodies_a_group_is_formed_from_are_its_members():
    relations = _relations(
        "青川县医疗健康集团以青川县人民医院为牵头单位，联合青川县中医院以及木鱼镇卫生院、"
        "乔庄镇卫生院等12家乡镇卫生院组建，实行统一管理。"
    )
    for member in ("青川县人民医院", "青川县中医院", "木鱼镇卫生院", "乔庄镇卫生院"):
        assert (member, "memberOf", "青川县医疗健康集团") in relations


def test_a_park_lies_in_the_two_finest_places_of_a_nested_run():
    relations = _relations("11月5日，位于湖南省衡阳市衡南县云集镇的衡南智造产业园正式开园。")
    assert ("衡南智造产业园", "locatedIn", "云集镇") in relations
    assert ("衡南智造产业园", "locatedIn", "衡南县") in relations
    assert ("衡南智造产业园", "locatedIn", "湖南省") not in relations
    assert ("衡南智造产业园", "locatedIn", "衡阳市") not in relations


def test_a_road_in_the_run_after_lies_in_is_kept():
    relations = _relations("青川县金桥街道综合养老服务中心位于金桥街道云岭社区幸福路18号，设有老年食堂。")
    assert ("青川县金桥街道综合养老服务中心", "locatedIn", "幸福路") in relations
    assert ("青川县金桥街道综合养老服务中心", "locatedIn", "云岭社区") in relations


def test_lies_in_without_a_subject_describes_the_topic_of_the_clause_before():
    relations = _relations("青禾科技园由青禾大学与青川县人民政府共建，位于青川县乔庄镇，规划面积3平方公里。")
    assert ("青禾科技园", "locatedIn", "乔庄镇") in relations


def test_a_dateline_is_no_topic():
    relations = _relations("衡阳日报讯（记者 王明）5月6日，位于云集镇的衡南智造产业园正式开园。")
    assert ("衡阳日报", "locatedIn", "云集镇") not in relations


def test_a_company_a_company_registers_in_a_place_is_its_subsidiary_there():
    relations = _relations(
        "安徽远帆物流集团有限公司签约了仓储项目。据了解，该公司已在岳麓区注册成立青川远帆物流有限公司，作为其区域总部。"
    )
    assert ("青川远帆物流有限公司", "subOrganizationOf", "安徽远帆物流集团有限公司") in relations
    assert ("青川远帆物流有限公司", "locatedIn", "岳麓区") in relations


def test_a_branch_set_up_by_a_company_belongs_to_it():
    relations = _relations("其中，北京云帆设计有限公司在园区设立了华中分公司。")
    assert ("华中分公司", "subOrganizationOf", "北京云帆设计有限公司") in relations


def test_a_body_set_up_by_a_company_without_a_unit_name_is_no_unit():
    relations = _relations("北京云帆设计有限公司成立了青川县设计师协会。")
    assert not any(p == "subOrganizationOf" for _, p, _ in relations)


def test_a_person_who_also_holds_a_post_works_there():
    positions = _positions("村党支部书记王建国带领村民成立青川云溪茶旅有限公司，王建国兼任青川云溪茶旅有限公司董事长。")
    assert positions.get(("王建国", "青川云溪茶旅有限公司")) == "董事长"


def test_a_contact_line_of_a_body_and_a_person_is_worksfor():
    relations = _relations("请于月底前报送。\n联系人：省农业农村厅种植业管理处 王建国\n省财政厅农业处 李晓梅\n")
    assert ("王建国", "worksFor", "省农业农村厅种植业管理处") in relations
    assert ("李晓梅", "worksFor", "省财政厅农业处") in relations


def test_a_body_and_a_person_in_running_text_are_no_contact_line():
    relations = _relations("省财政厅农业处会同王建国开展调研。")
    assert not any(p == "worksFor" for _, p, _ in relations)
