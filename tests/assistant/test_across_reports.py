"""Questions over several reports, and figure questions a passage without a figure
cannot answer, on the generated template reports (eval/tables) through the real
model and index."""

import re

import pytest

BODIES = "丰桂县财政局、丰云区人社局、金兴区人社局2021年的本年支出合计"


@pytest.mark.dev
def test_who_has_the_most_of_three_names_the_top_and_the_bottom_with_each_figure(tables_assistant):
    a = tables_assistant.ask(BODIES + "谁最多？")
    assert a.found, a.answer
    each, verdict = a.answer.rsplit("。", 2)[:2]
    # each body's figure as its table writes it (元), and in 万元
    assert "29,436,696.21 元（2,943.67 万元）" in each and "3,113.77 万元" in each and "26,665,963.31 元" in each
    assert verdict.startswith("丰云区人力资源和社会保障局2021年最多，金兴区人力资源和社会保障局2021年最少")
    assert "447.17 万元（计算：3,113.77 万元 − 2,666.60 万元）" in verdict
    assert len({c.doc for c in a.citations}) == 3
    for figure in ("29,436,696.21", "3,113.77", "26,665,963.31"):
        assert any(figure in c.quote for c in a.citations)


@pytest.mark.dev
def test_who_has_the_least_names_the_bottom(tables_assistant):
    a = tables_assistant.ask(BODIES + "哪家最少？")
    assert a.found, a.answer
    assert re.search(r"金兴区人力资源和社会保障局2021年[^。；]*最(少|低)", a.answer)


@pytest.mark.dev
def test_a_figure_question_is_not_answered_by_a_title_without_a_figure(tables_assistant):
    """The generated 一般公共预算财政拨款支出决算表 has no 合计 row: its title matches every word
    of the question and holds no figure."""
    a = tables_assistant.ask("丰桂县财政局2021年的一般公共预算财政拨款支出是多少？")
    assert not a.found or all(re.search(r"\d", c.quote) for c in a.citations[:1]), a.answer


@pytest.mark.dev
def test_a_total_not_stated_is_not_answered_by_one_rows_cell(tables_assistant):
    """The generated 支出决算表 has no 合计 row: 基本支出 in total is not stated, and 教育支出's
    基本支出 cell is a neighbour's figure; the row asked for is given."""
    a = tables_assistant.ask("丰桂县财政局2021年基本支出多少？")
    assert not a.found or "318.18" not in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局2021年教育支出基本支出多少？")
    assert a.found and "318.18 万元" in a.answer


@pytest.mark.dev
def test_whether_a_figure_rose_is_not_answered_by_a_heading(tables_assistant):
    """The report states 机关运行经费 for its year and no change on the year before."""
    a = tables_assistant.ask("丰桂县财政局机关运行经费跟上年比是涨了还是跌了？")
    assert not a.found, a.answer


def _chosen(assistant, *numbers: str) -> list[str]:
    """The reports a user picked in the UI, by their file numbers."""
    return [d.doc_id for d in assistant.index.documents.values() if d.name[:2] in numbers]


@pytest.mark.dev
def test_these_bodies_are_the_reports_in_view(tables_assistant):
    """"这几个单位" names no report: the ones chosen are compared, each body once; 几个 asks no count."""
    chosen = _chosen(tables_assistant, "01", "02", "04", "06")
    a = tables_assistant.ask("这几个单位谁的机关运行经费最多？", doc_ids=chosen)
    assert a.found and a.question == "这几个单位谁的机关运行经费最多？", a.answer
    assert "银金区统计局2024年最多，福新区卫生健康局2020年最少" in a.answer
    assert "170.88 万元 − 35.00 万元" in a.answer and len({c.doc for c in a.citations}) == 4
    each = tables_assistant.ask("这几个单位的机关运行经费各是多少？", doc_ids=chosen)
    assert all(f in each.answer for f in ("170.88万元", "60.21万元", "35.00万元", "111.48万元")), each.answer
    assert len({c.doc for c in each.citations}) == 4


def _explanations(folder, figures: dict[str, tuple[str, str]]) -> list:
    """决算 说明 pages as clerks write them: the totals in prose, 收入总计 and 支出总计 alike, and their growth."""
    paths = []
    for body, (total, growth) in figures.items():
        path = folder / f"{body}2022年部门决算.txt"
        path.write_text(f"{body}2022年部门决算\n一、收入支出决算总体情况说明\n"
                        f"2022年度收入总计{total}万元,支出总计{total}万元。收支较上年决算数增加12.5万元,增长{growth}%。"
                        f"本单位核定行政编制8名,实有人员7人。\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_reports_are_compared_on_the_figure_each_states_under_the_words_asked(tmp_path, embedder):
    """收支总计 is asked, 收入总计 and 支出总计 are written (assistant/data/abbreviations.tsv): each report's
    stated figure is compared, cited, with the gap worked out; a change is not the level asked."""
    from assistant import Assistant
    from index.build import build_index

    paths = _explanations(tmp_path, {"丰桂县档案馆": ("616.17", "66.7"), "丰云区供销社": ("2,766.12", "3.2"),
                                     "金兴区科协": ("1,145.52", "29.86")})
    build_index(paths, tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("丰桂县档案馆和丰云区供销社2022年收支总计谁多？多多少？")
    assert a.found and a.kind == "comparison", a.answer
    assert "616.17万元" in a.answer and "2,766.12万元" in a.answer and "多 2,149.95 万元" in a.answer
    assert a.answer.split("。")[1].startswith("丰云区供销社"), a.answer
    assert {c.doc for c in a.citations} == {p.name for p in paths[:2]}
    a = assistant.ask("丰桂县档案馆、丰云区供销社、金兴区科协三家2022年谁的收支总计最多？谁最少？")
    assert a.found and "丰云区供销社2022年最多，丰桂县档案馆2022年最少" in a.answer, a.answer
    # a rate compared in percentage points, asked without 多少: 增幅 is stated as 增长X%
    a = assistant.ask("丰桂县档案馆和丰云区供销社2022年收支总计的增幅，谁的更大？")
    assert a.found and "丰桂县档案馆2022年高，高 63.50 个百分点（计算：66.70% − 3.20%）" in a.answer, a.answer


def test_a_figure_two_labels_give_differently_is_not_read_as_stated(tmp_path, embedder):
    """Two figures the words asked name alike ("调整后项目支出" and "项目支出总额" for 项目支出): which one
    is meant is not stated, so neither is compared as sure; a label that names a part ("本级项目支出")
    gives way to the one that names the whole."""
    from assistant import Assistant
    from assistant.question import understand
    from index.build import build_index

    page = tmp_path / "丰桂县医保局2024年部门决算.txt"
    page.write_text("丰桂县医保局2024年部门决算\n项目21个,项目支出总额656.93万元。其中,本级项目8个,本级项目支出385.58万元。\n"
                    "年中调整后项目支出700.00万元。\n", encoding="utf-8")
    other = tmp_path / "丰云区医保局2024年部门决算.txt"
    other.write_text("丰云区医保局2024年部门决算\n项目12个,项目支出总额456.93万元。其中,本级项目支出185.58万元。\n", encoding="utf-8")
    build_index([page, other], tmp_path / "index", embedder=embedder)
    answerer = Assistant.load(tmp_path / "index").answerer
    first, second = sorted(answerer.index.documents, key=lambda d: answerer.index.documents[d].name)
    doc_of = {answerer.index.documents[d].name: d for d in (first, second)}
    assert answerer.stated_figure(understand("丰桂县医保局项目支出多少？", ["丰桂县医保局"]), doc_of[page.name]) is None
    stated = answerer.stated_figure(understand("丰云区医保局项目支出多少？", ["丰云区医保局"]), doc_of[other.name])
    assert stated is not None and stated[0].value == 456.93 and "456.93万元" in stated[1].quote



def test_which_reports_meet_a_bound_lists_each_figure_and_those_that_meet_it(tmp_path, embedder):
    """"哪些…超过1000万元": each report's stated figure, held to the bound in 万元, those meeting it named;
    a bound no report meets says so; a rate held to a rate; each clause of a question answered in each report."""
    from assistant import Assistant
    from index.build import build_index

    paths = _explanations(tmp_path, {"丰桂县档案馆": ("616.17", "66.7"), "丰云区供销社": ("2,766.12", "3.2"),
                                     "金兴区科学技术协会": ("1,145.52", "29.86")})
    build_index(paths, tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("丰桂县档案馆、丰云区供销社、金兴区科学技术协会三家，哪些2022年收支总计超过1000万元？")
    assert a.found and a.kind == "comparison", a.answer
    assert a.answer.endswith("超过1000万元的是：丰云区供销社2022年、金兴区科学技术协会2022年。"), a.answer
    assert len({c.doc for c in a.citations}) == 3
    a = assistant.ask("丰桂县档案馆、丰云区供销社、金兴区科学技术协会三家，哪些2022年收支总计超过3000万元？")
    assert a.found and a.answer.endswith("没有一家超过3000万元。"), a.answer
    a = assistant.ask("丰桂县档案馆和丰云区供销社2022年收支总计各是多少？各比上年增长多少？")
    assert a.found and all(f in a.answer for f in ("616.17万元", "66.7%", "2,766.12万元", "3.2%")), a.answer


def test_the_lower_of_two_is_named_when_the_lower_is_asked(tmp_path, embedder):
    from assistant import Assistant
    from index.build import build_index

    paths = _explanations(tmp_path, {"丰桂县档案馆": ("616.17", "66.7"), "丰云区供销社": ("2,766.12", "3.2")})
    build_index(paths, tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县档案馆和丰云区供销社2022年谁的收支总计少？")
    assert a.found and "丰桂县档案馆2022年少，少 2,149.95 万元" in a.answer, a.answer


def test_a_figure_is_named_by_what_sets_it_apart_never_by_a_generic_head():
    """"退休75人" names 退休人员 (its start, right before the figure); "支出总计" does not name 基本支出 (only its
    head 支出), nor "收入总计" 收入合计 (its start, then another total word)."""
    from assistant.compute import Operand

    def named(name: str, piece: str, gap: str = "") -> bool:
        return Operand(name, 1.0, "人", "1人", "", 0, 0, named=piece, gap=gap).names_it()

    assert named("退休人员", "退休")
    assert not named("基本支出", "支出", "总计")
    assert not named("收入合计", "收入", "总计")
    assert named("审定金额", "审定金额") and named("事前评审的审定金额", "审定金额")


@pytest.mark.parametrize("question, verdict", [("哪个执行率低？", True), ("哪家编制多？", True),
                                               ("哪个项目的资金多少？", False), ("哪个是预计数？", False)])
def test_which_one_is_lower_or_higher_is_a_verdict(question, verdict):
    from assistant.question import understand

    assert understand(question, []).asks_verdict is verdict


def test_a_bound_is_read_with_its_unit():
    from assistant.compute import Operand, bound_in

    bound = bound_in("哪些收支总计超过1000万元？")
    assert (bound.relation, bound.value, bound.unit, bound.written) == (">", 1000.0, "万元", "超过1000万元")
    assert bound.holds(Operand("", 12_000_000, "元", "12,000,000", "", 0, 0))  # 1200 万元
    assert bound.holds(Operand("", 97.8, "%", "97.80%", "", 0, 0)) is None  # a rate is not held to an amount
    assert bound_in("得分在90分以上的有哪些").relation == ">="
    assert bound_in("在2022年收入多少") is None and bound_in("哪些超过1000？") is None  # no bound, or no unit


def test_which_of_the_reports_is_not_answered_by_each_ones_passage(tmp_path, embedder):
    """"哪个…" asks to choose one of the reports named; their passages side by side choose none, so
    they are shown as what was found, labelled, and nothing is given as the answer."""
    from assistant import Assistant
    from index.build import build_index

    paths = _explanations(tmp_path, {"丰桂县档案馆": ("616.17", "66.7"), "丰云区供销社": ("2,766.12", "3.2")})
    build_index(paths, tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县档案馆和丰云区供销社，哪个核定了行政编制？")
    assert not a.found and "各报告中找到的是" in a.answer, a.answer
    assert a.citations and all(c.note for c in a.citations)


def test_a_years_figure_stated_in_the_next_years_report_is_compared(tmp_path, embedder):
    """A 2023 budget report states 2022's execution ("2022年…完成"): asked about 2022, that figure is
    the one compared with another report's own 2022 figure."""
    from assistant import Assistant
    from index.build import build_index

    budget = tmp_path / "丰桂县2023年预算报告.txt"
    budget.write_text("丰桂县2023年预算报告\n一、2022年预算执行情况\n2022年一般公共预算收入完成40000万元,"
                      "其中税收收入15000万元、非税收入25000万元。\n二、2023年预算\n2023年非税收入预算30000万元。\n",
                      encoding="utf-8")
    accounts = tmp_path / "丰云区2022年财政决算报告.txt"
    accounts.write_text("丰云区2022年财政决算报告\n2022年一般公共预算收入7.38亿元,其中非税收入2.55亿元。\n", encoding="utf-8")
    build_index([budget, accounts], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县和丰云区2022年非税收入谁多？")
    assert a.found and "25000万元" in a.answer and "2.55亿元" in a.answer, a.answer
    assert "丰云区2022年多，多 500.00 万元" in a.answer, a.answer


def test_a_growth_asked_as_zengfu_is_read_as_written_a_fall_below_zero(tmp_path, embedder):
    """"增幅哪个高": one report writes 同比下降0.29%, the other 比2021年增长7.2%; neither writes 增幅. Each is
    read under the word the genre writes it in (data/abbreviations.tsv), the fall below zero."""
    from assistant import Assistant
    from index.build import build_index

    fell = tmp_path / "丰桂县2022年财政决算报告.txt"
    fell.write_text("丰桂县2022年财政决算报告\n2022年一般公共预算收入完成802143万元,其中地方一般公共预算收入完成404633万元,"
                    "同比下降0.29%,主要是留抵退税。\n", encoding="utf-8")
    rose = tmp_path / "丰云区2022年财政决算报告.txt"
    rose.write_text("丰云区2022年财政决算报告\n全区地方一般公共预算收入73.84亿元,比2021年增长7.2%,为调整预算的97.9%。\n",
                    encoding="utf-8")
    build_index([fell, rose], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县和丰云区2022年地方一般公共预算收入的增幅哪个高？")
    assert a.found and "下降0.29%" in a.answer and "7.2%" in a.answer, a.answer
    assert "丰云区2022年高，高 7.49 个百分点" in a.answer, a.answer


def test_a_tables_total_row_is_the_figure_of_what_the_table_is_about(tmp_path, embedder):
    """"“三公”经费预算谁多": each report's 三公 table states it in its 合计 row, under this year's column
    (last year's column is another period); compared across the two reports."""
    from assistant import Assistant
    from index.build import build_index

    paths = []
    for body, last, this in (("丰桂县", "18.15", "22.15"), ("丰云区", "25", "30.5")):
        path = tmp_path / f"{body}2024年“三公”经费预算.txt"
        path.write_text(f"{body}2024年“三公”经费预算财政拨款情况统计表\n单位:万元\n"
                        "项目 | 2023年预算数 | 2024年预算数 |\n"
                        f"合计 | {last} | {this} |\n1.因公出国(境)费 | 0 | 0 |\n2.公务接待费 | 3 | 7 |\n", encoding="utf-8")
        paths.append(path)
    build_index(paths, tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县和丰云区2024年“三公”经费预算谁多？")
    assert a.found and "丰云区2024年多，多 8.35 万元" in a.answer, a.answer


def test_each_reports_figure_is_one_written_after_the_words_asked(tmp_path, embedder):
    """"…收入总计分别是多少": a report whose passage names 收入总计 and writes no figure after it has not
    stated it; the question is not answered from the other report alone, nor with that passage."""
    from assistant import Assistant
    from index.build import build_index

    stated = tmp_path / "丰桂县档案馆2022年部门决算.txt"
    stated.write_text("丰桂县档案馆2022年部门决算\n一、收入支出决算总体情况说明\n2022年度收入总计616.17万元,支出总计616.17万元。\n",
                      encoding="utf-8")
    silent = tmp_path / "丰云区供销社2022年部门决算.txt"
    silent.write_text("丰云区供销社2022年部门决算\n一、收入支出决算总体情况说明\n2022年度收入总计和支出总计情况详见公开01表,"
                      "收入总计较上年有所增加,主要原因是项目经费增加。\n", encoding="utf-8")
    build_index([stated, silent], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县档案馆和丰云区供销社2022年收入总计分别是多少？")
    assert not a.found, a.answer


@pytest.mark.dev
def test_projects_tables_are_compared_by_their_funds_grid_cells(dev2_assistant):
    """Two projects' 自评表 (one in traditional characters with pinyin readings): each states its 执行率 once,
    in its 年度资金总额 row, which the comparison reads and cites."""
    a = dev2_assistant.ask("临翔区林草局收容所项目和丽江古城区卫片执法项目，哪个执行率更高？")
    assert a.found, a.answer
    assert "97.80%" in a.answer and "100%" in a.answer and "高 2.20 个百分点" in a.answer, a.answer
    assert any("97.80%" in c.quote for c in a.citations) and len({c.doc for c in a.citations}) == 2


@pytest.mark.dev
@pytest.mark.parametrize("question", ["中江水利和临翔林草局这两个项目，执行率分别是多少？",
                                      "临翔林草局的收容所项目和中江水利的项目，执行率分别是多少？"])
def test_a_bare_place_joined_to_a_named_body_is_a_party_of_its_own(dev2_assistant, question):
    """"中江水利": a place without its suffix, its body written short after it. Beside a body named in full
    (临翔林草局) it was dropped as an ordinary word, and the question answered from the other report alone."""
    a = dev2_assistant.ask(question)
    assert a.found and "100.00%" in a.answer and "97.80%" in a.answer, a.answer
    assert len({c.doc for c in a.citations}) == 2


@pytest.mark.dev
def test_only_a_place_written_short_takes_its_bodys_words_into_its_name(dev2_assistant):
    """"中江水利": 水利 is of the body's name (中江县水利局); "南县财政收入": after 南县 written whole, 财政 is
    what is asked, though the body is 南县财政局."""
    router = dev2_assistant.answerer.router
    assert router.route("中江水利和临翔林草局这两个项目，执行率分别是多少？", None).names == ["中江水利", "临翔林草局"]
    assert router.route("南县财政收入多少？", None).names == ["南县"]


@pytest.mark.dev
def test_a_rate_is_not_read_off_a_scoring_rule(dev2_assistant):
    """"预算资金执行率10分" (the rule that scores it) is no 执行率: the funds grid's 100.00% answers."""
    a = dev2_assistant.ask("中江县水利局的执行率是多少？")
    assert a.found and "100.00%" in a.answer and "10分" not in a.answer, a.answer


def test_only_a_projects_own_table_states_its_figures_in_a_funds_grid():
    from assistant.answer import _PROJECT_TABLE

    for kind in ("项目支出绩效自评表", "项目自评价", "绩效目标自评表", "项目支出绩效自评报告"):
        assert _PROJECT_TABLE.search(kind), kind
    for kind in ("部门整体支出绩效自评报告", "整体绩效自评总结报告", "部门决算", "预算执行情况报告"):
        assert not _PROJECT_TABLE.search(kind), kind


@pytest.mark.dev
def test_a_report_whose_body_is_not_named_in_it_is_still_asked_about_by_its_short_name(dev2_assistant):
    """dev2's 14 never names its body (梧州市医疗保障局, in its address only): "梧州医保…项目支出" asks for
    项目支出, not for the word 医保, which its page writes only in 医保服务."""
    a = dev2_assistant.ask("梧州医保和许昌河湖水系中心的项目支出各多少？谁多？")
    assert a.found and "656.93" in a.answer and "46.25" in a.answer, a.answer


def test_a_fall_is_compared_as_a_fall(tmp_path, embedder):
    """"同比下降5.00%" against "同比增长3.00%": the one that rose is higher, by 8 points, not the larger number."""
    from assistant import Assistant
    from index.build import build_index

    for body, change in (("丰桂县财政局", "同比下降5.00%"), ("丰云区财政局", "同比增长3.00%")):
        (tmp_path / f"{body}2022年预算执行情况.txt").write_text(
            f"{body}2022年预算执行情况\n一、一般公共预算收入\n2022年一般公共预算收入完成4000万元,{change}。\n", encoding="utf-8")
    build_index([tmp_path], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县财政局和丰云区财政局2022年一般公共预算收入的增幅谁高？")
    assert a.found and "下降5.00%" in a.answer and "丰云区财政局2022年高，高 8 个百分点（计算：3% − （-5%））" in a.answer, a.answer


def test_staff_asked_of_each_report_is_a_count_of_people_said_once_per_report(dev2_assistant):
    """"编制各是多少" asks people (人员编制), not the 预算编制范围 a sentence also writes; each report's answer
    ends once, not "。；"."""
    a = dev2_assistant.ask("南县财政局和天水科协的编制各是多少？")
    assert a.found and "205人" in a.answer and "12人" in a.answer, a.answer
    assert "。；" not in a.answer and a.answer.endswith("。"), a.answer
