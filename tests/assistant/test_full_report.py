"""Full-length district reports (eval/full_report.py: a 部门决算 and two 部门预算): their prose as clerks write it ("收、支总计均为",
"与2021年度相比…各增加"), its tables, through the real model and index."""

import pytest


def test_a_total_written_with_its_items_joined_is_the_total_asked(full_assistant):
    """"收支总计" is written "收、支总计均为6,512.38万元"."""
    a = full_assistant.ask("丰宁区民政局2022年收支总计多少？")
    assert a.found and "6,512.38万元" in a.answer, a.answer


def test_the_year_before_is_worked_back_from_a_change_on_it(full_assistant):
    """"与2021年度相比，收、支总计各增加321.45万元": 2021 is 6,512.38 − 321.45, with the formula; this
    year's figure alone, beside a passage that names 2021, is no answer about 2021."""
    a = full_assistant.ask("丰宁区民政局2021年收支总计多少？")
    assert a.found and "6,190.93万元" in a.answer and "6,512.38万元 − 321.45万元" in a.answer, a.answer
    assert "上一年度收、支总计约为" in a.answer


def test_a_common_word_ending_like_a_place_names_no_place(full_assistant):
    """"城市低保金": 城市 is no place to look for, 低保金 is written 最低生活保障金."""
    a = full_assistant.ask("丰宁区民政局城市低保金支出了多少？")
    assert a.found and "1,520.00" in a.answer, a.answer


def test_of_two_rows_naming_what_is_asked_the_one_that_writes_least_else_is_quoted(full_assistant):
    """"公务用车运行维护费预算": the 三公 table's （2）公务用车运行维护费 row, 预算数 column — not the
    2.公务用车购置及运行维护费 row above it, nor the 说明's 决算 sentence ("…支出决算为10.00万元，完成预算的83.33%")."""
    a = full_assistant.ask("丰宁区民政局公务用车运行维护费预算多少？")
    assert a.found and "12.00" in a.answer and "预算数" in a.answer, a.answer
    assert a.citations[0].quote.startswith("| （2）公务用车运行维护费"), a.citations[0].quote


def test_what_is_counted_after_its_asking_word_is_what_is_asked():
    """jieba joins "几辆车" into one word: 车 (as reports write it, 车辆) is what is asked, not nothing."""
    from assistant.sentences import question_content

    assert question_content("丰宁区民政局有几辆车？", ["丰宁区民政局"]) == "车辆"
    assert question_content("有几个科室？", []) == "科室"
    assert question_content("有多少人？", []) == ""
    # "哪几个省市" asks which: 省市 is what is asked, 哪几个 a question word a passage need not write
    assert question_content("负责联络哪几个省市？", []) == "负责联络 省市"
    assert question_content("有哪几个科室？", []) == "科室"


def test_a_count_asked_in_colloquial_words(full_assistant):
    a = full_assistant.ask("丰宁区民政局有几辆车？")
    assert a.found and "车辆5辆" in a.answer, a.answer


def test_a_change_of_a_quantity_written_in_quotes(full_assistant):
    """"三公经费比上年少了多少": written "“三公”经费…较上年减少1.23万元" — the quotes are no part of the words."""
    a = full_assistant.ask("丰宁区民政局三公经费比上年少了多少？")
    assert a.found and "1.23万元" in a.answer, a.answer


def test_a_share_asked_in_a_later_clause_is_worked_out(full_assistant):
    """"公用经费多少？占比呢？": the report states no share; 公用经费 ÷ the whole it is listed under answers
    the 占比 clause, with its formula."""
    a = full_assistant.ask("民政局22年公用经费多少？占比呢？")
    assert a.found and "450.00" in a.answer and "3,600.00万元 = 12.50%" in a.answer, a.answer


def test_a_share_with_no_whole_named_is_of_the_whole_the_part_is_listed_under(full_assistant):
    """"公用经费占比": the report lists 公用经费 under "一般公共预算财政拨款基本支出3,600.00万元，其中：…" — that
    whole, not the 基本支出 of all funds (3,840.30), nor 机关运行经费 read for 公用经费 by their common 经费."""
    a = full_assistant.ask("民政局22年公用经费占比呢？")
    assert a.found and "450.00万元 ÷ 一般公共预算财政拨款基本支出 3,600.00万元 = 12.50%" in a.answer, a.answer


def test_a_change_stated_for_the_total_is_not_the_change_of_its_part(full_assistant):
    """"公务用车购置及运行维护费…比上年少了多少": the 说明 states 三公经费's change only; the part's is worked out
    from the table's two columns (4.30 → 4.00)."""
    a = full_assistant.ask("金桥街道公务用车购置及运行维护费预算多少？比上年少了多少？")
    assert a.found and "4.00" in a.answer and "比上年减少 0.3万元" in a.answer, a.answer
    assert "0.60" not in a.answer


def test_reports_are_compared_and_held_to_a_bound_across_budgets(full_assistant):
    a = full_assistant.ask("丰云街道和金桥街道谁的政府采购预算多？多多少？")
    assert a.found and "多 92.30 万元" in a.answer, a.answer
    a = full_assistant.ask("丰云街道和金桥街道哪些政府采购预算超过400万元？")
    assert a.found and a.answer.endswith("超过400万元的是：金桥街道办事处2023年。"), a.answer


def test_a_projects_table_is_asked_by_its_project_and_its_overseeing_body(full_assistant):
    """A 项目支出绩效自评表 drawn as the template's ruled grid: asked by its 主管部门 (水务局, no report of its
    own indexed) or by its project's name alone; 结余 is worked out, the project's score is its 总分."""
    a = full_assistant.ask("丰宁区水务局那个河道整治项目结余了多少？")
    assert a.found and "全年预算数 480.00 − 全年执行数 456.00 = 24 万元" in a.answer, a.answer
    a = full_assistant.ask("河道整治工程项目自评得了多少分？")
    assert a.found and "95.5" in a.answer and "总分" in a.answer, a.answer
    a = full_assistant.ask("河道整治工程项目执行率是多少？")
    assert a.found and "95.00%" in a.answer, a.answer


def test_a_later_clause_that_begins_with_zhan_is_about_the_first_clauses_subject(full_assistant):
    a = full_assistant.ask("丰宁区教育局项目支出多少？占全年实际支出的比例是多少？")
    assert a.found and "9,336.00万元 ÷ 37,436.00万元 = 24.94%" in a.answer, a.answer


def test_these_streets_are_the_bodies_in_view_that_are_streets(full_assistant):
    """"这几个街道": of the five reports indexed, the two 街道办事处 — not the 民政局 whose 政府采购 is a 决算."""
    a = full_assistant.ask("这几个街道谁的政府采购预算最多？")
    assert a.found and "金桥街道办事处2023年多，多 92.30 万元" in a.answer, a.answer
    assert {c.doc for c in a.citations} == {"丰云街道办事处2023年部门预算.pdf", "金桥街道办事处2023年部门预算.pdf"}


def test_a_conversation_goes_on_about_the_body_named_before(full_assistant):
    """In a chat a question that names no body is about the one named before; one that begins by comparing
    ("跟上年比…") compares the previous question's subject; "民政局的呢？" then asks it of another body."""
    turns = ["金桥街道机关运行经费多少？", "跟上年比是涨了还是跌了？", "民政局的呢？", "公用经费多少？"]
    history, answers = [], []
    for turn in turns:
        a = full_assistant.ask(turn, history=history)
        history.append((turn, a.answer))
        answers.append(a)
    assert answers[1].resolved_question == "金桥街道机关运行经费跟上年比是涨了还是跌了？"
    assert answers[1].found and "比上年增加5.50万元" in answers[1].answer, answers[1].answer
    assert answers[2].found and "比上年增加12.34万元" in answers[2].answer, answers[2].answer
    assert answers[3].found and "450.00" in answers[3].answer, answers[3].answer
    a = full_assistant.ask("天河区公用经费多少？", history=history)  # a body the index lacks is not the one before
    assert not a.found and "天河区" in a.answer


def test_an_indicators_value_in_words_is_a_figure_under_its_column(full_assistant):
    """"沿岸绿化面积完成了多少": the 实际完成值 cell "4800平方米" (a measure, not a count), named with its column —
    not the row's 分值 or 得分."""
    a = full_assistant.ask("河道整治工程沿岸绿化面积完成了多少？")
    assert a.found and "4800平方米" in a.answer and "实际完成值" in a.answer, a.answer


def test_a_term_holding_he_is_one_thing_asked_and_last_years_column_answers_last_year(full_assistant):
    a = full_assistant.ask("民政局年初结转和结余多少？")
    assert a.found and "2,123,800.00" in a.answer, a.answer
    a = full_assistant.ask("丰云街道2022年三公经费预算多少？")
    assert a.found and "9.00" in a.answer and "2022年预算数" in a.answer, a.answer


def test_over_budget_is_asked_as_the_report_writes_it(full_assistant):
    """"为什么超预算" ← "决算数大于预算数的主要原因是低保对象增加" (assistant/data/question_words.tsv)."""
    a = full_assistant.ask("民政局城市低保金支出为什么超预算？")
    assert a.found and "低保对象增加" in a.answer and "收、支总计" not in a.answer, a.answer


def test_a_part_within_its_whole_asked_as_zhan_duoshao(full_assistant):
    """"基本支出里人员经费占多少": a share (占多少), of the whole named before 里/中/当中."""
    from assistant.compute import plan

    assert plan("基本支出里人员经费占多少？") == ("ratio", ["人员经费", "基本支出"])
    a = full_assistant.ask("丰云街道三公经费当中公务接待费占几成？")
    assert a.found and "3.50" in a.answer and "8.50" in a.answer and "41.18%" in a.answer, a.answer


def test_a_budget_execution_report_answers_for_both_years_its_title_names(full_assistant):
    """"关于丰宁区2023年预算执行情况和2024年预算草案的报告": asked about 2024, its draft budget answers; asked
    about 2022, a bare "增长6.3%" after 2023's figure works it back — never 2023's figure, nor 2024's for 2023."""
    a = full_assistant.ask("丰宁区2024年一般公共预算支出安排多少？")
    assert a.found and "46.00亿元" in a.answer, a.answer
    a = full_assistant.ask("丰宁区2022年一般公共预算收入大约多少？")
    assert a.found and "28.60亿元 ÷ (1 + 6.3%) ≈ 26.91亿元" in a.answer, a.answer
    a = full_assistant.ask("丰宁区2023年一般公共预算收入的预算数大约是多少？")
    assert "30.10" not in a.answer, a.answer  # 2024's expected revenue is no 2023 figure
    a = full_assistant.ask("民政局2021年机关运行经费是多少？")  # "比上年增加12.34万元，增长2.78%": not 12.34 worked back
    assert a.found and "444.44万元" in a.answer, a.answer


def test_national_template_cells_under_their_two_level_headings(full_assistant):
    """The “三公” table of one row under 预算数 | 决算数 written at their halves' left: the 预算数 half answers
    a budget question; "事业运行的基本支出", a question written as the amount's name alone, is the
    支出决算表's cell (科目名称 on the header's second line)."""
    a = full_assistant.ask("清河县农业农村局三公经费预算数是多少")
    assert a.found and "15.00" in a.answer and "预算数" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局事业运行的基本支出")
    assert a.found and "609.60" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局办公费支出")
    assert a.found and "38.60" in a.answer, a.answer


def test_a_difference_from_the_budget_is_of_the_tables_total_not_a_parts_subtotal(full_assistant):
    """"三公经费比预算少了多少": 决算数 合计 12.96 − 预算数 合计 15.00, not the 小计 of 公务用车购置及运行费;
    asked why, the reason is the answer, not the difference."""
    a = full_assistant.ask("清河县农业农村局三公经费比预算少了多少")
    assert a.found and "2.04" in a.answer and "12.96" in a.answer and "15.00" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局三公经费为什么比预算少")
    assert a.found and "厉行节约" in a.answer and " − " not in a.answer, a.answer


def test_a_stated_share_answers_a_later_share_clause_and_a_word_is_not_cut_for_a_within(full_assistant):
    """"事业收入是多少？占比多少？": "事业收入120.00万元，占3.54%" states the share. "授予中小企业合同金额占比":
    中 is inside 中小企业, no "A中B" whole and part — the stated 94.28% answers."""
    a = full_assistant.ask("清河县农业农村局事业收入是多少？占比多少？")
    assert a.found and "120.00" in a.answer and "3.54%" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局授予中小企业合同金额占比")
    assert a.found and "94.28%" in a.answer and "÷" not in a.answer, a.answer


def test_words_as_reports_write_them_are_searched_and_a_fall_in_other_words(full_assistant):
    """"一共几辆车" is searched as 车辆 too (the passage is found among many table pages); "下降了百分之几" is
    answered by "降低3.68%"."""
    a = full_assistant.ask("清河县农业农村局一共几辆车")
    assert a.found and "车辆3辆" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局机关运行经费下降了百分之几")
    assert a.found and "3.68%" in a.answer, a.answer


def test_a_body_of_the_same_county_with_no_report_is_refused_not_answered_by_its_neighbour(full_assistant):
    """"清河县财政局三公经费多少": 财政局 written after the county, before what is asked, is a body the index does
    not hold — the county's 农业农村局 and 卫生健康局 reports are not it."""
    a = full_assistant.ask("清河县财政局三公经费多少")
    assert not a.found and "清河县财政局" in a.answer, a.answer
    a = full_assistant.ask("清河县卫生健康局基本支出多少")
    assert a.found and "3,210.00" in a.answer and "卫生健康局" in a.answer, a.answer


def test_a_budgets_project_table_names_its_rows_by_project_and_a_bare_budget_word_asks_a_figure(full_assistant):
    """项目支出表: 项目名称 | 项目类型 | 合计 …: the row is the project, not 专项业务类. "公共卫生支出预算" asks for
    the figure; "疾病预防控制机构基本支出" is the 基本支出 › 小计 cell."""
    a = full_assistant.ask("清河县卫生健康局重大传染病防控经费预算多少")
    assert a.found and "1,200.00" in a.answer, a.answer
    a = full_assistant.ask("清河县卫生健康局公共卫生支出预算")
    assert a.found and "6,503.43" in a.answer, a.answer
    a = full_assistant.ask("清河县卫生健康局疾病预防控制机构基本支出")
    assert a.found and "1,498.00" in a.answer, a.answer


def test_the_year_before_asked_of_a_budget_is_its_earlier_column(full_assistant):
    """"2023年公务用车运行维护费预算" of a 2024 部门预算: the “三公” table's 2023年预算数 column."""
    a = full_assistant.ask("清河县卫生健康局2023年公务用车运行维护费预算")
    assert a.found and "24.00" in a.answer, a.answer


def test_a_share_of_a_whole_the_text_names_with_a_word_between(full_assistant):
    """"基本支出占支出总额的比例": 支出总额 is written "支出预算总额为8,765.43万元" — not the 一般公共预算拨款支出
    7,900.00 that a bare 支出 would find."""
    a = full_assistant.ask("清河县卫生健康局基本支出占支出总额的比例")
    assert a.found and "8,765.43" in a.answer and "36.62%" in a.answer, a.answer


def test_a_section_that_never_names_the_project_asked_does_not_answer_for_it(full_assistant):
    """"重大传染病防控经费的年度目标": the 说明's 绩效目标设置情况 names no project; the 绩效目标表's 年度目标 row does."""
    a = full_assistant.ask("清河县卫生健康局重大传染病防控经费的年度目标是什么")
    assert a.found and "筛查5万人次" in a.answer, a.answer


def test_rose_or_fell_is_answered_with_the_stated_change(full_assistant):
    """"非税收入是涨了还是跌了": "非税收入8.58亿元，下降1.7%", not the problem list's "非税收入持续下降"."""
    a = full_assistant.ask("丰宁区非税收入是涨了还是跌了？")
    assert a.found and "1.7%" in a.answer, a.answer


def test_a_body_of_a_region_whose_own_report_is_indexed_is_not_that_report(full_assistant):
    """"丰宁区税务局非税收入": 丰宁区's own 预算执行情况报告 speaks of 非税收入, but 税务局 is another body,
    whose report is not indexed; "住建局一共有几辆车" likewise, found as jieba segments the words after the place."""
    for question, body in [("丰宁区税务局非税收入多少", "丰宁区税务局"), ("清河县住建局一共有几辆车", "清河县住建局")]:
        a = full_assistant.ask(question)
        assert not a.found and f"没有找到“{body}”的报告" in a.answer, a.answer


def test_the_rows_of_a_table_asked_as_a_list_and_a_table_title_is_no_answer(full_assistant):
    """"有哪些项目": the 项目支出表's rows, each with its total, the table cited. "有没有政府性基金支出": the empty
    table's note says so — its title line alone ("政府性基金预算财政拨款收入支出决算表") answers nothing."""
    a = full_assistant.ask("清河县卫健局有哪些项目")
    assert a.found and "列出4个项目" in a.answer and "重大传染病防控经费（1,200.00 万元）" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局2023年有没有政府性基金支出")
    assert a.found and "没有使用政府性基金预算财政拨款安排的支出" in a.answer, a.answer


def test_past_a_near_miss_ruled_out_to_the_answer_behind_it(full_assistant):
    """"收支总计比上年变化多少": the best-scored sentence states the level (3,551.78万元) and no change, ruled out;
    the one behind it, which states the change, is given. Past a candidate that shares no word with the
    question nothing is given."""
    a = full_assistant.ask("清河县农业农村局收支总计比上年变化多少")
    assert a.found and "210.44万元" in a.answer, a.answer


def test_a_bodys_several_years_each_answer_from_their_own_report(full_assistant):
    """Two years of 清河县农业农村局 are indexed: "22年和23年…分别" is answered from each year's report, "哪一年…更多"
    compares them; "2023年…比2022年减少了多少" is the change the 2023 report states on its 上年, and where it
    states none, the two years' figures are compared with the formula."""
    a = full_assistant.ask("清河县农业农村局22年和23年的机关运行经费分别是多少")
    assert a.found and "206.00万元" in a.answer and "198.42万元" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局哪一年的政府采购支出更多")
    assert a.found and "310.00" in a.answer and "286.50" in a.answer and "2022年多" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局2023年收支总计比2022年减少了多少")
    assert a.found and "210.44万元" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局三公经费2023年比2022年多了多少")  # the 2023 report states no change of it
    assert a.found and "2.46 万元（计算：12.96 万元 − 10.50 万元）" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局23年比22年三公经费多了多少？")  # the change word ends the run asked
    assert a.found and "2.46 万元（计算：12.96 万元 − 10.50 万元）" in a.answer, a.answer


def test_a_figure_asked_in_yuan_is_also_given_in_yuan(full_assistant):
    """"三公经费是多少元" of a table in 万元: the cell as written and in 元; asked plainly, as written only."""
    a = full_assistant.ask("清河县农业农村局三公经费是多少元")
    assert a.found and "12.96 万元，合 129,600.00 元" in a.answer, a.answer
    a = full_assistant.ask("清河县农业农村局三公经费是多少")
    assert a.found and "129,600" not in a.answer, a.answer


def test_a_second_item_asked_by_its_period_alone_is_the_first_items_subject(full_assistant):
    """"三公经费预算多少、实际花了多少": 实际花了 names a period (决算) of the 三公经费 asked before it; the 合计
    row's two cells answer. The 决算 cell (186,420.00 元) and the text's 18.64万元 are one figure, not two."""
    a = full_assistant.ask("临江区城市管理局三公经费预算多少、实际花了多少？")
    assert a.found and "250,000.00" in a.answer and "186,420.00" in a.answer, a.answer
    assert a.citations[0].quote.startswith("| 合计 |"), a.citations[0].quote
    from index.facts import without_period

    assert without_period("三公经费预算") == "三公经费" and without_period("实际支出") == ""
    assert without_period("一般公共预算财政拨款收入") == "一般公共预算财政拨款收入"


def test_a_row_named_before_the_column_asked_is_that_rows_cell(full_assistant):
    """"事业运行的项目支出": the 项目支出 cell of the 事业运行 row (95.40), not the table's 合计 row's (1,355.32),
    which the column's name alone picked."""
    a = full_assistant.ask("清河县农业农村局2023年事业运行的项目支出是多少")
    assert a.found and "95.40" in a.answer and "1,355.32" not in a.answer, a.answer


def test_a_functional_line_asked_by_its_short_name_is_one_item(full_assistant):
    """"社保和就业支出": 社会保障和就业支出 (data/question_words.tsv), one line, not two items split at its 和."""
    a = full_assistant.ask("清河农业农村局2023年社保和就业支出多少")
    assert a.found and "268.40" in a.answer, a.answer


def test_the_year_compared_with_is_no_word_asked(full_assistant):
    """"跟2022年比是涨了还是跌了": 跟…比是 stayed in the words a passage must write, and nothing covered them."""
    from assistant.sentences import question_content

    assert question_content("收支总计比2022年增加了多少", []) == "收支总计 增加"
    assert question_content("2023年收支总计和2022年比是多了还是少了", []) == "收支总计"
    a = full_assistant.ask("清河县农业农村局2023年收支总计跟2022年比是涨了还是跌了？")
    assert a.found and "减少210.44万元" in a.answer, a.answer


def test_an_amount_asked_by_its_name_alone_asks_a_figure_only(full_assistant):
    """"…2024年政府性基金收入" (no 多少) asks the figure as surely as "…多少": the stated cell answers."""
    a = full_assistant.ask("清河县卫生健康局2024年政府性基金收入")
    assert a.found and "500.00" in a.answer, a.answer


@pytest.mark.parametrize("question, figure", [
    ("清河卫健局24年疾控中心的预算多少", "1,498.00"),  # 疾控中心: the 疾病预防控制机构 line; 预算 is its period
    ("清河县卫生健康局2024年公车运维费预算", "22.00"),  # 公车运维费: 公务用车运行维护费
])
def test_a_line_asked_by_its_short_name_is_read_as_tables_write_it(full_assistant, question, figure):
    a = full_assistant.ask(question)
    assert a.found and figure in a.answer, a.answer


def test_a_change_asked_on_a_named_year_is_the_change_column_said_with_its_base(full_assistant):
    """"比23年少多少" of a 2024 budget is its 增减额 column (23年 is the year before: period_change), the item
    asked being the line (公务接待费), not its period (预算); the cell is said with its row's base and rate."""
    a = full_assistant.ask("清河卫健局2024年公务接待费预算比23年少多少？")
    assert a.found and "-0.40" in a.answer and "上年4.00" in a.answer and "下降10%" in a.answer, a.answer


def test_a_rows_word_shared_with_the_projects_name_does_not_name_the_row(full_assistant):
    """"河道整治工程的产出指标得了多少分": 河道 is the project's word, so it names no 河道清淤长度 row, whose 得分
    (15 分) is one indicator's, not the 产出指标's; "得了几分" is the 得分 column (data/question_words.tsv)."""
    a = full_assistant.ask("河道整治工程的产出指标得了多少分")
    assert not (a.found and "河道清淤长度" in a.answer), a.answer
    from assistant.sentences import question_content

    assert question_content("满意度指标得了几分", []) == "满意度指标 得分"
    a = full_assistant.ask("河道整治工程满意度指标得了几分")
    assert a.found and "沿岸居民满意度" in a.answer and "5 分" in a.answer, a.answer


def test_a_level_of_indicators_asked_for_its_score_adds_up_the_rows_under_it(full_assistant):
    """"产出指标得了多少分": the 一级指标 cell spans four indicator rows and the template states no score for it:
    their 得分 added up (15 + 15 + 8 + 10 = 48), said as computed, each row cited; its 分值 likewise."""
    a = full_assistant.ask("河道整治工程的产出指标得了多少分")
    assert a.found and "15 + 15 + 8 + 10 = 48 分" in a.answer and "未直接给出" in a.answer, a.answer
    assert len(a.citations) == 4, a.citations
    a = full_assistant.ask("河道整治工程产出指标的分值是多少")
    assert a.found and "= 50 分" in a.answer, a.answer


def test_the_points_taken_off_are_each_rows_full_mark_less_its_score(full_assistant):
    """"一共扣了多少分": the 总分 row's 分值 less its 得分 (100 − 95.5), with each row that lost points; a level named
    ("时效指标扣了几分") its rows only; an indicator named, its own; a reason asked, the row's 偏差原因 cell."""
    a = full_assistant.ask("河道整治工程一共被扣了多少分？扣在哪些指标上？")
    assert a.found and "共扣 4.5 分（总分 100 − 得分 95.5）" in a.answer, a.answer
    assert all(f"{name}扣 {lost} 分" in a.answer for name, lost in
               (("年度资金总额", "0.5"), ("工程完工时间", "2"), ("沿岸绿化面积", "2"))), a.answer
    assert "河道清淤长度" not in a.answer
    a = full_assistant.ask("河道整治工程时效指标扣了几分？")
    assert a.found and "时效指标共扣 2 分" in a.answer and "沿岸绿化面积" not in a.answer, a.answer
    a = full_assistant.ask("河道整治工程工程完工时间扣了几分？")
    assert a.found and "工程完工时间扣 2 分（分值 10，得分 8）" in a.answer, a.answer
    a = full_assistant.ask("河道整治工程工程验收合格率扣分了吗？")
    assert a.found and "未扣分" in a.answer, a.answer
    a = full_assistant.ask("河道整治工程时效指标为什么扣分？")
    assert a.found and "偏差原因：受汛期影响工期延后" in a.answer and a.citations[0].page == 1, a.answer


def test_the_grade_is_the_cell_after_the_total_rows_score(full_assistant):
    """"评的什么等级": the template writes the grade after the 总分 row's 分值 and 得分 ("| 总分 | … | 100 | 95.5 | 优 |")."""
    a = full_assistant.ask("河道整治工程自评评的什么等级？")
    assert a.found and "自评等级：优" in a.answer and "95.5" in a.answer, a.answer
    assert "| 总分 |" in a.citations[0].quote


def test_a_rate_indicators_score_asked_is_a_score_not_a_rate(full_assistant):
    """"工程验收合格率得了几分" asks the row's 得分 (15), not its 年度指标值 (100%): its 率 names the indicator."""
    a = full_assistant.ask("河道整治工程工程验收合格率得了几分")
    assert a.found and "15 分" in a.answer and "100%" not in a.answer, a.answer


def test_each_body_named_with_its_own_year_is_read_in_that_years_report(full_assistant):
    """"清河县农业农村局2023年和丰宁区民政局2022年": each year binds the body written before it; both years
    were applied to both bodies, and 清河's 2022 and 2023 reports made one party that answered nothing."""
    a = full_assistant.ask("清河县农业农村局2023年和丰宁区民政局2022年，谁的三公经费决算多？")
    assert a.found and "12.96" in a.answer and "12.34" in a.answer, a.answer


def test_a_stated_change_across_reports_names_its_item_not_its_direction_twice(full_assistant):
    a = full_assistant.ask("丰云街道和金桥街道2023年三公经费预算比上年各减少多少？")
    assert a.found and "减少0.50万元" in a.answer and "减少 减少" not in a.answer, a.answer


@pytest.mark.parametrize("question, defined", [
    ("丰宁区民政局报告里机关运行经费是什么意思", "机关运行经费：指为保障行政单位"),  # its 名词解释
    ("丰宁区民政局的基本支出指什么", None),  # the report defines no 基本支出: its figure is no definition
    ("丰宁区民政局报告中什么是三公经费", None),  # nor is a table titled for it
])
def test_a_term_asked_what_it_means_is_answered_by_its_definition_or_refused(full_assistant, question, defined):
    a = full_assistant.ask(question)
    if defined is None:
        assert not a.found and "定义" in a.answer, a.answer
    else:
        assert a.found and defined in a.answer and "456.78" not in a.answer, a.answer


def test_vehicles_counted_are_found_where_the_report_counts_in_their_unit(full_assistant):
    """"有几辆车" of a report that writes "共有公务用车4辆": no retrieved passage held a 辆 (its words are 公务用车, not
    车辆), so the report's passages counting in the unit asked are read too, and 车辆 is written 用车 there
    (data/abbreviations.tsv)."""
    a = full_assistant.ask("清河县卫生健康局有几辆车")
    assert a.found and "公务用车4辆" in a.answer, a.answer


def test_when_and_by_whom_a_report_was_made_is_its_dateline(full_assistant):
    """"这份预算报告是哪天、在什么会上作的": the line under the title ("——2024年1月9日在…会议上") and the one under
    it (who made it) answer, read as lines of their own (not run on into the title)."""
    a = full_assistant.ask("丰宁区这份预算报告是哪天、在什么会上作的？")
    assert a.found and "2024年1月9日在丰宁区第十八届人民代表大会第四次会议上" in a.answer, a.answer
    a = full_assistant.ask("丰宁区预算执行报告是谁作的？")
    assert a.found and "丰宁区财政局局长王志远" in a.answer, a.answer
    assert a.citations[0].title == "关于丰宁区2023年预算执行情况和2024年预算草案的报告"


def test_whether_a_line_rose_or_fell_is_its_tables_change_column(full_assistant):
    """"公务接待费预算是多了还是少了": the change a table states (增减额 with its base) answers, as it answers
    "少了多少"; 今年 is the report's own year, no word a passage must write."""
    a = full_assistant.ask("清河卫健局2024年公务接待费预算是多了还是少了？")
    assert a.found and "-0.40" in a.answer and "减少" in a.answer, a.answer
    a = full_assistant.ask("清河卫健局今年公务用车运行维护费预算跟上年比涨了还是跌了？")
    assert a.found and "-2.00" in a.answer and "下降8.33%" in a.answer, a.answer


def test_a_clause_after_a_spending_clause_is_about_what_was_spent(full_assistant):
    """"三公经费花了多少？比预算少了多少？": the first clause's subject is 三公经费 (花了 asks, as 多少 does), so
    the second is "三公经费比预算少了多少" (预算 − 决算, worked out); "收入总计" is what a 决算 writes as 收、支总计."""
    from assistant.clauses import subject_of

    assert subject_of("临江城管局三公经费花了多少？") == "临江城管局三公经费"
    a = full_assistant.ask("临江城管局三公经费花了多少？比预算少了多少？")
    assert a.found and "18.64" in a.answer and "6.36" in a.answer, a.answer
    a = full_assistant.ask("清河农业农村局23年收入总计比上年涨了还是跌了？")
    assert a.found and "减少210.44万元" in a.answer, a.answer


def test_staff_asked_with_no_counter_is_counted_in_people(full_assistant):
    """"有多少编制": 编制 counts people (28名), not the units a 决算 was compiled over (编制范围的单位共3个)."""
    a = full_assistant.ask("临江城管局有多少编制？")
    assert a.found and "28名" in a.answer and "3个" not in a.answer, a.answer


def test_a_row_sharing_only_the_reports_own_name_answers_nothing(full_assistant):
    """"河道整治工程的年度目标是什么": the 项目名称 row shares only the project's name with the question; the table
    has no 年度目标 row, so nothing is given (it was given, at 0.99)."""
    a = full_assistant.ask("河道整治工程的年度目标是什么？")
    assert not a.found, a.answer
    a = full_assistant.ask("河道整治工程的主管部门是谁？")
    assert a.found and "丰宁区水务局" in a.answer, a.answer


@pytest.mark.parametrize("question, figure", [
    ("清河县农业农村局招待费花了多少", "3.16"),  # 招待费 is the 公务接待费
    ("丰宁区民政局人头费是多少", "3,150.00"),  # 人头费 is the 人员经费
    ("丰云街道养车的钱预算多少", "5.00"),  # keeping cars costs the 公务用车运行维护费
    ("清河县农业农村局财政给的钱有多少", "3,210.50"),  # what the 财政 gave is its 财政拨款收入, not a 支出
])
def test_spoken_names_of_the_templates_lines(full_assistant, question, figure):
    a = full_assistant.ask(question)
    assert a.found and figure in a.answer, a.answer


@pytest.mark.parametrize("question", ["丰宁区水务局河道整治工程哪些指标没完成？", "丰宁区水务局河道整治工程指标都达到了吗"])
def test_the_indicators_that_missed_their_targets(full_assistant, question):
    """A 自评表's indicators whose 实际完成值 fell short of the 年度指标值 (a date after the deadline, an area under
    its target), each with its row's 偏差原因; not the funds row above the indicators' header."""
    a = full_assistant.ask(question)
    assert a.found and "有 2 项" in a.answer and "工程完工时间" in a.answer and "沿岸绿化面积" in a.answer, a.answer
    assert "受汛期影响" in a.answer and "年度资金总额" not in a.answer and a.citations, a.answer


@pytest.mark.parametrize("question, rate, operands", [
    ("清河县农业农村局2023年公务接待费决算是预算的百分之几？", "79.00%", ["3.16", "4.00"]),
    ("临江区城管局三公经费预算执行率是多少？", "74.57%", ["186,420.00", "250,000.00"]),
])
def test_an_items_execution_rate_is_its_final_account_over_its_budget(full_assistant, question, rate, operands):
    """"A决算是预算的百分之几" names what A is a share of (the item's own 预算数, not 三公经费 by the template);
    an item's 预算执行率 the report does not state is its 决算数 ÷ 预算数, formula shown."""
    a = full_assistant.ask(question)
    assert a.found and rate in a.answer and all(x in a.answer for x in operands), a.answer


def test_a_share_is_no_execution_rate(full_assistant):
    """"…支出5,900.00万元，占本年支出合计的92.18%" states a share; it does not answer "执行率是多少". The rate is
    written "完成年初预算的95.16%" (data/abbreviations.tsv: 执行率), in a passage found by that form too."""
    a = full_assistant.ask("丰宁区民政局一般公共预算财政拨款支出执行率是多少")
    assert a.found and "95.16%" in a.answer and "92.18%" not in a.answer, a.answer


def test_a_figure_asked_in_yi_is_the_amount_not_a_share_of_it(full_assistant):
    """"多少亿" asks in 亿 (a unit, no word the passage must write): "税收收入占一般公共预算收入的比重为70.0%" is
    a share of the figure asked, no answer to it."""
    a = full_assistant.ask("丰宁区2023年一般公共预算收入多少亿？")
    assert a.found and "28.60亿元" in a.answer, a.answer


def test_a_year_asked_is_not_worked_out_from_another_years_figures(full_assistant):
    """2024's budget is stated ("2024年…收入预期30.10亿元"); 2023's, worked out from "完成28.60亿元，为预算的102.1%",
    is not it."""
    a = full_assistant.ask("丰宁区2024年一般公共预算收入预算多少？")
    assert a.found and "30.10" in a.answer and "28.01" not in a.answer, a.answer
    assert "28.01" in full_assistant.ask("丰宁区2023年一般公共预算收入预算多少？").answer


def test_a_reason_given_for_another_quantity_is_no_reason_for_the_one_asked(full_assistant):
    """"机关运行经费支出…比上年减少7.58万元…主要原因是压减一般性支出" explains 机关运行经费, not 一般公共预算财政拨款支出."""
    a = full_assistant.ask("清河农业农村局2023年一般公共预算财政拨款支出为什么减少了？")
    assert "压减一般性支出" not in a.answer or not a.found, a.answer


def test_which_year_is_more_compares_the_bodys_reports_of_the_years_named(full_assistant):
    """"2023年和2022年三公经费哪年多": each year's report states its figure; the answer compares them, citing both."""
    a = full_assistant.ask("清河农业农村局2023年和2022年三公经费哪年多？")
    assert a.found and "12.96" in a.answer and "10.50" in a.answer and "2.46" in a.answer, a.answer
    assert {c.doc for c in a.citations} == {"清河县农业农村局2022年度部门决算.pdf", "清河县农业农村局2023年度部门决算.pdf"}


@pytest.mark.parametrize("question, figures", [("清河农业农村局这两年收入总计各多少", ["3,762.22", "3,551.78"]),
                                               ("清河农业农村局近两年三公经费哪年多？", ["10.50", "12.96", "2.46"])])
def test_these_two_years_are_the_bodys_latest_two(full_assistant, question, figures):
    """"这两年", "近两年": the body's reports of its latest two years, each answered (the words no passage writes)."""
    a = full_assistant.ask(question)
    assert a.found and all(f in a.answer for f in figures), a.answer


def test_a_quantity_asked_is_its_total_row_not_a_part_of_it(full_assistant):
    """"收入预算" matches 二、其他收入 (预算数) and 收入合计 (预算数): the total of what is asked, not one of its parts."""
    a = full_assistant.ask("丰云街道和金桥街道收入预算分别多少？")
    assert a.found and "2,345.60" in a.answer and "1,876.20" in a.answer and "其他收入" not in a.answer, a.answer


def test_each_parts_share_of_one_whole_is_worked_out(full_assistant):
    """"人员经费和公用经费分别占基本支出的比例": one share per part, each with its formula and cited operands."""
    a = full_assistant.ask("临江城管局人员经费和公用经费分别占基本支出的比例是多少")
    assert a.found and "89.73%" in a.answer and "10.27%" in a.answer and a.answer.count("÷") == 2, a.answer


def test_last_years_figure_asked_in_words_is_the_year_befores_column(full_assistant):
    """"公务接待费去年预算多少" of a 2023 budget: its 上年预算数 (2.50), not this year's (2.20); "比上年" asks a change."""
    for asked in ("金桥街道公务接待费去年预算多少？", "金桥街道公务接待费上年预算多少？"):
        a = full_assistant.ask(asked)
        assert a.found and "2.50" in a.answer and "上年预算数" in a.answer, a.answer
    a = full_assistant.ask("丰云街道公务用车运行维护费上年预算数是多少？")  # a column that writes the year itself
    assert a.found and "5.50" in a.answer and "2022年预算数" in a.answer, a.answer
    a = full_assistant.ask("丰云街道办事处2023年公务用车运行维护费的2022年预算数是多少？")  # that column, written whole
    assert a.found and "5.50" in a.answer and "2022年预算数" in a.answer, a.answer


def test_a_share_of_a_total_is_not_read_off_a_piece_of_its_name_with_other_words_between(full_assistant):
    """"其他收入占收入合计的比例": 收入合计 is 1,876.20, not the 1,800.00 of "收入方面：一般公共预算拨款1,800.00万元"
    (收入 alone names it only right before its figure); "占多大比例" names no whole: the template's (收入合计)."""
    a = full_assistant.ask("金桥街道的其他收入是多少？占收入合计的比例？")
    assert a.found and "其他收入 76.20 万元 ÷ 收入合计 1,876.20 万元 = 4.06%" in a.answer, a.answer
    a = full_assistant.ask("金桥街道预算里一般公共预算拨款占多大比例？")
    assert a.found and "1,800.00 万元 ÷ 收入合计 1,876.20 万元 = 95.94%" in a.answer, a.answer


def test_a_function_line_asked_is_its_own_row_under_the_spending_total(full_assistant):
    """"农林水支出占本年支出合计的比重": 农林水支出 is its own row (not its 款 and 项 below it, nor the 收入决算表's
    row of the same name, whose cells are income), read under the 本年支出合计 column."""
    a = full_assistant.ask("清河农业农村局2023年农林水支出占本年支出合计的比重")
    assert a.found and "农林水支出 2,950.02 万元 ÷ 本年支出合计 3,451.78 万元 = 85.46%" in a.answer, a.answer


def test_a_budget_execution_reports_figures_worked_out_for_what_is_asked(full_assistant):
    """The 预算执行 report (figures with "为预算的96.4%", "增长5.5%" after them): each figure asked is worked out
    from its own line — never from the line of the opposite quantity, nor an amount for a share asked."""
    from assistant.answer import _share_of_named_whole

    a = full_assistant.ask("丰宁区2023年一般公共预算支出没完成预算的差多少？")  # the 支出's budget, less the 支出
    assert a.found and "45.30亿元 − 45.30亿元 ÷ 96.4% ≈ -1.69亿元" in a.answer and "28.60" not in a.answer, a.answer
    a = full_assistant.ask("丰宁区2022年教育支出大概多少？")  # "…增长4.2%。其中：教育支出9.80亿元，增长5.5%"
    assert a.found and "9.80亿元 ÷ (1 + 5.5%) ≈ 9.29亿元" in a.answer, a.answer
    a = full_assistant.ask("丰宁区2022年税收收入占比是多少？")  # a share of 2022 the report does not state
    assert "18.52" not in a.answer, a.answer
    a = full_assistant.ask("丰宁区2023年卫生健康支出是涨了还是降了？")  # any either-or of a change
    assert a.found and "下降2.3%" in a.answer, a.answer
    a = full_assistant.ask("丰宁区2023年非税收入占比多少？")  # 一般公共预算收入 = 税收收入 + 非税收入 (data/shares_of.tsv)
    assert a.found and "8.58亿元 ÷ 28.60亿元 = 30.00%" in a.answer, a.answer
    a = full_assistant.ask("丰宁区税收收入占比多少？")  # stated: quoted, not worked out again
    assert a.found and "比重为70.0%" in a.answer and "计算" not in a.answer, a.answer
    a = full_assistant.ask("丰宁区2023年存在哪些问题？")  # the last item of a list read to its stop
    assert a.found and a.answer.endswith("防范化解风险任务艰巨。"), a.answer
    assert _share_of_named_whole("华容县2023年税收收入完成了年度计划的百分之几？") is None  # the whole named after 完成


def test_a_report_that_does_not_say_is_named_and_the_others_shown(full_assistant):
    """"2023年和2022年的收入合计分别多少" where only 2023's report states it: refused, naming the report that does
    not say, with what the other says (cited as part of the question, not as its answer)."""
    a = full_assistant.ask("清河农业农村局2023年和2022年的收入合计分别多少？")
    assert not a.found and a.answer.startswith("清河县农业农村局2022年的报告中未找到这项内容"), a.answer
    assert "3,386.78" in a.answer and a.citations, a.answer


def test_a_budget_changed_in_the_year_and_a_reason_in_an_indicators_row(full_assistant):
    """A 自评表's funds row: "预算调减了多少" / "年初预算和全年预算差多少" is 全年预算数 − 年初预算数 (−20), not what
    is unspent (24); "年初预算和全年预算分别是多少" still asks each. An indicator's 偏差原因 ("受汛期影响工期延后") gives
    the reason asked."""
    for asked in ("河道整治项目预算调减了多少？", "河道整治项目年初预算和全年预算差多少？"):
        a = full_assistant.ask(asked)
        assert a.found and "全年预算数 480.00 − 年初预算数 500.00 = -20 万元（调减 20 万元" in a.answer, a.answer
    a = full_assistant.ask("河道整治项目年初预算和全年预算分别是多少？")
    assert a.found and "500.00" in a.answer and "480.00" in a.answer and "调减" not in a.answer, a.answer
    a = full_assistant.ask("河道整治工程为什么工期延后？")
    assert a.found and "受汛期影响工期延后" in a.answer, a.answer


def test_a_figure_asked_without_a_fund_is_the_whole_not_one_funds_table(full_assistant):
    """"项目支出是多少" of a 部门预算 that states 项目支出965.60万元 for the department and 720.00 in its
    一般公共预算支出预算表: the department's; asked of the 一般公共预算, that table's."""
    a = full_assistant.ask("丰云街道办事处项目支出是多少？")
    assert a.found and "965.60" in a.answer and "720.00" not in a.answer, a.answer
    a = full_assistant.ask("丰云街道一般公共预算项目支出多少？")
    assert a.found and "720.00" in a.answer, a.answer


def test_a_figure_asked_with_no_year_is_the_reports_own_years(full_assistant):
    """"丰宁区一般公共预算收入是多少" of the report on 2023's execution and 2024's draft: 2023's 28.60亿元, not the
    sentence that opens on 2024 (30.10亿元 预期), which answers when 2024 is asked."""
    a = full_assistant.ask("丰宁区一般公共预算收入是多少？")
    assert a.found and "28.60亿元" in a.answer and "30.10" not in a.answer.split("据")[0], a.answer
    a = full_assistant.ask("丰宁区2024年一般公共预算收入预期多少？")
    assert a.found and "30.10亿元" in a.answer, a.answer


def test_a_rate_of_change_between_two_stated_figures_is_worked_out(full_assistant):
    """"调整预算比年初预算增长了百分之几": (38,200 − 36,500) ÷ 36,500 = 4.66%, formula shown; "多了多少" stays the
    difference; "比上年增长多少" is still the change the report states, never worked out again."""
    from assistant.compute import plan

    a = full_assistant.ask("丰宁教育局调整预算比年初预算增长了百分之几？")
    assert a.found and "(38,200.00万元 − 36,500.00万元) ÷ 36,500.00万元 = 4.66%" in a.answer, a.answer
    a = full_assistant.ask("丰宁教育局实际支出比年初预算高百分之几？")
    assert a.found and "= 2.56%" in a.answer, a.answer
    assert plan("收支总计比上年增长多少？") is None


def test_an_amount_per_batch_received(full_assistant):
    """"平均每批次接待花了多少" ← "公务接待费2.81万元，共接待28批次、196人次": 2.81万元 ÷ 28批次, in 元 per 批次."""
    a = full_assistant.ask("临江城管局平均每批次接待花了多少？")
    assert a.found and "2.81万元 ÷ 28批次 ≈ 1,003.57元/批次" in a.answer, a.answer
