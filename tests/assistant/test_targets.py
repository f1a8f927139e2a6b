"""An indicator's 实际完成值 against its 年度指标值 (assistant/targets.py), as 自评表 write them."""

import pytest

from assistant.targets import compare


@pytest.mark.parametrize("target, actual, cost, met", [
    ("≥12公里", "12.5公里", False, True),
    ("≧95%", "93%", False, False),
    ("═100%", "98%", False, False),  # an OCR'd 指标性质 "="
    ("﹦", "72890", False, None),  # the sign alone: its value is in another cell
    ("﹦72890元", "72890", False, True),  # a result with no unit is in the 度量单位 column's
    ("≤40万元", "38万元", False, True),
    ("40万元", "42万元", True, False),  # a cost with no sign is a ceiling
    ("5000平方米", "4800平方米", False, False),  # any other target with no sign a floor
    ("2022年11月前", "2022年12月", False, False),
    ("2022年12月底前", "2022年12月", False, True),
    ("显著提升", "显著提升", False, None),  # words are not judged
    ("≥90%", "92公里", False, None),  # nor figures in other units
])
def test_a_result_against_its_target(target, actual, cost, met):
    assert compare(target, actual, cost).met is met
