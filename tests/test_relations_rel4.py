"""Relation rules, fourth round (invented sentences, none from the scored sets)."""

from kg.pipeline import process
from kg.types import Document


def _relations(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in doc.relations}


def _entities(text):
    return {e.name for e in process(Document("t", "t", text)).entities}


def _positions(text):
    doc = process(Document("t", "t", text))
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], names[r.object]): r.position for r in doc.relations if r.predicate == "worksFor"}


def test_the_body_that_leads_a_task_heading_runs_its_programme_and_helpers_do_not():
    relations = _relations(
        "（二）实施“青山茶叶品牌提升工程”。由县农业农村局牵头实施，县市场监督管理局配合。"
    )
    assert ("县农业农村局", "implements", "青山茶叶品牌提升工程") in relations
    assert ("县市场监督管理局", "implements", "青山茶叶品牌提升工程") not in relations


def test_a_project_named_with_a_firms_own_name_is_that_firms():
    relations = _relations(
        "望江区政府与浙江澜川重工有限公司、安徽禾丰食品有限公司签订投资协议。"
        "根据协议，澜川大型风机叶片项目和禾丰冻干食品项目将落户临江工业园。"
    )
    assert ("浙江澜川重工有限公司", "implements", "澜川大型风机叶片项目") in relations
    assert ("安徽禾丰食品有限公司", "implements", "禾丰冻干食品项目") in relations
    assert ("浙江澜川重工有限公司", "implements", "禾丰冻干食品项目") not in relations


def test_a_firm_that_only_assists_is_not_the_owner_of_a_project_sharing_its_name():
    relations = _relations(
        "县文旅局牵头，青溪文旅发展有限公司配合。实施青溪夜游提升项目和古镇游客中心改造项目。"
    )
    assert {"青溪文旅发展有限公司", "青溪夜游提升项目"} <= _entities(
        "县文旅局牵头，青溪文旅发展有限公司配合。实施青溪夜游提升项目和古镇游客中心改造项目。"
    )
    assert ("青溪文旅发展有限公司", "implements", "青溪夜游提升项目") not in relations
