"""A 项目支出绩效自评表 drawn as the national template's ruled grid (资金 rows under 年初预算数 / 全年预算数 /
全年执行数 / 分值 / 执行率 / 得分, then the indicator rows with 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因,
then 总分) and a 部门整体支出绩效自评报告 in prose, for eval/full_report.py. Figures checked by hand:
执行率 = 执行数 ÷ 全年预算数, 总分 = the scores' sum."""

from pathlib import Path

from .table_reports import FONT, pdf_canvas

PROJECT_BODY = "丰宁区水务局"
PROJECT = "城区河道整治工程"

# (cells, column edges) rows of the grid, drawn top to bottom on one landscape page
_FUNDS = [40, 150, 300, 380, 460, 540, 600, 680, 760]
_INDICATORS = [40, 110, 210, 330, 420, 510, 560, 610, 800]
GRID = [
    (["项目名称", PROJECT, "", "", "", "", "", ""], _FUNDS),
    (["主管部门", PROJECT_BODY, "", "实施单位", "丰宁区河道管理所", "", "", ""], _FUNDS),
    (["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], _FUNDS),
    (["", "年度资金总额", "500.00", "480.00", "456.00", "10", "95.00%", "9.5"], _FUNDS),
    (["", "其中：当年财政拨款", "500.00", "480.00", "456.00", "—", "—", "—"], _FUNDS),
    (["", "上年结转资金", "", "", "", "—", "—", "—"], _FUNDS),
    (["", "其他资金", "", "", "", "—", "—", "—"], _FUNDS),
    (["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], _INDICATORS),
    (["产出指标", "数量指标", "河道清淤长度", "≥12公里", "12.5公里", "15", "15", ""], _INDICATORS),
    (["", "质量指标", "工程验收合格率", "100%", "100%", "15", "15", ""], _INDICATORS),
    (["", "时效指标", "工程完工时间", "2022年11月前", "2022年12月", "10", "8", "受汛期影响工期延后"], _INDICATORS),
    (["", "成本指标", "每公里清淤成本", "≤40万元", "38万元", "10", "10", ""], _INDICATORS),
    (["效益指标", "社会效益指标", "河道水质达标率", "≥90%", "92%", "15", "15", ""], _INDICATORS),
    (["", "生态效益指标", "沿岸绿化面积", "5000平方米", "4800平方米", "10", "8", "部分苗木未成活，来年补植"], _INDICATORS),
    (["满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥90%", "95%", "5", "5", ""], _INDICATORS),
    (["总分", "", "", "", "", "100", "95.5", "优"], _INDICATORS),  # the grade after the score, by the template
]

SELF_EVAL_BODY = "丰宁区教育局"
SELF_EVAL = [
    ("heading", "一、部门基本情况"),
    ("para", "丰宁区教育局负责全区基础教育、学前教育和职业教育的统筹管理。本部门内设机构9个，下属学校32所。"
             "2022年末核定编制1,250人，实有在职人员1,198人。"),
    ("heading", "二、部门整体支出情况"),
    ("para", "2022年度部门年初预算36,500.00万元，年中调整预算38,200.00万元，全年实际支出37,436.00万元，"
             "预算执行率98.00%。其中：基本支出28,100.00万元，项目支出9,336.00万元。"),
    ("heading", "三、绩效目标完成情况"),
    ("para", "（一）产出目标。全年新建改扩建校舍4所，新增学位2,160个；义务教育巩固率100%；教师培训覆盖率95%。"),
    ("para", "（二）效益目标。全区学前教育毛入园率达到92%，比上年提高2个百分点；群众对教育工作的满意度为93.5%。"),
    ("heading", "四、自评结论"),
    ("para", "经自评，本部门2022年度整体支出绩效自评综合得分为92.5分，评价等级为“优”。"),
    ("heading", "五、存在的问题及原因"),
    ("para", "一是部分项目前期论证不充分，年中追加预算1,700.00万元，预算编制的精准度有待提高；二是个别校舍建设项目"
             "受征地拆迁影响，进度滞后，资金未能按计划支出。"),
    ("heading", "六、改进措施"),
    ("para", "加强项目前期论证和预算评审，提高预算编制的科学性；建立重点项目进度月报制度，加快预算执行。"),
]


def write_project_table(path: Path) -> Path:
    """The grid on one landscape page, ruled, as a 自评表 attached to a report is printed."""
    c, (w, h) = pdf_canvas(path, landscape_page=True)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "项目支出绩效自评表")
    c.setFont(FONT, 10)
    c.drawCentredString(w / 2, h - 70, "（2022年度）")
    c.setFont(FONT, 9)
    y = h - 100
    for cells, edges in GRID:  # ruled, every cell centred in its column, as the template prints them
        c.line(edges[0], y + 14, edges[-1], y + 14)
        for i, cell in enumerate(cells):
            if cell:
                c.drawCentredString((edges[i] + edges[i + 1]) / 2, y, cell)
        y -= 22
    c.drawCentredString(w / 2, 30, "- 1 -")
    c.save()
    return path


def write_self_evaluation(path: Path) -> Path:
    """The 部门整体支出绩效自评报告: prose only, on portrait pages."""
    from .full_report import _Pages

    pages = _Pages(path, SELF_EVAL_BODY)
    pages.line(f"{SELF_EVAL_BODY}2022年度部门整体支出绩效自评报告", 16, centred=True, gap=36)
    pages.blocks(SELF_EVAL)
    pages.save()
    return path
