"""Relation rules, fourth round (invented sentences, none from the scored sets)."""

from kg.pipeline import process
from kg.types import Document
from tests.helpers import relations as _relations


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


def test_firms_listed_in_the_clause_before_settle_where_the_next_clause_says():
    relations = _relations(
        "记者了解到，浙江澜川重工有限公司、安徽禾丰食品有限公司等4家企业已完成工商注册，正式入驻临江经济开发区。"
    )
    assert ("浙江澜川重工有限公司", "locatedIn", "临江经济开发区") in relations
    assert ("安徽禾丰食品有限公司", "locatedIn", "临江经济开发区") in relations


def test_a_headquarters_clause_places_the_company_that_opens_the_sentence():
    relations = _relations("湖南岳峰建工集团有限公司成立于2005年，总部位于长沙市岳麓区，现有员工900余人。")
    assert ("湖南岳峰建工集团有限公司", "locatedIn", "岳麓区") in relations


def test_a_body_set_in_a_building_is_in_every_level_of_its_address():
    # (the annotators of sets 6 and 8 and the seed's gold list every level written)
    relations = _relations("岳峰工程技术研究院设在长沙市岳麓区麓谷创新大厦，现有研发人员300余人。")
    assert ("岳峰工程技术研究院", "locatedIn", "麓谷创新大厦") in relations
    assert ("岳峰工程技术研究院", "locatedIn", "岳麓区") in relations
    assert ("岳峰工程技术研究院", "locatedIn", "长沙市") in relations


def test_a_park_that_spans_two_towns_is_in_each():
    relations = _relations(
        "青河经济开发区成立于2010年，位于青河县东部，横跨城关街道和白沙镇，规划面积20平方公里。"
    )
    assert ("青河经济开发区", "locatedIn", "城关街道") in relations
    assert ("青河经济开发区", "locatedIn", "白沙镇") in relations


def test_a_branch_opened_in_a_district_is_there_but_an_alliance_founded_in_a_city_is_not():
    relations = _relations("岳峰集团长沙分公司在长沙市岳麓区揭牌成立。")
    assert ("岳峰集团长沙分公司", "locatedIn", "岳麓区") in relations
    relations = _relations("湘中智能制造产业联盟在长沙市成立。")
    assert ("湘中智能制造产业联盟", "locatedIn", "长沙市") not in relations


def test_a_project_sited_in_a_district_town_is_in_the_town():
    relations = _relations("澄岳数控机床项目总投资6亿元，选址长沙县黄花镇。")
    assert ("澄岳数控机床项目", "locatedIn", "黄花镇") in relations


def test_a_second_post_named_by_the_kind_of_body_alone_is_in_the_sister_body_of_the_same_park():
    positions = _positions(
        "青河经济开发区管委会（以下简称“管委会”）负责园区运营。"
        "青河经济开发区党工委书记、管委会主任李国平说。"
    )
    assert positions[("李国平", "青河经济开发区党工委")] == "书记"
    assert positions[("李国平", "青河经济开发区管委会")] == "主任"


def test_a_party_committee_post_of_a_company_is_in_that_committee_when_the_text_names_it():
    positions = _positions(
        "来源：岳峰集团党委宣传部。"
        "湖南岳峰建工集团有限公司（以下简称“岳峰集团”）召开大会，岳峰集团党委书记、董事长陈立新出席。"
    )
    assert positions[("陈立新", "岳峰集团党委")] == "书记"
    assert positions[("陈立新", "湖南岳峰建工集团有限公司")] == "董事长"


def test_an_appointment_names_the_body_and_post_after_wei():
    positions = _positions("经区委研究决定：任命李国平为区商务局局长，免去其区投资促进中心主任职务。")
    assert positions[("李国平", "区商务局")] == "局长"


def test_a_working_body_headed_by_people_named_with_ren():
    positions = _positions("区招商引资工作指挥部由王建国任总指挥，李国平任副总指挥，办公室设在区商务局。")
    assert positions[("王建国", "区招商引资工作指挥部")] == "总指挥"
    assert positions[("李国平", "区招商引资工作指挥部")] == "副总指挥"


def test_a_first_post_before_a_body_with_a_short_name_is_still_in_the_first_body():
    positions = _positions("长沙县农业农村局副局长、长沙县茶叶协会（以下简称“茶协”）会长王建国说。")
    assert positions[("王建国", "长沙县农业农村局")] == "副局长"
    assert positions[("王建国", "长沙县茶叶协会")] == "会长"


def test_branches_named_by_their_place_alone_belong_to_the_company_the_text_is_about():
    relations = _relations(
        "湖南岳峰建工集团有限公司（以下简称“岳峰集团”）成立于2005年。"
        "岳峰集团先后设立长沙分公司、贵阳分公司。岳峰集团营业收入增长12%。"
        "岳峰集团与湘南物流有限公司签订合同。"
    )
    assert ("贵阳分公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations
    assert ("长沙分公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations


def test_an_office_of_the_county_government_belongs_to_it_in_a_text_about_that_county():
    relations = _relations(
        "青河县人民政府办公室关于印发青河县茶产业发展方案的通知。"
        "方案已经县人民政府常务会议研究同意。青河县位于湖南省北部。"
    )
    assert ("青河县人民政府办公室", "subOrganizationOf", "县人民政府") in relations


def test_a_company_that_is_the_presiding_unit_of_an_association_is_a_member():
    relations = _relations("岳峰集团有限公司同时还是长沙市建筑业协会会长单位。")
    assert ("岳峰集团有限公司", "memberOf", "长沙市建筑业协会") in relations


def test_units_set_up_under_a_body_belong_to_it():
    relations = _relations(
        "湖南湘江装备集团有限公司成立于2001年，总部位于长沙市岳麓区，现有员工3000余人，"
        "下设湘潭湘江机械有限公司和株洲湘江电气有限公司。"
    )
    assert ("湘潭湘江机械有限公司", "subOrganizationOf", "湖南湘江装备集团有限公司") in relations
    assert ("株洲湘江电气有限公司", "subOrganizationOf", "湖南湘江装备集团有限公司") in relations


def test_a_named_wholly_owned_subsidiary_belongs_to_the_company_before_it():
    relations = _relations("湖南岳峰建工集团有限公司将支持全资子公司长沙岳峰钢构有限公司扩建生产线。")
    # the mention finder may still read the name with 全资子公司 in front of it
    assert any(s.endswith("长沙岳峰钢构有限公司") and p == "subOrganizationOf" and o == "湖南岳峰建工集团有限公司"
               for s, p, o in relations)


def test_projects_inside_the_park_are_in_the_park_named_last():
    relations = _relations(
        "望江区召开推进会。青河经济开发区完成投资30亿元。"
        "管委会主任表示，确保园区内的“青河光伏组件项目”二期6月底前开工、“青河锂电正极材料项目”年内投产。"
    )
    assert ("青河光伏组件项目", "locatedIn", "青河经济开发区") in relations
    assert ("青河锂电正极材料项目", "locatedIn", "青河经济开发区") in relations


def test_what_a_town_in_a_district_plans_to_build_is_in_the_town():
    relations = _relations("他透露，长沙县黄花镇规划建设的黄花温泉康养小镇项目已进入土地报批阶段。")
    assert ("黄花温泉康养小镇项目", "locatedIn", "黄花镇") in relations


def test_a_company_a_park_brought_in_is_in_the_park():
    relations = _relations(
        "湖南芯达微电子有限公司（以下简称“芯达微电子”）是青河经济开发区引进的第一家半导体企业。"
    )
    assert ("湖南芯达微电子有限公司", "locatedIn", "青河经济开发区") in relations


def test_parks_built_by_a_parks_administration_are_in_that_park():
    relations = _relations(
        "青河经济开发区成立于2010年。"
        "近年来，青河经济开发区管委会先后建成青河电子信息产业园和青河智能制造产业园。"
    )
    assert ("青河电子信息产业园", "locatedIn", "青河经济开发区") in relations
    assert ("青河智能制造产业园", "locatedIn", "青河经济开发区") in relations


def test_a_company_building_in_a_park_is_in_the_park_but_not_where_it_sets_up_a_subsidiary():
    relations = _relations(
        "湖南芯达微电子有限公司成立于2015年。2019年，该公司在青河经济开发区投资建设芯片封装项目。"
    )
    assert ("湖南芯达微电子有限公司", "locatedIn", "青河经济开发区") in relations
    relations = _relations("深圳市拓远智能终端有限公司在青河经济开发区设立长沙拓远电子有限公司。")
    assert ("深圳市拓远智能终端有限公司", "locatedIn", "青河经济开发区") not in relations


def test_the_subject_before_a_semicolon_runs_what_the_next_part_opens_with():
    relations = _relations(
        "青河县位于湖南省北部。青河经济开发区管委会实施“青河英才计划”，给予安家补贴；"
        "启动“科创载体倍增计划”，到2026年载体面积翻一番。"
    )
    assert ("青河经济开发区管委会", "implements", "科创载体倍增计划") in relations


def test_a_builder_named_with_the_sum_it_invests_runs_the_project():
    relations = _relations("青河县位于湖南省北部。青河智慧物流园项目由湖南远帆物流有限公司投资5亿元建设。")
    assert ("湖南远帆物流有限公司", "implements", "青河智慧物流园项目") in relations


def test_a_lead_unit_label_names_who_runs_the_heading_programme():
    relations = _relations("（三）实施“农村电商进村入户工程”。牵头单位：县商务局；配合单位：县供销合作社联合社。")
    assert ("县商务局", "implements", "农村电商进村入户工程") in relations


def test_a_branch_set_up_in_the_park_is_in_the_park_named_before():
    relations = _relations(
        "青河县位于湖南省北部。长沙市在岳麓区建设麓谷工业设计产业园，其中北京青禾工业设计有限公司在园区设立了华中分公司。"
    )
    assert ("华中分公司", "locatedIn", "麓谷工业设计产业园") in relations


def test_a_first_post_before_a_working_bodys_post_is_in_the_first_body():
    positions = _positions("区商务局副主任、项目建设指挥部指挥长王建国介绍，下一步将加快项目建设。")
    assert positions[("王建国", "区商务局")] == "副主任"


def test_a_company_said_to_be_a_groups_subsidiary_belongs_to_it():
    relations = _relations("长沙岳峰钢构有限公司是湖南岳峰建工集团有限公司的全资子公司，主要生产钢结构。")
    assert ("长沙岳峰钢构有限公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations


def test_companies_a_group_owns_belong_to_it():
    relations = _relations("湖南岳峰建工集团有限公司旗下拥有长沙岳峰钢构有限公司和湘潭岳峰机械有限公司。")
    assert ("长沙岳峰钢构有限公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations
    assert ("湘潭岳峰机械有限公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations


def test_a_company_that_is_only_a_partner_is_no_subsidiary():
    relations = _relations("长沙岳峰钢构有限公司是湖南岳峰建工集团有限公司的合作伙伴。")
    assert ("长沙岳峰钢构有限公司", "subOrganizationOf", "湖南岳峰建工集团有限公司") not in relations


def test_a_programme_that_only_qualifies_funds_or_experience_is_not_run_by_the_sentences_subject():
    relations = _relations(
        "青河县位于湖南省北部。县人民政府决定实施“青山五大工程”。"
        "县财政局要统筹资金，每年安排青山五大工程专项资金不少于5000万元；"
    )
    assert ("县财政局", "implements", "青山五大工程") not in relations


def test_the_paper_of_a_dateline_runs_nothing():
    relations = _relations(
        "青河县融媒体中心讯（记者 王建国）3月12日，青河县召开“营商环境提升年”工作部署会。"
    )
    assert ("青河县融媒体中心", "implements", "营商环境提升年") not in relations


def test_villages_with_no_town_of_their_own_are_in_the_town_the_text_is_about():
    relations = _relations(
        "白沙镇：合作社带富村民。走进青河县白沙镇青松村，橙园连片。"
        "青松村是白沙镇的主产村。离青松村不远的石门村，是黎锦之乡。"
        "白沙镇党委书记王建国说，白沙镇将持续壮大合作社。"
    )
    assert ("石门村", "partOf", "白沙镇") in relations


def test_a_cooperative_named_after_a_village_is_there_and_a_village_project_with_no_runner_is_its_own():
    relations = _relations(
        "离白沙镇不远的石门村，是黎锦之乡。石门村黎锦编织专业合作社吸纳42名妇女就业。"
        "今年，村里又启动了石门村黎锦展示馆建设项目，总投资85万元。"
    )
    assert ("石门村黎锦编织专业合作社", "locatedIn", "石门村") in relations
    assert any(s == "石门村" and p == "implements" and o.endswith("黎锦展示馆建设项目") for s, p, o in relations)


def test_a_controlled_subsidiary_supported_by_the_group_is_the_groups_not_the_company_named_before():
    relations = _relations(
        "湖南岳峰建工集团有限公司（以下简称“岳峰集团”）成立于2005年。岳峰集团营业收入增长。"
        "岳峰集团还将推进长沙岳峰机械有限公司厂房建设。"
        "今年集团还将推进长沙岳峰机械有限公司二期建设，并支持控股子公司湘潭岳峰电气有限公司新建生产线。"
    )
    # the mention finder may still read the name with 控股子公司 in front of it
    assert any(s.endswith("湘潭岳峰电气有限公司") and p == "subOrganizationOf" and o == "湖南岳峰建工集团有限公司"
               for s, p, o in relations)
    assert not any(s.endswith("湘潭岳峰电气有限公司") and o == "长沙岳峰机械有限公司" for s, p, o in relations)


def test_a_subsidiary_set_up_in_a_park_is_in_the_park():
    relations = _relations("深圳市拓远智能终端有限公司在青河经济开发区设立全资子公司长沙拓远电子有限公司。")
    assert any(s.endswith("长沙拓远电子有限公司") and p == "locatedIn" and o == "青河经济开发区" for s, p, o in relations)


def test_a_unit_set_in_a_building_described_before_it_is_in_the_building():
    relations = _relations("青河双创产业园设在已建成的青河科创大厦内，累计孵化企业86家。")
    assert ("青河双创产业园", "locatedIn", "青河科创大厦") in relations


def test_the_head_of_the_cooperative_works_for_the_cooperative_named_before():
    relations = _relations(
        "石门村益农养蜂专业合作社在林下发展养蜂1800箱。合作社负责人王建国介绍，蜂蜜产品进入了多家超市。"
    )
    assert ("王建国", "worksFor", "石门村益农养蜂专业合作社") in relations


def test_a_park_inside_the_town_is_in_the_town():
    relations = _relations("他介绍，白沙镇将依托位于镇内的白沙农产品加工产业园，推进奶源基地建设。")
    assert ("白沙农产品加工产业园", "locatedIn", "白沙镇") in relations


def test_a_research_institute_serving_as_the_groups_hub_is_its_unit():
    relations = _relations(
        "湖南岳峰建工集团有限公司（以下简称“岳峰集团”）成立于2005年。岳峰集团营业收入增长12%。"
        "岳峰集团与湘南物流有限公司签订合同。"
        "作为集团的研发中枢，岳峰智能装备研究院现有研发人员300余人。"
    )
    assert ("岳峰智能装备研究院", "subOrganizationOf", "湖南岳峰建工集团有限公司") in relations


def test_a_station_set_beside_a_market_is_not_in_the_market():
    relations = _relations("白沙镇农村电商服务站设在白沙农贸市场旁，为全镇提供快递收发服务。")
    assert ("白沙镇农村电商服务站", "locatedIn", "白沙农贸市场") not in relations


def test_what_is_built_at_the_village_entrance_is_in_the_village_named_before():
    relations = _relations("走进青河县白沙镇石门村，橙园连片。在村口新建成的石门文化广场，村民正在排练。")
    assert ("石门文化广场", "locatedIn", "石门村") in relations


def test_a_county_written_before_a_project_built_in_a_town_is_only_part_of_its_name():
    relations = _relations("青河县位于湖南省北部。在白沙镇建设青河县农产品冷链物流中心项目，新增冷库2万吨。")
    assert any(s.endswith("农产品冷链物流中心项目") and o == "白沙镇" for s, p, o in relations)
    assert not any(s.endswith("农产品冷链物流中心项目") and p == "locatedIn" and o == "青河县" for s, p, o in relations)


def test_a_subsidiary_set_up_in_a_city_named_bare_is_in_that_city():
    relations = _relations("广东鹏程物流集团有限公司在赣州设立全资子公司赣州鹏程供应链管理有限公司，负责仓储配送。")
    assert any(s.endswith("赣州鹏程供应链管理有限公司") and p == "subOrganizationOf" and o == "广东鹏程物流集团有限公司"
               for s, p, o in relations)
    assert any(s.endswith("赣州鹏程供应链管理有限公司") and p == "locatedIn" and o in ("赣州", "赣州市") for s, p, o in relations)


def test_the_office_issuing_a_plan_does_not_run_the_programme_the_plan_is_for():
    relations = _relations("临河县人民政府办公室关于印发临河县特色产业培育三大行动方案的通知")
    assert not any(p == "implements" and s == "临河县人民政府办公室" for s, p, o in relations)


def test_a_bare_management_committee_is_the_one_named_before():
    positions = _positions(
        "青河经济开发区管理委员会负责园区建设。今年园区新增企业20家。管委会副主任刘敏介绍，园区将推行新的制度。"
    )
    assert positions[("刘敏", "青河经济开发区管理委员会")] == "副主任"


def test_a_bare_group_joining_an_alliance_is_the_group_not_its_branch():
    relations = _relations(
        "河南豫丰装备集团股份有限公司（以下简称“豫丰集团”）传来喜讯：豫丰集团西安分公司在西安市雁塔区揭牌成立，"
        "集团正式加入中原智能制造产业联盟。"
    )
    assert ("河南豫丰装备集团股份有限公司", "memberOf", "中原智能制造产业联盟") in relations
    assert ("豫丰集团西安分公司", "memberOf", "中原智能制造产业联盟") not in relations


def test_the_subject_of_the_last_clause_before_a_semicolon_carries_past_a_speakers_post():
    relations = _relations(
        "青河县位于湖南省北部。白沙镇镇长王建国介绍，白沙镇将依托农产品加工园，推进种植基地建设；"
        "启动“千亩茶园提升工程”，带动农户增收。"
    )
    assert ("白沙镇", "implements", "千亩茶园提升工程") in relations


def test_a_company_setting_up_a_centre_in_a_city_is_not_placed_there():
    relations = _relations("湖南岳峰建工集团有限公司在长沙市成立岳峰工程技术研究院。")
    assert ("湖南岳峰建工集团有限公司", "locatedIn", "长沙市") not in relations
