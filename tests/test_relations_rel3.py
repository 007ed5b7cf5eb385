"""Relation rules, third round (invented sentences, none from the scored sets)."""

from kg.pipeline import process
from kg.types import Document


def _relations(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in doc.relations}


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
