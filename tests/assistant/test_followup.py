"""Follow-up rewriting on its own, without a model."""

from assistant.followup import resolve_followup

NAMES = ["荔湾区", "花都区", "荔湾", "花都"]


def asks_something(q: str) -> bool:
    return any(w in q for w in ("执行率", "支出", "收入", "问题"))


def test_new_entity_keeps_the_previous_intent():
    assert resolve_followup("那花都区呢？", ["荔湾区预算执行率是多少"], NAMES, asks_something) == "花都区预算执行率是多少"


def test_new_intent_keeps_the_previous_entity():
    assert resolve_followup("它的基本支出呢？", ["花都区总收入是多少"], NAMES, asks_something) == "花都区基本支出"


def test_a_whole_question_is_left_alone():
    q = "荔湾区存在的主要问题是什么"
    assert resolve_followup(q, ["花都区总收入是多少"], NAMES, asks_something) == q
    assert resolve_followup("那花都区呢？", [], NAMES, asks_something) == "那花都区呢？"
