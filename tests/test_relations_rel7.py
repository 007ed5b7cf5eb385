"""Lists by place, headlines and names that open with an unusual word: seventh
round (invented names; the divisions are real)."""

from kg.resolve import focus_region
from tests.helpers import doc as _doc, names as _names, relations as _relations


LIST_BY_DISTRICT = (
    "湖州市新增5家小巨人企业\n\n"
    "名单如下：\n\n"
    "吴兴区：浙江澄溪精密机械有限公司、湖州岚曜新材料有限公司；\n\n"
    "长兴县：浙江长禾电池科技股份有限公司。\n\n"
    "长兴县今年出台了扶持政策，长兴县的企业数量创新高，长兴县表示将继续努力。"
)


def test_companies_listed_under_a_district_heading_are_in_that_district():
    found = _relations(LIST_BY_DISTRICT)
    assert ("浙江澄溪精密机械有限公司", "locatedIn", "吴兴区") in found
    assert ("湖州岚曜新材料有限公司", "locatedIn", "吴兴区") in found
    assert ("浙江长禾电池科技股份有限公司", "locatedIn", "长兴县") in found
    assert ("湖州岚曜新材料有限公司", "locatedIn", "长兴县") not in found


def test_a_place_followed_by_other_words_is_no_heading():
    found = _relations("吴兴区：今年浙江澄溪精密机械有限公司搬迁至长兴县。")
    assert ("浙江澄溪精密机械有限公司", "locatedIn", "吴兴区") not in found


def test_the_region_in_the_headline_is_the_focus_though_a_county_is_named_more_often():
    doc = _doc(LIST_BY_DISTRICT)
    assert focus_region(doc).name == "湖州市"
    found = _relations(LIST_BY_DISTRICT)
    assert ("长兴县", "partOf", "湖州市") in found and ("吴兴区", "partOf", "湖州市") in found


def test_a_place_that_opens_with_a_word_for_many_is_still_a_place():
    names = _names("诸暨市教育局表示，诸暨市：诸暨澄感传感技术有限公司、浙江岚曜新材料有限公司。")
    assert ("GovernmentBody", "诸暨市教育局") in names
    assert not any(name.startswith("诸多") for _, name in _names("诸多企业协会表示支持。"))


def test_a_listed_firm_may_have_a_verb_for_a_name_after_its_place():
    names = _names("名单：浙江澄溪精密机械有限公司、余姚感知传感技术有限公司。")
    assert ("Company", "余姚感知传感技术有限公司") in names
    names = _names("北京市朝阳区设立浙江澄溪精密机械有限公司北京分公司。")
    assert not any("设立" in name for _, name in names)


def test_a_subsidiary_named_like_its_parent_is_another_firm():
    doc = _doc("广东澄丰电器科技股份有限公司（以下简称“澄丰电器”）成立于2006年。1．江门澄丰电器有限公司：全资子公司。")
    names = {e.name: e.aliases for e in doc.entities if e.type == "Company"}
    assert set(names) == {"广东澄丰电器科技股份有限公司", "江门澄丰电器有限公司"}
    assert "澄丰电器" in names["广东澄丰电器科技股份有限公司"]


def test_the_subsidiary_in_a_place_is_the_one_firm_named_after_that_place():
    doc = _doc("澄丰集团全资子公司泸州澄丰精密铸造有限公司新厂区投产。泸州子公司成立于2016年。")
    firm = next(e for e in doc.entities if e.name == "泸州澄丰精密铸造有限公司")
    assert "泸州子公司" in firm.aliases


def test_a_clause_with_is_in_it_is_no_name():
    assert not any("是" in name for _, name in _names("罗国富表示，泸州川岷新厂区投产是集团“十四五”产能布局的重要一步。"))


ANNUAL_REPORT = (
    "广东澄丰电器科技股份有限公司（以下简称“澄丰电器”或“本公司”）成立于2006年。\n\n"
    "1．江门澄丰电器有限公司：全资子公司，位于广东省江门市鹤山市共和镇，主要生产电饭煲。\n\n"
    "3．济南澄丰电机有限公司：控股子公司，本公司持股75%，位于山东省济南市章丘区明水街道。\n\n"
    "4．香港澄丰国际贸易有限公司：全资子公司，注册于香港。\n\n"
    "5．澄丰电器（墨西哥）有限公司：由香港澄丰国际贸易有限公司持股100%，位于墨西哥新莱昂州蒙特雷市。"
)


def test_each_numbered_line_places_the_firm_it_opens_with():
    found = _relations(ANNUAL_REPORT)
    for place in ("广东省", "江门市", "鹤山市", "共和镇"):
        assert ("江门澄丰电器有限公司", "locatedIn", place) in found
    for place in ("山东省", "济南市", "章丘区", "明水街道"):
        assert ("济南澄丰电机有限公司", "locatedIn", place) in found
        assert ("广东澄丰电器科技股份有限公司", "locatedIn", place) not in found  # 本公司持股75% only owns it
    assert ("香港澄丰国际贸易有限公司", "locatedIn", "香港") in found
    for place in ("墨西哥", "新莱昂州", "蒙特雷市"):
        assert ("澄丰电器（墨西哥）有限公司", "locatedIn", place) in found


def test_places_abroad_after_their_country_are_found_and_nested():
    found = _relations("公司在美国加利福尼亚州圣何塞市设立研发中心，开拓美国市场。")
    assert ("加利福尼亚州", "partOf", "美国") in found and ("圣何塞市", "partOf", "加利福尼亚州") in found
    assert not any("市场" in name for _, name in _names("公司在美国加利福尼亚州圣何塞市设立研发中心，开拓美国市场。"))


def test_this_company_is_the_one_just_named_and_our_company_the_writer():
    text = ANNUAL_REPORT + "\n\n2．安徽澄丰智能家电有限公司：全资子公司。该公司投资9.8亿元建设的宁国智能厨电项目已完成一期厂房建设。"
    found = _relations(text)
    assert ("安徽澄丰智能家电有限公司", "implements", "宁国智能厨电项目") in found
    assert ("广东澄丰电器科技股份有限公司", "implements", "宁国智能厨电项目") not in found


def test_a_brand_jieba_cuts_into_rare_characters_stays_in_a_bracketed_name():
    assert ("Company", "榄丰电器（墨西哥）有限公司") in _names("5．榄丰电器（墨西哥）有限公司：位于墨西哥。")


def test_the_writer_is_the_parent_of_a_numbered_line_s_subsidiary_and_the_holder_of_its_shares_too():
    found = _relations(ANNUAL_REPORT)
    assert ("江门澄丰电器有限公司", "subOrganizationOf", "广东澄丰电器科技股份有限公司") in found
    assert ("济南澄丰电机有限公司", "subOrganizationOf", "广东澄丰电器科技股份有限公司") in found
    assert ("澄丰电器（墨西哥）有限公司", "subOrganizationOf", "香港澄丰国际贸易有限公司") in found


def test_a_team_heading_may_go_on_with_what_else_it_lists():
    text = ANNUAL_REPORT + "\n\n五、主要管理人员及行业任职\n\n董事长何永昌；董事、总经理何嘉伟。"
    found = _relations(text)
    assert ("何永昌", "worksFor", "广东澄丰电器科技股份有限公司") in found
    assert ("何嘉伟", "worksFor", "广东澄丰电器科技股份有限公司") in found


def test_a_district_named_in_two_cities_is_known_by_its_city_written_before_it():
    found = _relations("公司在北京市朝阳区设立广东澄丰电器科技股份有限公司北京分公司。")
    assert ("朝阳区", "partOf", "北京市") in found
    assert ("广东澄丰电器科技股份有限公司北京分公司", "locatedIn", "朝阳区") in found


def test_a_word_for_a_body_s_kind_before_its_name_is_not_part_of_it():
    text = "公司研发中心澄丰电器研究院位于广东省深圳市南山区的鹏榄科技大厦。"
    assert ("EducationalOrganization", "澄丰电器研究院") in _names(text)
    assert ("澄丰电器研究院", "locatedIn", "南山区") in _relations(text)
    assert ("EducationalOrganization", "澄丰大学物理研究所") in _names("澄丰大学物理研究所发布成果。")  # a field is no name


def test_a_head_office_and_registered_seat_place_the_company():
    found = _relations("广东澄丰电器科技股份有限公司成立于2006年，注册地及总部位于广东省中山市小榄镇澄丰大厦。")
    assert ("广东澄丰电器科技股份有限公司", "locatedIn", "小榄镇") in found


def test_what_owns_the_one_that_settles_does_not_settle():
    found = _relations("澄丰集团研发中心澄丰电器研究院位于深圳市南山区。")
    assert ("澄丰电器研究院", "locatedIn", "南山区") in found
    assert ("澄丰集团", "locatedIn", "南山区") not in found


INSTITUTE = (
    "由澄川理工大学与常州市武进区人民政府共建的澄川理工大学武进智能装备研究院（以下简称“武进研究院”）正式揭牌。"
    "江苏省科学技术厅二级巡视员唐慧出席仪式。\n\n"
    "武进研究院位于南夏墅街道澄南智造产业园内的智造创新大厦。澄川理工大学机械工程学院院长邹立群任首任院长。\n\n"
    "武进研究院下设工业机器人与智能控制实验室、精密传动与减速器实验室、智能感知与检测实验室三个研究室。\n\n"
    "澄南智造产业园是武进区重点打造的智能装备特色园区。"
)


def test_a_named_university_s_institute_is_one_name_and_the_university_s_unit():
    found = _relations(INSTITUTE)
    assert ("澄川理工大学武进智能装备研究院", "subOrganizationOf", "澄川理工大学") in found
    assert ("澄川理工大学机械工程学院", "subOrganizationOf", "澄川理工大学") in found
    assert ("唐慧", "worksFor", "江苏省科学技术厅") in found


def test_labs_listed_after_xia_she_are_named_whole_without_the_count_after_them():
    found = _relations(INSTITUTE)
    for lab in ("工业机器人与智能控制实验室", "精密传动与减速器实验室", "智能感知与检测实验室"):
        assert (lab, "subOrganizationOf", "澄川理工大学武进智能装备研究院") in found


def test_a_building_inside_a_park_holds_what_is_located_in_it_and_a_park_named_with_its_subdistrict_is_one():
    doc = _doc(INSTITUTE)
    parks = [e for e in doc.entities if e.type.endswith("Park") or e.name.endswith("产业园")]
    assert len(parks) == 1
    found = _relations(INSTITUTE)
    assert ("澄川理工大学武进智能装备研究院", "locatedIn", "智造创新大厦") in found


def test_names_written_with_a_middle_dot_are_persons_but_slogans_and_places_are_not():
    text = "由自治区工信厅厅长艾力·买买提担任组长，阿依古丽·吐尔逊介绍说。擦亮“行走河南·读懂中国”文旅品牌。俄罗斯·圣彼得堡"
    persons = {name for cls, name in _names(text) if cls == "Person"}
    assert persons == {"艾力·买买提", "阿依古丽·吐尔逊"}
    assert ("艾力·买买提", "worksFor", "自治区工信厅") in _relations(text)


def test_a_quoted_brand_that_opens_a_long_programme_name_is_part_of_it():
    names = _names("决定在全区组织开展“天池智造”工业设备更新和技术改造专项行动（以下简称“专项行动”）。")
    assert ("Program", "天池智造工业设备更新和技术改造专项行动") in names
    assert ("Program", "天池智造") not in names


def test_a_district_and_its_trade_is_no_company_and_a_park_ends_at_its_park_word():
    names = _names("乌鲁木齐市重点推进米东区化工新材料产业设备更新。支持哈密东山能源装备产业园建设园区级技改平台。")
    assert ("District", "米东区") in names and not any(cls == "Company" for cls, _ in names)
    assert ("Park", "哈密东山能源装备产业园") in names
    assert ("Park", "苏州工业园区") in _names("苏州工业园区发布新政。")


def test_a_registered_firm_followed_by_another_is_no_trade_list():
    names = _names("吴江区国有资本投资集团有限公司与思南县吴思产业园投资开发有限公司合作。")
    assert ("Company", "吴江区国有资本投资集团有限公司") in names


def test_a_name_whose_last_character_jieba_glued_to_the_speech_verb():
    assert ("Person", "钱志明") in _names("恒纺丝绸总经理钱志明说：“把产能放到思南。”")  # 钱志/明说
    assert ("Person", "王明") in _names("总经理王明说，今年很好。")


def test_a_capacity_in_metres_is_part_of_a_project_name_and_a_working_group_is_a_body():
    assert ("Project", "年产1200万米真丝面料项目") in _names("该公司投资3.5亿元建设的年产1200万米真丝面料项目一期已于4月试投产。")
    found = _relations("吴江区对口帮扶思南县工作组组长、思南县委常委、副县长朱建峰介绍。")
    assert ("朱建峰", "worksFor", "吴江区对口帮扶思南县工作组") in found


def test_a_firm_set_up_wholly_by_another_is_its_unit_and_a_firm_then_sets_up_one_where_it_says():
    found = _relations("在园区内，苏州恒纺丝绸科技有限公司（以下简称“恒纺丝绸”）全资设立的思南恒纺丝绸有限公司正在安装设备。")
    assert ("思南恒纺丝绸有限公司", "subOrganizationOf", "苏州恒纺丝绸科技有限公司") in found
    found = _relations("苏州联宏电子有限公司则将在思南县许家坝镇设立思南联宏电子有限公司。")
    assert ("思南联宏电子有限公司", "subOrganizationOf", "苏州联宏电子有限公司") in found
    assert ("思南联宏电子有限公司", "locatedIn", "许家坝镇") in found


def test_places_a_programme_chooses_to_run_it_run_it():
    found = _relations("开展“天池智造”设备更新专项行动（以下简称“专项行动”）。专项行动确定乌鲁木齐市、克拉玛依市和哈密市为首批实施地区。")
    for city in ("乌鲁木齐市", "克拉玛依市", "哈密市"):
        assert (city, "implements", "天池智造设备更新专项行动") in found


def test_a_village_s_shareholding_co_op_is_a_collective_body_and_a_specialised_co_op_a_firm():
    names = _names("竹泉村股份经济合作社联合村民成立了沂南县竹泉果蔬种植专业合作社。")
    assert ("Organization", "竹泉村股份经济合作社") in names
    assert ("Company", "沂南县竹泉果蔬种植专业合作社") in names


def test_places_abroad_where_the_text_goes_and_a_province_jieba_joined_to_its_city():
    names = _names("开行“张家口—二连浩特—莫斯科”班列，该公司已在乌兰巴托设立办事处，货物经蒙古国进境。")
    assert {("City", "莫斯科"), ("City", "乌兰巴托"), ("Country", "蒙古国")} <= names
    assert ("大同", "partOf", "山西") in _relations("主要运送山西大同生产的建材。")  # 山西大同/ns


def test_a_long_name_after_a_post_is_taken_whole_but_not_a_verb_or_an_adverb():
    assert ("Person", "乌云毕力格") in _names("生产调度部经理乌云毕力格说：“很好。”")
    assert ("Person", "扎西多吉") in _names("书记扎西多吉表示，将继续。")
    assert ("Person", "常秀兰") in _names("院长常秀兰则表示，将继续。")
    assert not any(cls == "Person" for cls, _ in _names("专家驻点坐诊，"))


PLATFORMS = (
    "一、江西省重点实验室（2家）\n\n"
    "1．江西省稀土永磁功能材料重点实验室。依托单位：赣南冶金学院；所在地：赣州市；负责人：刘振邦。\n\n"
    "2．江西省陶瓷3D打印工程技术研究中心。依托单位：景德镇瓷源新材料股份有限公司；所在地：景德镇市。\n\n"
    "获评浙江省重点实验室，获批国家工程技术研究中心。经省政府同意。"
)


def test_a_numbered_record_s_field_lines_give_its_host_place_and_head():
    found = _relations(PLATFORMS)
    lab = "江西省稀土永磁功能材料重点实验室"
    assert {(lab, "subOrganizationOf", "赣南冶金学院"), (lab, "locatedIn", "赣州市"), ("刘振邦", "worksFor", lab)} <= found
    centre = "江西省陶瓷3D打印工程技术研究中心"
    assert {(centre, "subOrganizationOf", "景德镇瓷源新材料股份有限公司"), (centre, "locatedIn", "景德镇市")} <= found
    assert ("江西省稀土永磁功能材料重点实验室", "subOrganizationOf", "景德镇瓷源新材料股份有限公司") not in found


def test_a_rank_of_labs_is_no_lab_but_a_body_of_a_level_still_is_one():
    names = {name for _, name in _names(PLATFORMS)}
    assert not names & {"江西省重点实验室", "获评浙江省重点实验室", "获批国家工程技术研究中心", "国家工程技术研究中心"}
    assert "省政府" in names


def test_where_a_firm_comes_from_and_its_head_office_place_it():
    found = _relations("来自浙江温州的温州市瓯联鞋业有限公司与华容县签约华容瓯联鞋服制造项目。")
    assert {("温州市瓯联鞋业有限公司", "locatedIn", "浙江"), ("温州市瓯联鞋业有限公司", "locatedIn", "温州")} <= found
    found = _relations("4月，总部位于河北省张家口市的张家口冀通集装箱运输有限公司开行班列。")  # 集装箱运输/i
    assert ("张家口冀通集装箱运输有限公司", "locatedIn", "张家口市") in found


def test_a_port_office_is_a_body():
    assert ("李晓燕", "worksFor", "二连浩特市口岸办") in _relations("二连浩特市口岸办副主任李晓燕表示，该市将落实。")


def test_a_role_before_a_firm_and_a_body_s_own_office_and_section():
    assert ("Company", "南通滨江数产运营管理有限公司") in _names("由园区运营方南通滨江数产运营管理有限公司负责。")
    assert ("GovernmentBody", "区政府督查室") in _names("各单位报送进展，区政府督查室将任务纳入督查计划。")
    found = _relations("区行政审批局政务服务科：李婧，电话0513-85120576")
    assert ("李婧", "worksFor", "区行政审批局政务服务科") in found


def test_officers_elected_without_the_body_named_hold_posts_in_the_association_just_founded():
    found = _relations(
        "由12家骨干企业发起，成立了桐城市新型包装材料行业协会。"
        "大会选举产生理事会，江海涛当选会长，安徽鑫港彩印包装有限公司总经理方志明当选副会长，秘书长由胡晓光担任。"
    )
    body = "桐城市新型包装材料行业协会"
    assert {("江海涛", "worksFor", body), ("方志明", "worksFor", body), ("胡晓光", "worksFor", body)} <= found
    assert ("方志明", "worksFor", "安徽鑫港彩印包装有限公司") in found


def test_eldercare_canteens_and_volunteer_teams_are_named_and_placed():
    found = _relations("清晨7点半，科苑街道齐润社区的“齐润长者食堂”里已经飘出了香味。")
    assert ("齐润长者食堂", "locatedIn", "齐润社区") in found
    assert ("Organization", "华杉社区银发先锋志愿服务队") in _names("成立了华杉社区“银发先锋”志愿服务队，与网格员结对。")
    assert not any(name.startswith("补齐") for _, name in _names("街道将在其余5个社区补齐长者食堂，力争年底前完成。"))


def test_a_holding_s_subsidiary_is_named_after_the_role_and_its_trade_may_be_a_verb():
    found = _relations("园区由内蒙古北疆陆港运营有限公司（以下简称“北疆陆港公司”）负责运营。"
                       "换装场由北疆陆港公司控股子公司二连浩特通达换装服务有限公司负责作业。")
    assert ("二连浩特通达换装服务有限公司", "subOrganizationOf", "内蒙古北疆陆港运营有限公司") in found
    names = {name for _, name in _names("公司在上海市嘉定区设有浙江岩拓模塑科技集团股份有限公司上海分公司。")}
    assert not any("设有" in name for name in names)
