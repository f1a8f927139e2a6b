"""Follow-up rewriting on its own, without a model."""

from assistant.followup import resolve_followup

NAMES = ["荔湾区", "花都区", "荔湾", "花都"]


def asks_something(q: str) -> bool:
    return any(w in q for w in ("执行率", "支出", "收入", "问题"))


def test_new_entity_keeps_the_previous_intent():
    assert resolve_followup("那花都区呢？", ["荔湾区预算执行率是多少"], NAMES, asks_something) == "花都区预算执行率是多少"


def test_a_new_entity_written_as_a_place_and_a_short_name_is_kept_whole():
    """"那临江区城管局呢？": 临江区 and 城管局 are both names; the new body is the two, not the place alone."""
    names = ["丰宁区民政局", "丰宁区", "临江区", "城管局", "民政局"]
    assert resolve_followup("那临江区城管局呢？", ["丰宁区民政局三公经费多少？"], names, asks_something) == "临江区城管局三公经费多少？"


def test_new_intent_keeps_the_previous_entity_and_how_it_asked():
    """"它的基本支出呢？" after "…总收入是多少": 基本支出, asked for the same way (a figure)."""
    assert resolve_followup("它的基本支出呢？", ["花都区总收入是多少"], NAMES, asks_something) == "花都区基本支出是多少"


def test_a_follow_up_that_says_little_is_about_the_previous_subject():
    """"占比呢？" after "花都区公用经费多少？": the share of 公用经费, not of 花都区."""
    assert resolve_followup("占比呢？", ["花都区2023年公用经费多少？"], NAMES, lambda q: True) == "花都区2023年公用经费占比"
    # "它的…": the body's, not the previous subject's
    assert resolve_followup("它的执行数呢？", ["荔湾区老干部局项目支出是多少？"], NAMES, lambda q: True) == "荔湾区执行数是多少？"


def test_a_whole_question_is_left_alone():
    q = "荔湾区存在的主要问题是什么"
    assert resolve_followup(q, ["花都区总收入是多少"], NAMES, asks_something) == q
    assert resolve_followup("那花都区呢？", [], NAMES, asks_something) == "那花都区呢？"


def test_a_follow_up_asked_first_is_a_question_back_not_a_refusal(seed_assistant):
    a = seed_assistant.ask("那花都区呢？")
    assert a.kind == "clarify" and not a.found and "上一个问题" in a.answer
    followed = seed_assistant.ask("那花都区呢？", history=["荔湾区预算执行率是多少"])
    assert followed.resolved_question == "花都区预算执行率是多少" and followed.kind != "clarify"


def test_a_server_sees_reports_indexed_by_another_process(tmp_path, embedder):
    from assistant import Assistant
    from index.build import build_index

    first = tmp_path / "甲县水务局2024年项目支出绩效自评报告.txt"
    first.write_text("甲县水务局2024年项目支出绩效自评报告\n一、项目资金情况\n全年预算数 300.00 万元，执行数 270.00 万元，"
                     "完成预算的 90.00%。\n", encoding="utf-8")
    second = tmp_path / "乙县民政局2024年项目支出绩效自评报告.txt"
    second.write_text("乙县民政局2024年项目支出绩效自评报告\n一、项目资金情况\n全年预算数 500.00 万元，执行数 400.00 万元，"
                      "完成预算的 80.00%。\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    build_index([first], index_dir, embedder=embedder)
    running = Assistant.load(index_dir)
    assert not running.ask("乙县民政局预算执行率是多少").found
    build_index([second], index_dir, embedder=embedder)  # what `assistant index` does meanwhile
    answer = running.ask("乙县民政局预算执行率是多少")
    assert answer.found and "80.00%" in answer.answer


def test_a_new_subject_is_asked_of_the_same_body_and_year():
    """"那人员经费呢？" after "临江城管局23年公用经费多少？": of 临江城管局 in 23年, not of 城管局 in any year."""
    names = ["临江城管局", "临江", "城管局"]
    assert resolve_followup("那人员经费呢？", ["临江城管局23年公用经费多少？"], names, lambda q: True) == "临江城管局23年人员经费多少？"


def test_a_year_alone_asks_the_previous_question_of_that_year():
    names = ["清河县农业农村局", "清河县"]
    assert resolve_followup("2022年呢？", ["清河县农业农村局2023年收入总计多少？"], names, asks_something) \
        == "清河县农业农村局2022年收入总计多少？"
    assert resolve_followup("那22年的呢？", ["清河县农业农村局收入总计多少？"], names, asks_something) \
        == "清河县农业农村局22年收入总计多少？"


def test_which_is_more_after_two_bodies_compares_them_on_that_subject():
    """"哪个多？" after "丰云街道三公经费预算多少？" and (resolved) "金桥街道三公经费预算多少？"."""
    names = ["丰云街道", "金桥街道"]
    history = ["丰云街道三公经费预算多少？", "金桥街道三公经费预算多少？"]
    assert resolve_followup("哪个多？", history, names, asks_something) == "丰云街道和金桥街道三公经费预算哪个多"


def test_a_comparison_after_a_bare_subject_compares_that_subject():
    from assistant.followup import continue_topic

    assert continue_topic("比上年涨了还是跌了？", "临江城管局23年人员经费", ["临江城管局"]) == "临江城管局23年人员经费比上年涨了还是跌了？"


def test_a_conversation_keeps_its_body_year_and_subject(full_assistant):
    """The turns as a user types them, through the real index: each answer is of the body, year and subject meant."""
    history: list = []
    turns = [("丰云街道三公经费预算多少？", "8.50"), ("那金桥街道呢？", "6.20"), ("哪个多？", "2.30"),
             ("清河县农业农村局2023年收入总计多少？", "3,551.78"), ("2022年呢？", "3,762.22")]
    for question, figure in turns:
        a = full_assistant.ask(question, history=history)
        assert a.found and figure in a.answer, (question, a.answer)
        history.append((question, a.answer))


def test_why_alone_asks_the_reason_for_the_previous_subject():
    """"为什么？" after "卡斯镇24年公务接待费比上年多了多少": asks words (什么), about what was asked before."""
    resolved = resolve_followup("为什么？", ["卡斯镇24年公务接待费比上年多了多少"], ["卡斯镇"], lambda q: False)
    assert resolved.startswith("卡斯镇24年公务接待费比上年多了") and resolved.endswith("为什么")
