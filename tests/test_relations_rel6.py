"""Company announcements: names, references and relation rules, sixth round
(invented sentences, none from the scored sets)."""

from tests.helpers import doc as _doc, names as _names, relations as _relations


def _positions(text):
    doc = _doc(text)
    names = {e.key: e.name for e in doc.entities}
    return {(names[r.subject], names[r.object]): r.position for r in doc.relations if r.predicate == "worksFor"}


ANNOUNCEMENT = "江苏澄禾食品股份有限公司（以下简称“公司”或“澄禾食品”）于近日召开董事会。"


def test_a_company_name_opens_with_its_city_even_where_jieba_reads_the_city_as_a_verb():
    names = _names("包头澄禾新材料有限公司在此落户。")
    assert ("Company", "包头澄禾新材料有限公司") in names
    assert ("Company", "澄禾新材料有限公司") not in names


def test_a_brand_jieba_cut_into_characters_after_a_city_stays_in_the_name():
    names = _names("公司在宁德市蕉城区设立全资子公司宁德澄泓海洋生物科技有限公司。")
    assert ("Company", "宁德澄泓海洋生物科技有限公司") in names


def test_a_county_short_name_that_is_a_common_word_does_not_join_a_name():
    names = _names("全县扎实推进乡村振兴示范村创建工作。")
    assert not any(name.endswith("乡村振兴示范村") for _, name in names)


def test_a_national_association_keeps_its_national_prefix():
    assert ("Alliance", "全国海洋食品加工企业协会") in _names("公司为全国海洋食品加工企业协会副会长单位。")


def test_a_member_post_glued_to_the_association_does_not_hide_it():
    relations = _relations("漳州澄禾水产品有限公司为漳州市食品工业协会理事单位。")
    assert ("漳州澄禾水产品有限公司", "memberOf", "漳州市食品工业协会") in relations


def test_a_direction_before_a_regions_head_belongs_to_the_name():
    names = _names("莲塘高新区管委会当选中部地区开发区协会常务理事单位。")
    assert ("Alliance", "中部地区开发区协会") in names


def test_a_short_name_given_in_a_parenthesis_with_a_remark_before_it():
    relations = _relations(
        "公司拟在宁德市设立宁德澄泓海洋生物科技有限公司（暂定名，以核准为准，以下简称“宁德澄泓”）。"
        "宁德澄泓将实施宁德大黄鱼精深加工项目。"
    )
    assert ("宁德澄泓海洋生物科技有限公司", "implements", "宁德大黄鱼精深加工项目") in relations


def test_公司_in_a_companys_own_announcement_is_that_company():
    relations = _relations(
        ANNOUNCEMENT + "公司控股股东为江苏澄禾控股集团有限公司（以下简称“澄禾控股”）。"
        "公司为全国食品加工企业协会副会长单位、江苏省水产品加工行业协会会长单位，并于2024年加入江苏省食品产业技术创新战略联盟。"
    )
    company = "江苏澄禾食品股份有限公司"
    assert (company, "subOrganizationOf", "江苏澄禾控股集团有限公司") in relations
    assert (company, "memberOf", "全国食品加工企业协会") in relations
    assert (company, "memberOf", "江苏省水产品加工行业协会") in relations
    assert (company, "memberOf", "江苏省食品产业技术创新战略联盟") in relations
    assert ("江苏澄禾控股集团有限公司", "memberOf", "全国食品加工企业协会") not in relations


def test_companies_listed_as_further_units_of_a_group():
    relations = _relations("澄禾控股集团有限公司旗下另有江苏澄禾渔业有限公司、南通澄禾置业有限公司等企业。")
    assert ("江苏澄禾渔业有限公司", "subOrganizationOf", "澄禾控股集团有限公司") in relations
    assert ("南通澄禾置业有限公司", "subOrganizationOf", "澄禾控股集团有限公司") in relations


def test_subsidiaries_listed_one_per_clause_past_semicolons():
    relations = _relations(
        ANNOUNCEMENT + "公司拥有全资子公司三家：南通澄禾水产品有限公司，位于南通市海门区；"
        "盐城澄禾冷链物流有限公司，位于盐城市东台市；连云港澄禾养殖有限公司，位于连云港市赣榆区。"
        "盐城澄禾冷链物流有限公司负责仓储。"
    )
    company = "江苏澄禾食品股份有限公司"
    for unit in ("南通澄禾水产品有限公司", "盐城澄禾冷链物流有限公司", "连云港澄禾养殖有限公司"):
        assert (unit, "subOrganizationOf", company) in relations
    assert ("南通澄禾水产品有限公司", "locatedIn", "海门区") in relations


def test_a_list_stops_at_the_full_stop():
    relations = _relations(
        ANNOUNCEMENT + "公司拥有全资子公司一家：南通澄禾水产品有限公司，位于南通市海门区。"
        "盐城澄禾冷链物流有限公司，位于盐城市东台市。"
    )
    assert ("盐城澄禾冷链物流有限公司", "subOrganizationOf", "江苏澄禾食品股份有限公司") not in relations


def test_a_subsidiary_set_up_after_its_funding_is_the_companys_unit():
    relations = _relations(ANNOUNCEMENT + "公司拟以自有资金2亿元在盐城市亭湖区设立全资子公司盐城澄禾生物科技有限公司。")
    assert ("盐城澄禾生物科技有限公司", "subOrganizationOf", "江苏澄禾食品股份有限公司") in relations
    assert ("盐城澄禾生物科技有限公司", "locatedIn", "亭湖区") in relations


def test_a_management_team_after_a_colon_works_for_the_company():
    positions = _positions(
        ANNOUNCEMENT + "调整后，公司管理层组成如下：董事长陈立新，总经理周雅文，副总经理兼董事会秘书王建国，财务总监刘思远。"
    )
    company = "江苏澄禾食品股份有限公司"
    assert positions.get(("陈立新", company)) == "董事长"
    assert positions.get(("周雅文", company)) == "总经理"
    assert positions.get(("刘思远", company)) == "财务总监"


def test_a_branch_with_its_business_site_and_its_head_on_the_next_line():
    text = (ANNOUNCEMENT + "（一）江苏澄禾食品股份有限公司苏州分公司，营业场所位于苏州市吴中区，主要负责华东销售。"
            "负责人：孙晓燕。")
    relations = _relations(text)
    branch = "江苏澄禾食品股份有限公司苏州分公司"
    assert (branch, "locatedIn", "吴中区") in relations
    assert _positions(text).get(("孙晓燕", branch)) == "负责人"


def test_a_head_line_after_a_sentence_about_no_body_says_nothing():
    relations = _relations("会议在苏州市吴中区举行。负责人：孙晓燕。")
    assert not any(p == "worksFor" for _, p, _ in relations)


def test_公司_after_由_and_a_post_set_to_be_held():
    positions = _positions(
        ANNOUNCEMENT + "盐城澄禾生物科技有限公司拟由公司副总经理王建国担任执行董事兼总经理。"
    )
    assert positions.get(("王建国", "江苏澄禾食品股份有限公司")) == "副总经理"
    assert positions.get(("王建国", "盐城澄禾生物科技有限公司")) == "执行董事兼总经理"



def test_a_park_named_by_its_trade_keeps_its_county():
    names = _names("签约仪式在梨树县农产品加工产业园举行。")
    assert ("Park", "梨树县农产品加工产业园") in names
    assert ("Park", "农产品加工产业园") not in names


def test_a_project_named_after_the_verb_that_signs_or_builds_it():
    relations = _relations(
        "规模最大的是吉林禾丰粮食集团有限公司投资18亿元建设的禾丰玉米淀粉及变性淀粉项目。"
        "山东鲁澄新能源有限公司签约孟家岭200兆瓦风电项目，总投资14亿元。"
    )
    assert ("吉林禾丰粮食集团有限公司", "implements", "禾丰玉米淀粉及变性淀粉项目") in relations
    assert ("山东鲁澄新能源有限公司", "implements", "孟家岭200兆瓦风电项目") in relations


def test_a_signed_list_of_kinds_is_no_project():
    names = _names("上海澄屿智能装备有限公司、广东粤岚食品集团有限公司分别签约智能装备和预制菜项目。")
    assert not any(kind == "Project" for kind, _ in names)


def test_项目_opening_a_sentence_is_the_project_just_named():
    relations = _relations(
        "吉林禾丰粮食集团有限公司投资18亿元建设禾丰玉米深加工项目。项目将落户梨树县农产品加工产业园，建成后年加工玉米60万吨。"
    )
    assert ("禾丰玉米深加工项目", "locatedIn", "梨树县农产品加工产业园") in relations


def test_a_post_in_brackets_after_a_name():
    positions = _positions("山东鲁澄新能源有限公司副总经理丁海波（梨树鲁澄新能源有限公司执行董事）介绍，项目明年开工。")
    assert positions.get(("丁海波", "梨树鲁澄新能源有限公司")) == "执行董事"


def test_a_direction_or_rank_word_after_a_place_stays_in_an_alliances_name():
    names = _names("高台县人民医院加入了张掖市胸痛救治专科联盟和甘肃省县级医院发展联盟。")
    assert ("Alliance", "张掖市胸痛救治专科联盟") in names
    assert ("Alliance", "甘肃省县级医院发展联盟") in names


def test_a_rank_after_a_province_is_no_park_name():
    names = _names("该园区获评辽宁省省级特色产业园区。")
    assert ("Park", "辽宁省省级特色产业园区") not in names


def test_joining_an_alliance_another_body_leads_and_a_second_one():
    relations = _relations("高台县人民医院加入了张掖市人民医院牵头的张掖市胸痛救治专科联盟和甘肃省县级医院发展联盟。")
    assert ("高台县人民医院", "memberOf", "张掖市胸痛救治专科联盟") in relations
    assert ("高台县人民医院", "memberOf", "甘肃省县级医院发展联盟") in relations
    assert ("高台县人民医院", "memberOf", "张掖市人民医院") not in relations


def test_member_units_of_a_group_formed_with_a_lead_hospital():
    relations = _relations(
        "2022年，临泽县组建以临泽县人民医院为牵头医院的临泽县医疗健康总院（以下简称“总院”），"
        "成员单位包括临泽县中医医院、临泽县妇幼保健院，以及沙河镇中心卫生院等7家乡镇卫生院。"
    )
    group = "临泽县医疗健康总院"
    for member in ("临泽县人民医院", "临泽县中医医院", "临泽县妇幼保健院", "沙河镇中心卫生院"):
        assert (member, "memberOf", group) in relations


def test_a_branch_takes_the_kind_of_its_body():
    names = _names("牵头单位：中国人民银行河南省分行。中国农业银行徐州分行和辽河口农村商业银行鲅鱼圈支行参加。")
    assert ("GovernmentBody", "中国人民银行河南省分行") in names
    assert ("Company", "中国农业银行徐州分行") in names
    assert ("Company", "辽河口农村商业银行鲅鱼圈支行") in names


def test_lead_and_supporting_units_of_a_notices_task_carry_it_out():
    text = ("河南省人民政府办公厅印发通知。\n"
            "（一）实施“千企诊断”工程。每年为1000家企业开展免费诊断。牵头单位：省工业和信息化厅；配合单位：河南省中小企业发展促进中心。\n"
            "（二）推出“数转贷”。牵头单位：河南省财政厅。\n")
    relations = _relations(text)
    assert ("省工业和信息化厅", "implements", "千企诊断工程") in relations
    assert ("河南省中小企业发展促进中心", "implements", "千企诊断工程") in relations
    assert ("河南省财政厅", "implements", "数转贷") in relations
    assert ("河南省财政厅", "implements", "千企诊断工程") not in relations


def test_a_companys_short_form_without_its_place_and_legal_form_is_the_company():
    positions = _positions("宜春恒澄电池科技有限公司落户高新区。恒澄电池总经理韦国强表示，企业发展很快。")
    assert positions.get(("韦国强", "宜春恒澄电池科技有限公司")) == "总经理"


def test_a_common_word_is_no_short_form():
    names = _names("宜春新能源科技有限公司落户高新区。新能源产业发展很快。")
    assert ("Company", "新能源") not in names


def test_a_research_institute_referred_to_by_its_head_word():
    relations = _relations("园区与赣南理工学院共建澄江锂电产业研究院，研究院设在澄江科创大厦，现有研发人员130人。")
    assert ("澄江锂电产业研究院", "locatedIn", "澄江科创大厦") in relations


def test_a_company_a_park_committee_funds_and_forms_is_its_unit():
    relations = _relations(
        "澄江高新区管理委员会（以下简称“管委会”）出资组建的澄江高新区投资发展集团有限公司负责园区基础设施建设。"
    )
    assert ("澄江高新区投资发展集团有限公司", "subOrganizationOf", "澄江高新区管理委员会") in relations


def test_parks_a_zone_builds_inside_itself_are_in_it():
    relations = _relations("澄江高新区在区内规划建设了澄江锂电新材料产业园和澄江数字经济产业园两个园中园。")
    assert ("澄江锂电新材料产业园", "locatedIn", "澄江高新区") in relations
    assert ("澄江数字经济产业园", "locatedIn", "澄江高新区") in relations


ROSTER = (
    "关于调整澄湖区重点项目建设指挥部组成人员的通知\n"
    "决定对澄湖区重点项目建设指挥部（以下简称“指挥部”）组成人员进行调整。现将调整后的名单通知如下：\n"
    "总 指 挥：韩立新　区委副书记、区长\n"
    "副总指挥：武晓军　副区长\n"
    "　　　　　王志平　区发展和改革局局长\n"
    "成　　员：李海峰　区工业和信息化局副局长\n"
    "　　　　　申雅娟　区自然资源局局长\n"
)


def test_a_label_spread_by_spaces_stays_in_its_row():
    doc = _doc(ROSTER)
    assert any(s.text.startswith("成　　员：李海峰") for s in doc.sentences)


def test_every_person_on_a_roster_row_is_found():
    names = _names(ROSTER)
    for person in ("韩立新", "武晓军", "王志平", "李海峰", "申雅娟"):
        assert ("Person", person) in names


def test_a_roster_row_holds_its_label_in_the_group_and_its_post_in_its_body():
    positions = _positions(ROSTER)
    group = "澄湖区重点项目建设指挥部"
    assert positions.get(("韩立新", group)) == "总指挥"
    assert positions.get(("武晓军", group)) == "副总指挥"
    assert positions.get(("王志平", group)) == "副总指挥"  # the label of the row above
    assert positions.get(("申雅娟", group)) == "成员"
    assert positions.get(("王志平", "区发展和改革局")) == "局长"
    assert positions.get(("李海峰", "区工业和信息化局")) == "副局长"


def test_two_spaces_between_words_still_end_a_sentence():
    doc = _doc("澄湖区召开大会　　会议由区长主持。")
    assert len(doc.sentences) == 2


ANNOUNCEMENT_2 = (
    "黑龙江龙澄重锻装备股份有限公司（以下简称“公司”或“龙澄重锻”）召开董事会，审议通过设立子公司的议案。"
    "公司拟以自有资金在齐齐哈尔市富拉尔基区出资设立全资子公司齐齐哈尔龙澄核能装备有限公司"
    "（暂定名，以下简称“龙澄核能”），并由龙澄核能作为实施主体投资建设核电大型锻件智能化产线项目。\n"
    "1.公司名称：齐齐哈尔龙澄核能装备有限公司\n"
    "2.注册地址：黑龙江省齐齐哈尔市富拉尔基区红岸街道\n"
    "公司董事、副总经理贺立林拟兼任龙澄核能执行董事兼总经理。\n"
    "关于投资建设龙澄核电大型锻件智能化产线项目的说明。\n"
)


def test_a_subsidiary_set_up_with_own_funds_and_its_project_and_address():
    relations = _relations(ANNOUNCEMENT_2)
    unit = "齐齐哈尔龙澄核能装备有限公司"
    assert (unit, "subOrganizationOf", "黑龙江龙澄重锻装备股份有限公司") in relations
    assert (unit, "implements", "龙澄核电大型锻件智能化产线项目") in relations
    assert (unit, "locatedIn", "黑龙江省") in relations
    assert (unit, "locatedIn", "红岸街道") in relations


def test_a_project_named_with_and_without_its_firms_name_is_one_node():
    names = _names(ANNOUNCEMENT_2)
    projects = [name for kind, name in names if kind == "Project"]
    assert projects == ["龙澄核电大型锻件智能化产线项目"]


def test_a_post_one_is_to_take_up():
    positions = _positions(ANNOUNCEMENT_2)
    assert positions.get(("贺立林", "齐齐哈尔龙澄核能装备有限公司")) == "执行董事兼总经理"


def test_a_rare_character_jieba_cannot_tag_stays_in_a_name():
    names = _names("澄瓷陶瓷产业园位于藤县濛江镇，规划面积8平方公里。")
    assert ("Subdistrict", "濛江镇") in names


def test_the_first_members_of_the_alliance_the_sentence_opens_with():
    relations = _relations(
        "西澄陶瓷产业协同发展联盟（以下简称“联盟”）在藤县成立。"
        "联盟由广西藤澄集团有限公司联合梧州西江职业技术学院共同发起，首批成员单位包括佛山市南澄建陶有限公司、"
        "肇庆华澄釉料科技有限公司等42家企业。"
    )
    for member in ("佛山市南澄建陶有限公司", "肇庆华澄釉料科技有限公司"):
        assert (member, "memberOf", "西澄陶瓷产业协同发展联盟") in relations


def test_a_project_named_for_a_town_is_not_the_project_of_a_firm_named_for_it():
    relations = _relations(
        "澄瓷产业园位于藤县濛江镇。广西濛江新型建材有限公司落户园区。藤县恒澄物流有限公司将投资3.2亿元建设濛江临港码头二期项目。"
    )
    assert ("广西濛江新型建材有限公司", "implements", "濛江临港码头二期项目") not in relations
    assert ("藤县恒澄物流有限公司", "implements", "濛江临港码头二期项目") in relations


def test_a_project_named_after_建设_and_one_of_a_kind_that_is_not():
    names = _names("宝鸡凌澄轨道装备有限公司在园区西区建设凌澄轨道车辆制动系统项目。全省实施高标准农田项目。")
    assert ("Project", "凌澄轨道车辆制动系统项目") in names
    assert ("Project", "高标准农田项目") not in names


def test_a_quarter_opening_a_phrase_is_no_part_of_a_park_name():
    names = _names("据了解，今年一季度渭北产业园实现规上工业产值41.7亿元。")
    assert not any(name.startswith("一季度") for _, name in names)


def test_where_two_roads_meet_is_no_office():
    relations = _relations("澄谷创新大厦建成启用。该大厦位于渭北大道与虢川路交汇处。")
    assert not any(kind == "GovernmentBody" for kind, _ in _names("该大厦位于渭北大道与虢川路交汇处。"))
    assert ("澄谷创新大厦", "locatedIn", "虢川路") in relations


def test_units_listed_after_下设_are_the_bodys_units():
    relations = _relations(
        "园区由陈仓区渭北产业园管理委员会（以下简称“园区管委会”）负责开发运营，管委会下设招商服务中心、规划建设局和企业服务局。"
    )
    for unit in ("招商服务中心", "规划建设局", "企业服务局"):
        assert (unit, "subOrganizationOf", "陈仓区渭北产业园管理委员会") in relations


def test_该行_is_the_bank_named_last():
    relations = _relations("园区管委会与中国银行宝鸡陈仓支行签订协议，该行将为园区企业推出“钛澄贷”专项信贷产品。")
    assert ("中国银行宝鸡陈仓支行", "implements", "钛澄贷") in relations


def test_a_policy_of_measures_a_government_issues():
    relations = _relations("陈仓区人民政府同步发布《陈仓区支持先进制造业高质量发展若干措施》，对新落户企业给予补贴。")
    assert ("陈仓区人民政府", "implements", "陈仓区支持先进制造业高质量发展若干措施") in relations


def test_a_short_form_after_a_county_short_name_and_该公司_after_it():
    positions = _positions(
        "建阳竹韵新材料有限公司参加签约。南平瓯澄陶瓷原料有限公司也在场。"
        "竹韵新材料位于建阳区麻沙镇。该公司副总经理吴立宇介绍了情况。"
    )
    assert positions.get(("吴立宇", "建阳竹韵新材料有限公司")) == "副总经理"


def test_a_lab_named_after_the_verb_that_founds_it():
    relations = _relations("武夷农林学院将与瓯澄建盏共建建窑烧制工艺联合实验室，实验室设在建阳区水吉镇。")
    assert ("建窑烧制工艺联合实验室", "locatedIn", "水吉镇") in relations


def test_a_second_post_after_a_pause_is_at_the_same_body():
    positions = _positions("澄湖科技有限公司董事长张伟、总经理李红出席。")
    assert positions.get(("李红", "澄湖科技有限公司")) == "总经理"


def test_a_government_post_after_a_pause_is_not_at_the_company():
    positions = _positions("澄湖科技有限公司董事长张伟、副区长李红出席。")
    assert ("李红", "澄湖科技有限公司") not in positions


def test_a_place_and_a_body_joined_by_与_are_two():
    names = _names("孟连县与普洱南亚热带作物研究所签订科技帮扶协议。")
    assert not any(name.startswith("孟连县与") for _, name in names)


def test_a_stay_in_villages_is_no_village_and_a_place_inside_a_village_name_is_no_region():
    names = _names("县委组织部选派驻村第一书记186名。全县确定芒信镇海东村为示范村。")
    assert not any(name.endswith("驻村") for _, name in names)
    assert ("Community", "海东村") in names
    assert not any(kind == "City" for kind, _ in names)


def test_a_working_group_named_by_its_task_is_a_body():
    names = _names("区里成立招商引资工作领导小组，统筹推进。")
    assert ("GovernmentBody", "招商引资工作领导小组") in names


def test_members_an_association_takes_in():
    relations = _relations("孟连县咖啡产业协会吸纳孟连佤澄生豆贸易有限公司、孟连澄河咖啡有限公司等36家会员单位。")
    assert ("孟连佤澄生豆贸易有限公司", "memberOf", "孟连县咖啡产业协会") in relations
    assert ("孟连澄河咖啡有限公司", "memberOf", "孟连县咖啡产业协会") in relations


def test_an_alliance_named_after_加入_with_a_verb_inside():
    names = _names("推动全省技术转移机构加入皖澄技术转移联盟。")
    assert ("Alliance", "皖澄技术转移联盟") in names


def test_parks_described_by_位于_places_的_are_named_and_placed_each_in_its_own():
    relations = _relations("支持位于合肥市蜀山区的蜀澄科技成果转化示范园和位于芜湖市鸠江区的鸠澄成果转化产业园建设中试基地。")
    assert ("蜀澄科技成果转化示范园", "locatedIn", "蜀山区") in relations
    assert ("鸠澄成果转化产业园", "locatedIn", "鸠江区") in relations
    assert ("蜀澄科技成果转化示范园", "locatedIn", "鸠江区") not in relations


GROUP_REPORT = (
    "浙江澄拓模塑科技集团股份有限公司（以下简称“公司”）2024年度报告摘要\n"
    "二、子公司及分支机构\n"
    "截至报告期末，公司拥有两家全资子公司：\n"
    "（一）台州澄拓精密模具有限公司，位于黄岩区新前街道；\n"
    "（二）宁波澄拓汽车零部件有限公司，位于宁波市北仑区。\n"
    "五、主要管理人员\n"
    "董事长叶国强；副董事长、总经理叶晨光；副总经理兼董事会秘书郑佳伟；财务总监陶雪梅。\n"
)


def test_subsidiaries_listed_on_numbered_lines_after_a_colon():
    relations = _relations(GROUP_REPORT)
    for unit in ("台州澄拓精密模具有限公司", "宁波澄拓汽车零部件有限公司"):
        assert (unit, "subOrganizationOf", "浙江澄拓模塑科技集团股份有限公司") in relations


def test_the_team_listed_under_a_heading_works_for_the_company():
    positions = _positions(GROUP_REPORT)
    company = "浙江澄拓模塑科技集团股份有限公司"
    assert positions.get(("叶国强", company)) == "董事长"
    assert positions.get(("叶晨光", company)) == "副董事长、总经理"
    assert positions.get(("陶雪梅", company)) == "财务总监"


ALLIANCE_MEETING = (
    "海南热带果蔬澄链产业联盟（以下简称“联盟”）召开年会。"
    "目前，联盟已有会员单位112家，主要成员单位包括海南椰澄冷链物流集团有限公司、澄迈老城澄链仓储有限公司等。"
    "海南椰澄冷链物流集团有限公司董事长符振华当选联盟理事长，三亚南澄鲜果供应链有限公司总经理李明辉、"
    "海南鲜澄冷藏运输有限公司董事长云秀华当选副理事长。"
    "年会现场，椰澄冷链与澄迈县人民政府签署了投资协议。"
)


def test_members_of_the_alliance_a_sentence_opens_with_after_a_time_word():
    relations = _relations(ALLIANCE_MEETING)
    assert ("澄迈老城澄链仓储有限公司", "memberOf", "海南热带果蔬澄链产业联盟") in relations


def test_a_county_jieba_tags_as_a_state_word_opens_a_company_name():
    assert ("Company", "澄迈老城澄链仓储有限公司") in _names(ALLIANCE_MEETING)


def test_a_firm_and_a_county_government_joined_by_与_are_two():
    names = _names(ALLIANCE_MEETING)
    assert ("GovernmentBody", "澄迈县人民政府") in names
    assert not any(name.endswith("与澄迈县人民政府") for _, name in names)


def test_officers_elected_to_an_alliance():
    positions = _positions(ALLIANCE_MEETING)
    alliance = "海南热带果蔬澄链产业联盟"
    assert positions.get(("符振华", alliance)) == "理事长"
    assert positions.get(("李明辉", alliance)) == "副理事长"
    assert positions.get(("云秀华", alliance)) == "副理事长"
    assert positions.get(("符振华", "海南椰澄冷链物流集团有限公司")) == "董事长"
