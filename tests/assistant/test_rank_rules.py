"""The rules beside the fitted ranker (assistant/rank.py `ruled_out`): candidates never given,
whatever the model scores them."""

import pytest

from assistant.question import understand
from assistant.rank import Candidate, features, ruled_out
from assistant.records import Answer


def _ruled_out(question: str, text: str) -> bool:
    q = understand(question, [])
    return ruled_out(features(q, Candidate(Answer("", text, True, [], [], "passage"), "sentence", text), False))


@pytest.mark.parametrize("question, text, out", [
    # a figure asked and nothing else: a passage whose only digits are years, dates, phones is none
    ("年初预算数是多少？", "绩效目标自评表(2022年度)中江县水利局2022年12月30日,负责人电话13990260322", True),
    ("年初预算数是多少？", "年初预算数 20 万元", False),
    ("经费有多少？", "2020年卫片执法补助经费时间:2021-06-28 17:07 来源: 微信公众号:yn2553 QQ公众号:800061629", True),
    ("机井多深？", "新建机井1座,井深300m", False),  # a figure with its unit in letters
    ("全年地方财政收入完成多少？", "2022年全年完成地方财政收入完成1408135万元", False),  # a 7-digit amount is a figure
    ("有哪几个科室？", "设办公室、普及部、学会部三个科室", False),  # asked in words
    # income asked, expenditure answered (and the other way round)
    ("一般公共预算支出比上年增长了多少？", "一般公共预算地方收入完成82876万元,同比增长9.99%", True),
    ("一般公共预算支出比上年增长了多少？", "一般公共预算支出完成90000万元,同比增长3.2%", False),
    ("收入和支出各是多少？", "收入合计100万元", False),  # both asked
    ("人员经费多少？", "公用经费12.5万元", True),
    # what is not X asked ("非本级"), X alone written
    ("二层单位（非本级）的项目有几个？", "其中,本级项目8个,本级项目支出385.58万元", True),
    ("二层单位（非本级）的项目有几个？", "非本级项目13个,支出271.35万元", False),
    ("非税收入多少？", "税收收入48.31亿元,非税收入25.53亿元", False),
    # whether it rose or fell: a passage that writes no change does not say
    ("机关运行经费跟上年比是涨了还是跌了？", "三、机关运行经费情况说明", True),
    ("机关运行经费跟上年比是涨了还是跌了？", "机关运行经费60.21万元，比上年减少3.05万元", False),
    ("收支为啥涨了？", "收支主要用于项目经费安排", False),  # a reason is asked, in words
    # a quantity the genre names by a fixed term, asked and not named
    ("“三公”经费预算多少？", "2022年度机关运行经费预算183.00万元", True),
    ("“三公”经费预算多少？", "2022年度三公经费预算36.75万元", False),
    ("年末结转和结余是多少？", "年末结转结余0.00万元", False),  # 结转和结余 written 结转结余
    # a 自评表's first-level indicator, asked by name: the funds row does not answer it; a line wrap inside it does
    ("司法业务经费的产出指标得了多少分？", "项目名称 司法业务经费 年度资金总额: 620.82万元 620.82万元 100% 10", True),
    ("司法业务经费的产出指标得了多少分？", "产出 指标 50 分 48 分", False),
    # a web page's furniture, whose only figures are a date and an index number
    ("“三公”经费预算多少？", "公开目录 | 三公经费 | 发布日期 | 2025-06-06 |", True),
    ("三公经费预算多少？", "索引号 | 11533025015264594R/20250606-00001 | 三公经费 | 预算 |", True),
    # nothing asked but a unit: a passage without a figure in it
    ("有多少人？", "纳入部门预算编制范围的单位有3个", True),
    ("有多少人？", "局机关在职113人、离休2人", False),
    # a table's header row: the columns asked, and no figure under them
    ("全年预算数和全年执行数分别是多少？", "| 公开14表 | 项目名称 | 营养改善计划 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 |", True),
    ("全年预算数和全年执行数分别是多少？", "| 全年预算数 | 387664.62 | 全年执行数 | 387664.62 |", False),
    # a text layer's header quoted with the one row under it: the columns asked, another row's figures
    ("基本支出和项目支出各是多少？", "科目编码 科目名称 本年支出合计 基本支出 项目支出 208 社会保障和就业支出 5,220.50 3,250.30", True),
    ("基本支出和项目支出各是多少？", "基本支出 3,840.30 项目支出 2,560.20", False),
    # a list's numbering is no figure; an attachment's file name is no answer at all
    ("部门预算总额多少？", "2.全面实施预算编制项目绩效目标管理一是加强预算编制绩效管理;", True),
    ("部门预算总额多少？", "2.部门预算总额803.74万元。", False),
    ("整体绩效自评是什么等级？", "河湖水系2022年整体绩效自评总结报告.docx", True),
    # a total asked: parts laid out are none; a written total, or one part the sum of the rest, is one
    ("这个项目总共多少钱？", "用于康复补贴1.065万元,文化进家庭2.1万元,儿童救助38.472万元", True),
    ("这个项目总共多少钱？", "项目资金共51.937万元,用于康复补贴1.065万元,儿童救助38.472万元", False),
    ("这个项目总共多少钱？", "项目资金100万元,其中中央60万元、省级40万元", False),
    ("这个项目的钱用在哪了？", "用于康复补贴1.065万元,文化进家庭2.1万元,儿童救助38.472万元", False),
    # the thing asked written only among the parts a figure is said to include: that figure is the whole's
    ("基本工资花了多少？", "基本支出2,096.46万元，其中：人员经费1,860.36万元，主要包括基本工资、津贴补贴、奖金", True),
    ("人员经费花了多少？", "基本支出2,096.46万元，其中：人员经费1,860.36万元，主要包括基本工资、津贴补贴、奖金", False),
    # a table's title with its number (公开07表) beside it names a table and says nothing
    ("三公经费决算数是多少？", "一般公共预算财政拨款“三公”经费支出决算表公开07表", True),
    # a reason asked and nothing else: a passage that gives no reason gives no answer
    ("三公经费为什么比预算少？", "“三公”经费决算数小于预算数", True),
    ("三公经费为什么比预算少？", "“三公”经费决算数小于预算数的主要原因是厉行节约", False),
    ("三公经费为什么比预算少？", "三公经费决算数小于预算数，由于压减公务用车运行维护支出", False),
    # a side-by-side table row whose cell naming what is asked is empty: its figure is the other half's
    ("住房保障支出多少？", "| 八、其他收入 | 128.67 | 八、住房保障支出 |  |", True),
    ("住房保障支出多少？", "| 八、其他收入 |  | 八、住房保障支出 | 904.40 |", False),
    ("事业收入多少？", "| 五、事业收入 | 5 |  |  | 五、卫生健康支出 | 35 |  | 2,061,005.17 |", True),  # 5 is its 行次
    # a numbered sentence that opens on another year than the one asked: its figures are that year's
    ("2023年年初预算多少？", "2.2024 年,市财政将预留资金 346.87 万元计入收入,2023 年医疗补助335.27 万元,不列入年初预算", True),
    ("2024年年初预算多少？", "2.2024 年,部门年初预算 1022.89 万元", False),
    # a table flattened into spaces: the line asked is followed by its 行次 and the next line's name
    ("年末结转和结余是多少？", "年初结转和结余 29 年末结转和结余 59 总计 30 10,288,533.55", True),
    ("本年支出合计多少？", "本年支出合计 57.30万元，比上年增加2万元", False),
    ("行政编制人数多少？", "核定行政编制人数 11 名", False),
    # the word asked heads a column among other headers: not a row left empty ("指标值" over "72890")
    ("数量指标的指标值是多少元？", "三级指标 | 指标性质 | 指标值 | 度量单位 | |||| 产出指标 | 数量指标 | 经费 | ﹦ | 72890 | 元 |", False),
    # a change asked of one quantity, every change in the passage of the opposite one (the 增长 is the 收入's)
    ("支出比上年增加了多少？", "收入合计3,034.71万元，支出合计2,943.67万元。与上年相比，收入增加360.55万元，增长13.48%。", True),
    ("支出比上年增加了多少？", "与上年相比，收入增加360.55万元，支出增加300.00万元，增长11.3%。", False),
    # a change asked of an item first written after every change the passage states: those are another's
    ("公务用车购置及运行维护费预算比上年少了多少？",
     "“三公”经费预算数为6.20万元，较上年减少0.60万元，下降8.82%。其中：公务用车购置及运行维护费4.00万元", True),
    ("公务用车购置及运行维护费预算比上年少了多少？", "公务用车购置及运行维护费预算4.00万元，比上年减少0.30万元", False),
    ("收支总计比上年涨了多少？", "收入总计2,766.12万元,支出总计2,766.12万元。收支较上年决算数增加1,842.25万元", False),
    # a passage opening on a year the question does not ask about gives that year's figures
    ("2023年一般公共预算收入的预算数是多少？", "2024年全区一般公共预算收入预期30.10亿元，增长5.2%；", True),
    ("2021年收入比上年增加了多少？", "与2020年度相比，收入增加360.55万元，增长13.48%。", False),  # 2020 is the base
    ("2023年收入多少？", "2023年全区一般公共预算收入完成28.60亿元", False),
    # a grade asked: prose that writes no grade word gives none
    ("整体绩效自评是什么等级？", "一、绩效管理工作开展情况。", True),
    ("整体绩效自评是什么等级？", "部门目标实现率100%,整体绩效自评为优 秀;", False),
    ("整体绩效自评是什么等级？", "对本单位进行了自评,优化市级资源配置。", True),  # 优化 and 市级 are no grades
    ("自评总分多少？评的什么等级？", "| 总分 | 100 | 96 | 优 |", False),
    ("项目评的什么等级？", "| 项目名称 | 营养改善计划 | 主管部门 | 教育局 |", True),  # a table row, no grade in it
    # a score asked: prose without a 分 gives none; a table row writes scores bare
    ("项目自评得分是多少？", "该项目为中央彩票公益金提前下达资金项目,用于康复补贴1.065万元", True),
    ("项目自评得分是多少？", "项目自评得分95分,评价等级为优。", False),
    ("项目自评得分是多少？", "| 项目自评得分 | 32.4 | 31.69 | 10 | 97.80% | 9 |", False),
    # the words asked written only in the reason given for another figure
    ("老旧小区改造项目资金多少？", "2023年收入预算总计2,345.60万元，比上年增加145.60万元，增长6.62%，主要原因是老旧小区改造项目增加。", True),
    ("老旧小区改造项目资金多少？", "老旧小区改造项目资金320万元，主要原因是改造户数增加。", False),
    ("收入预算为什么增加了多少？", "比上年增加145.60万元，主要原因是老旧小区改造项目增加。", False),
    # a table's numbered title alone ("表2 …表"): its number is no figure
    ("三公经费预算多少？", "表2 “三公”经费预算表", True),
    ("三公经费预算多少？", "“三公”经费预算18.60万元", False),
    # staff in post asked, retirees answered; one kind of 编制 asked, the other answered
    ("在职人员有多少人？", "离退休人员19人。", True),
    ("在职人员有多少人？", "在职人员71人，离退休人员19人。", False),
    ("行政编制多少？", "事业编制46名，实有44人", True),
    # an amount asked, its words written only as the whole of a share: the share of a part, not the amount
    ("项目支出总额多少？", "0 个项目评为二等,涉及资金 0 万元,占项目总数比例 0%,占项目支出总额比例 0%;", True),
    ("项目支出总额多少？", "项目21个,项目支出总额656.93万元。", False),
    ("项目支出总额的比例多少？", "0 个项目评为二等,占项目支出总额比例 0%;", False),  # a share asked
    # a when asked: what writes no date (a month at least) does not say when
    ("这份预算报告是哪天、在什么会上作的？", "国有资本经营预算收入811万元;", True),
    ("这份预算报告是哪天、在什么会上作的？", "——2023年1月10日在昌吉市第十届人民代表大会第三次会议上", False),
    ("项目什么时候完工的？", "项目完工时限 | 2023年12月 |", False),
    # an amount asked: a passage that only counts things states none
    ("国有资产总额多少？", "十一、国有资产占用情况说明截至2022年12月31日，本部门共有车辆5辆，其中：机要通信用车1辆。", True),
    ("有几辆车？", "本部门共有车辆5辆，其中：机要通信用车1辆，应急保障用车2辆，其他用车2辆。", False),
    ("国有资产总额多少？", "截至2022年底，本部门资产总额1,234.56万元，共有车辆5辆。", False),
    # the whole asked, a part named: a part's word written inside the name asked
    ("一般公共预算财政拨款支出多少？", "2023年度一般公共预算财政拨款基本支出2,096.46万元，其中：", True),
    ("一般公共预算财政拨款支出多少？", "2023年度一般公共预算财政拨款支出3,210.50万元，其中基本支出2,096.46万元。", False),
    ("一般公共预算财政拨款基本支出多少？", "2023年度一般公共预算财政拨款基本支出2,096.46万元，其中：", False),
    # the item asked named only among the parts listed after another figure: that figure is the whole's
    ("差旅费多少？", "公用经费158.13万元，主要包括办公费、印刷费、水电费、差旅费、维修（护）费等。", True),
    # a body or person asked: a passage naming neither names no one
    ("这份评价报告是谁做的？", "评价报告采用分析性复核等评价程序,现将有关情况报告如下:", True),
    ("这份评价报告是谁做的？", "评价报告的评价机构:西藏楚源会计师事务所(普通合伙)", False),
    ("项目负责人是谁？", "项目负责人 彭炜 项目属性", False),
    # a grade asked as 几等: a passage that writes no grade gives none
    ("21个项目评了几等？", "项目21个,项目支出总额656.93万元。", True),
    ("21个项目评了几等？", "21 个项目评为一等,涉及资金 656.93 万元", False),
    ("公用经费多少？", "公用经费158.13万元，主要包括办公费、印刷费、水电费、差旅费、维修（护）费等。", False),
])
def test_rules(question, text, out):
    assert _ruled_out(question, text) is out


@pytest.mark.parametrize("question, counted", [
    ("公车几辆？", True),
    ("无障碍改造计划多少户、完成多少户？", True),  # one counter asked twice
    ("编制几个、实有几个人？", False),  # 个 and 人: two counters
    ("有几个人？", False),  # 几个人 asks 人, which is not held to its counter (总人口8.45万)
    ("收入多少万元，支出多少万元？", False),  # money converts
    ("有哪几项？", False),  # a list
])
def test_a_question_counted_in_one_counter(question, counted):
    from assistant.sentences import asks_counted

    assert asks_counted(question) is counted


@pytest.mark.parametrize("question, verdict", [
    ("昌吉市和鄂州市的增幅哪个高？", True),  # which of them is higher: a verdict across reports
    ("两家谁的三公经费多？", True),
    ("哪个是预计数？", False),  # which of them: a choice, not a comparison of figures
    ("鄂州市的增幅是多少？", False),
])
def test_a_verdict_across_reports_is_asked(question, verdict):
    assert understand(question, []).asks_verdict is verdict


def test_a_year_end_asked_keeps_its_year_end():
    """"2021年底结转结余": the year goes (it picks the report), 年底 stays and reads as reports write it (年末)."""
    from assistant.sentences import question_content

    assert question_content("丰云区人社局2021年底结转结余是多少", ["丰云区人社局"]) == "年末结转结余"
    assert question_content("2022年度收入多少", []) == "收入"


def test_words_that_point_at_the_body_named_ask_nothing():
    """"梧州这家医保单位": 这家 points, 单位 is the body named; "部门决算" keeps its 部门."""
    from assistant.sentences import question_content

    assert question_content("梧州这家医保单位2024年年中预算调了多少", ["梧州", "医保"]) == "预算调整"
    assert question_content("天水科协部门决算收入多少", ["天水科协"]) == "部门决算收入"
    assert question_content("广水纪委这个局域网维护项目要采购多少设备", ["广水纪委"]) == "局域网维护项目要采购 设备"


def test_a_genre_term_holding_he_is_one_item():
    """"年初结转和结余" is one line of the 收入支出决算总表, not 年初结转 and 结余 (index/data/domain_terms.txt)."""
    assert understand("年初结转和结余多少？", []).items == []
    assert understand("收入和支出各是多少？", []).items == ["收入", "支出"]
    assert understand("社会保障和就业支出和卫生健康支出分别是多少？", []).items == ["社会保障和就业支出", "卫生健康支出"]
    assert understand("公务用车购置及运行维护费预算多少？", []).items == []  # a line of the "三公" table
    assert understand("商品和服务支出和工资福利支出各多少？", []).items == ["商品和服务支出", "工资福利支出"]


def test_spoken_forms_ask_as_reports_write():
    """啥 is 什么, 为啥 为什么 (a reason), "收了" 收入, "翻了" a rise, "是干什么的" the body's 职责, "在什么会上作的" the
    meeting (会议上) a report was made at; 编制 counted with 个 is counted in 名 or 人 too."""
    from assistant.sentences import asked_unit_pattern, question_content

    assert question_content("城口供销社22年一共收了多少钱？", ["城口供销社"]) == "收入"
    assert question_content("城口供销社收支为啥翻了那么多？", ["城口供销社"]) == "收支 增长"
    assert understand("城口供销社收支为啥翻了那么多？", ["城口供销社"]).open
    assert question_content("西藏驻沪办是干什么的？", ["西藏驻沪办"]) == "职责"
    assert question_content("昌吉市这份预算报告是哪天、在什么会上作的？", ["昌吉市"]) == "预算 会议上"
    assert question_content("比预算多收了多少钱？", []) == "比预算超收"
    assert question_content("卡斯镇今年三公经费多了还是少了？", ["卡斯镇"]) == "三公经费"
    assert question_content("彩票公益金项目是干什么用的？", []) == "彩票公益金项目 用于"
    assert "改制" in question_content("洛王街道办是由什么改过来的？", ["洛王街道办"])
    assert question_content("卡斯镇公务接待费从多少涨到多少？", ["卡斯镇"]) == "公务接待费"
    assert question_content("收容所项目预算执行率咋样？", []) == "收容所项目预算执行率"
    assert asked_unit_pattern("巫溪档案馆编制几个？").search("核定全额拨款事业编制12名")
    assert asked_unit_pattern("巫溪档案馆有几个离退休的？").search("离退休6人")  # the asking word before the people
    assert asked_unit_pattern("金桥街道有多少车？").search("共有公务用车1辆")  # 车 counted in 辆, the counter left out
    assert question_content("金桥街道有多少车？", ["金桥街道"]) == question_content("金桥街道有多少辆车？", ["金桥街道"])
    assert not asked_unit_pattern("有几个科室？").search("在职12名")
    assert asked_unit_pattern("离退休人员多少？") is not None and asked_unit_pattern("人员经费多少？") is None
    assert question_content("临江城管局办公费花了多少？", ["临江城管局"]) == "办公费"


def test_an_item_inside_another_item_asked_is_not_valued_by_it():
    """"税收和非税各收了多少": the 税收 written inside 非税收入 is not the 税收 asked, so a sentence stating 非税收入
    alone answers one item of two, and the sentence stating both is the answer."""
    from assistant.rank import _item_valued

    items = ["税收", "非税收入"]
    assert not _item_valued("税收", items, "非税收入25.53亿元,增长118.7%。")
    assert _item_valued("税收", items, "其中地方税收收入48.31亿元;非税收入25.53亿元")
    assert _item_valued("非税收入", items, "其中地方税收收入48.31亿元;非税收入25.53亿元")


def test_both_items_of_a_pair_one_inside_the_other_are_answered(dev2_assistant):
    a = dev2_assistant.ask("鄂州22年税收和非税各收了多少？")
    assert a.found and "48.31" in a.answer and "25.53" in a.answer


def test_a_score_asked_is_read_as_the_total_a_table_writes_instead():
    """"自评得了几分" ← "自评总分: 69": a passage that writes 总分 and no 得分 is read with 总分 for 得分
    (data/abbreviations.tsv); one that writes both keeps 得分 (总分 there may be the full mark)."""
    from assistant.rank import as_written_in

    assert as_written_in("局域网项目自评 得分", "填报日期:2020 年 2 月 18 日 自评总分: 69 单位领导审签") == "局域网项目自评 总分"
    assert as_written_in("得分", "总分100分,得分96分") == "得分"


def test_a_tables_total_score_answers_a_spoken_score_question(dev2_assistant):
    a = dev2_assistant.ask("广水纪委局域网项目自评得了几分？")
    assert a.found and "自评总分: 69" in a.citations[0].quote


def test_no_change_said_in_words_is_a_change_stated():
    """"与上年持平" states the change asked (none): it is no passage missing the change."""
    q = understand("机关运行经费预算比去年少了多少？", [])
    text = "2024年本部门机关运行经费预算180.00万元，与上年持平。"
    f = features(q, Candidate(Answer("", text, True, [], [], "passage"), "sentence", text), False)
    assert f["change_asked"] == 1.0 and f["change_missing"] == 0.0
    level = features(understand("机关运行经费预算多少？", []), Candidate(Answer("", text, True, [], [], "passage"), "sentence", text), False)
    assert level["change_unasked"] == 0.0  # its one figure is a level, not a change


def test_what_sets_the_thing_asked_apart_written_only_in_the_reason_is_a_figure_of_another():
    """"环卫的钱花了多少" ← "…一般公共预算财政拨款支出4,948.76万元…，主要原因是环卫作业市场化服务费用增加": 环卫 is
    written only in the reason (the money word 支出 beside the other figure); the figure is not 环卫's."""
    text = "2023年度一般公共预算财政拨款支出4,948.76万元，比上年增加215.40万元，增长4.55%，主要原因是环卫作业市场化服务费用增加。"
    assert _ruled_out("环卫的钱花了多少？", text)
    assert not _ruled_out("环卫的钱花了多少？", "2023年度环卫作业服务费支出1,200.00万元，主要原因是作业面积增加。")


@pytest.mark.parametrize("question, text, out", [
    # which line is the least: a header line alone, a table's lines quoted, state no ranking of them
    ("哪一类支出最少？", "科目编码 科目名称 本年支出合计 基本支出 项目支出", True),
    ("哪一类支出最少？", "208 社会保障和就业支出 5,220.50 3,250.30 1,970.20 210 卫生健康支出 236.00 236.00", True),
    ("哪一类支出最少？", "| 208 | 社会保障和就业支出 | 5,220.50 |", True),
    ("哪一类支出最少？", "各类支出中，卫生健康支出最少，为236.00万元。", False),
    # a table's title with who made it and its unit is no figure
    ("三公经费多少？", "一般公共预算财政拨款基本支出决算明细表 部门：清河县农业农村局    单位：万元", True),
])
def test_rules_for_lines_ranked_and_titles(question, text, out):
    assert _ruled_out(question, text) == out


def test_an_amount_stated_as_none_answers_a_figure_question():
    """"政府性基金支出多少" ← the note under the empty template table: the figure asked is nil, said so; the
    table's title alone says nothing."""
    note = "注：本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"
    assert not _ruled_out("政府性基金支出多少？", note)
    assert _ruled_out("政府性基金支出多少？", "政府性基金预算财政拨款收入支出决算表")
    assert _ruled_out("有没有政府性基金支出？", "政府性基金预算财政拨款收入支出决算表 | 部门：清河县农业农村局 |  |  | 单位：万元 |")


def test_a_side_by_side_row_whose_line_of_the_kind_asked_is_empty_gives_the_other_sides_figure():
    """"国有资本经营预算支出多少" ← "| 三、国有资本经营预算财政拨款收入 | 3 | | 三、卫生健康支出 | 33 | 1,264,300.00 |":
    the line of the budget's kind asked has no figure; the one in the row is 卫生健康支出's."""
    row = "| 三、国有资本经营预算财政拨款收入 | 3 |  | 三、卫生健康支出 | 33 | 1,264,300.00 |"
    assert _ruled_out("国有资本经营预算支出多少？", row)
    assert not _ruled_out("国有资本经营预算支出多少？", "| 三、国有资本经营预算财政拨款支出 | 36 | 52.00 |")


def test_a_passages_enumerators_are_counted_wherever_they_stand():
    """The "enumerators" feature counts 一、 二、 … anywhere in a passage (a list of parts), not only at its start."""
    q = understand("有哪些部分？", [])
    text = "部门概况：一、部门职责 二、机构设置 三、人员构成"
    assert features(q, Candidate(Answer("", text, True, [], [], "passage"), "sentence", text), False)["enumerators"] > 0
