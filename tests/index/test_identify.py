"""A report's identity read from real documents: body, region chain, fiscal year,
each with where it came from; short names by rule; overrides by the user."""

import json

import pytest

from index.document import load_document
from index.names import parse_body, short_name_matches

from ..conftest import DEV2_DOCS, DEV_DOCS, SEEDS

# Every dev and dev2 document: (the body's name as identified, fiscal year), from the corpora's READMEs.
EXPECTED = {
    "01_shanghai_putuo_sports_center.txt": ("上海市普陀区体育事业管理中心", 2022),
    "04_suqian_sucheng_budget_exec2022_trad.txt": ("宿城区财政局", 2022),
    "05_tianjin_dongli_guanghui_road_2020.txt": ("天津市东丽区财政局", 2020),
    "06_haikou_xiuying_water_2022.txt": ("海口市秀英区水务局", 2022),
    "08_zhanjiang_suixi_water_reservoir_2022_garbled.txt": ("遂溪县水务局", 2022),
    "10_huarong_zfjs_2023.txt": ("华容县", 2023),
    "11_yaohai_nlsw_2022.txt": ("合肥市瑶海区农林水务局", 2022),
    "12_leiyang_sizhong_2021.txt": ("耒阳市第四中学", 2021),
    "13_jishan_zhengxie_2022.txt": ("中国人民政治协商会议山西省稷山县委员会", 2022),
    "14_xinjian_zhengxie_2021.txt": ("中国人民政治协商会议江西省南昌市新建区委员会", 2021),
    "15_pingtang_czj_2022.txt": ("平塘县财政局", 2022),
    "16_zengdu_dfc_2021.txt": ("曾都区河道堤防建设管理处", 2021),
    "01_yongde_minglang_zhongxue_2022_zipingbiao.txt": ("永德县明朗中学", 2022),
    "02_zhongjiang_shuili_2022_zipingbiao.txt": ("中江县水利局", 2022),
    "03_nanchong_linye_2023_zipingbiao_ocr.txt": ("南充市林业局", 2023),
    "04_linxiang_lincaoju_2023_zipingbiao.txt": ("临沧市临翔区林业和草原局", 2023),
    "05_shangrao_sifaju_2021_zipingbiao.txt": ("上饶市司法局", 2021),
    "06_langfang_shipin_xuexiao_2019_zipingbiao.txt": ("廊坊市食品工程学校", 2019),
    "07_guangshui_jiwei_2019_zipingbiao.txt": ("广水市纪委监委", 2019),
    "08_lijiang_gucheng_ziranziyuan_2020_zipingbiao_trad.txt": ("丽江市古城区自然资源局", 2020),
    "09_shandong_canlian_2023_zhengti.txt": ("山东省残疾人联合会", 2023),
    "10_xuchang_hehushuixi_2022_zhengti.txt": ("许昌市河湖水系水源调度中心", 2022),
    "11_nanxian_caizhengju_2020_zhengti.txt": ("南县财政局", 2020),
    "13_changdu_zongjiaoju_2022_zhengti_pingjia.txt": ("西藏昌都市宗教事务局", 2022),
    "15_dazu_gulong_weishengyuan_2023_juesuan.txt": ("重庆市大足区古龙镇卫生院", 2023),
    "16_jinkouhe_hepingxiang_2023_juesuan.txt": ("和平彝族乡人民政府", 2023),
    "17_chengkou_gongxiaoshe_2022_juesuan.txt": ("城口县供销合作社", 2022),
    "18_zhigongdang_beijing_2023_juesuan_trad.txt": ("中国致公党北京市委员会", 2023),
    "19_tianshui_kexie_2023_juesuan.txt": ("天水市科学技术协会", 2023),
    "20_zhaoyang_rongmeiti_2021_juesuanbiao.txt": ("昭阳区融媒体中心", 2021),
    "21_danzhou_xipei_zhongxue_2022_juesuan.txt": ("儋州市西培中学", 2022),
    "22_wuxi_danganguan_2022_juesuan.txt": ("重庆市巫溪县档案馆", 2022),
    "23_luowang_jiedao_2022_juesuan.txt": ("洛王街道办事处", 2022),
    "24_benxi_weijianju_2022_juesuan.txt": ("本溪满族自治县卫生健康局", 2022),
    "25_xizang_zhuhuban_2024_juesuan.txt": ("西藏自治区人民政府驻上海办事处", 2024),
    "26_changning_kasizhen_2024_sangong_yusuan.txt": ("昌宁县卡斯镇", 2024),
    "28_jianshan_fagaiju_2023_yusuan.txt": ("双鸭山市尖山区发展和改革局", 2023),
    "30_quanzhou_taishangqu_2022_juesuan_trad.txt": ("泉州台商区", 2022),
    "31_yinchuan_xixia_2021_yusuan_zhixing_biao.txt": ("西夏区", 2021),
    "32_ezhou_2022_shiji_juesuan.txt": ("鄂州市人民政府", 2022),
    "33_tongliang_nongyenongcunwei_2022_jiuzai_ziping.txt": ("重庆市铜梁区农业农村委员会", 2022),
    "36_fumin_tongjiju_2024_jingpu_masked.txt": ("富民县统计局", 2024),
}
# Documents whose text does not name their body (or names it wrongly); the README says so.
EXCEPTIONS = {
    "02_guangzhou_nansha_finance_perf2023.txt": "the text says only 区财政局; 南沙 is in the address",
    "03_hangzhou_yuhang_budget_exec2023.txt": "the text says 全区; 余杭区 appears only in headings",
    "07_guangxi_commerce_county_business_2022.txt": "the 商务厅 is named only by the address (swt.gxzf)",
    "09_gangu_czjs_2023.txt": "甘谷 appears only in the address",
    "12_lingling_linyeju_2021_zhengtibiao.txt": "the source lost the first characters: 陵区林业局",
    "14_wuzhou_yibao_2024_zhengti_fragment.txt": "我部门/我中心 only; 梧州 is in the address",
    "27_baise_shibenji_2024_sangong_yusuan.txt": "百色市本级: a city's own budget, no body named",
    "29_changji_2022_yusuan_zhixing.txt": "titled 2023年度…预算公开; it also reports 2022 execution (routed as 上年)",
    "34_guangxi_nongye_fazhan_zijin_2021_ziping.txt": "我区 only; the body is not named",
    "35_linhe_canlian_2023_ziping_trad_spam.txt": "the source misspells the body: 残疾人联会会",
}


def _docs():
    return {p.name: p for folder in (DEV_DOCS, DEV2_DOCS) for p in sorted(folder.glob("*.txt"))}


@pytest.mark.dev
def test_every_dev_and_dev2_document_has_its_body_and_year():
    docs = _docs()
    assert set(EXPECTED) | set(EXCEPTIONS) == set(docs), "every document is either expected or an exception"
    wrong = {}
    for name, (body, year) in EXPECTED.items():
        doc = load_document(docs[name])
        if (doc.body, doc.year) != (body, year):
            wrong[name] = (doc.body, doc.year)
    assert wrong == {}


@pytest.mark.dev
def test_each_field_says_where_it_was_read():
    doc = load_document(_docs()["17_chengkou_gongxiaoshe_2022_juesuan.txt"])
    body = doc.provenance["body"]
    assert doc.text[body["start"] : body["end"]] == "城口县供销合作社" and body["source"] == "标题行"
    assert doc.regions == ["重庆市", "城口县"] and doc.kind == "部门决算"
    year = doc.provenance["year"]
    assert doc.text[year["start"] : year["end"]] == "2022"


@pytest.mark.dev
def test_site_furniture_is_never_the_title():
    for name, path in _docs().items():
        title = load_document(path).title
        assert not any(word in title for word in ("当前位置", "您现在的位置", "欢迎", "首页 >", "由会员分享")), (name, title)


def test_seed_identity():
    huadu = load_document(SEEDS / "000_9a6e8b3b06371c31.txt")
    assert huadu.body == "中共广州市花都区委员会老干部局" and huadu.regions == ["广州市", "花都区"] and huadu.year == 2023
    assert {"花都区委老干部局", "花都区老干部局", "老干部局"} <= set(huadu.names)


@pytest.mark.parametrize("full, short", [
    ("广州市人力资源和社会保障局", "人社局"), ("海淀区住房和城乡建设委员会", "住建委"), ("某县住房和城乡建设局", "住建局"),
    ("某市自然资源和规划局", "自规局"), ("某区文化和旅游局", "文旅局"), ("某市工业和信息化局", "工信局"),
    ("某市医疗保障局", "医保局"), ("某区应急管理局", "应急局"), ("某区市场监督管理局", "市监局"),
    ("某县农业农村局", "农业局"), ("某市机构编制委员会办公室", "编办"), ("某区残疾人联合会", "残联"),
])
def test_people_s_short_names(full, short):
    body = parse_body(full)
    assert short in body.forms or short_name_matches(short, body.own)


def test_short_names_do_not_cross_bodies():
    assert not short_name_matches("财政局", "教育局") and not short_name_matches("人社局", "住房和城乡建设局")


def test_meta_json_and_overrides_set_identity(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text("一、部门基本情况\n本单位主要职责是……\n二、收支情况\n支出总计100万元。\n", encoding="utf-8")
    (tmp_path / "报告.txt.meta.json").write_text(json.dumps({"body": "广州市花都区财政局", "year": 2024}), encoding="utf-8")
    doc = load_document(report)
    assert doc.body == "广州市花都区财政局" and doc.year == 2024 and doc.regions == ["广州市", "花都区"]
    assert doc.provenance["body"]["source"] == "meta.json"
    doc = load_document(report, {"year": "2023"})
    assert doc.year == 2023 and doc.provenance["year"]["source"] == "命令行" and doc.body == "广州市花都区财政局"


def test_a_title_less_texts_year_is_its_file_names_when_the_text_writes_it():
    """No title line: a sheet's headings write 2023 (上年) more often than 2024; the file's name says 2024 and the
    text writes it too, so 2024 is the report's year. A year the text never writes is not taken from the name."""
    from index.identify import identify

    text = "| 项目 | 2023年预算数 | 2024年预算数 | 增减额 |\n| 合计 | 28.00 | 25.60 | -2.40 |\n| 2023年结转 | 1.00 | | |"
    assert identify(text, text, "某某局2024年部门预算.xlsx").year.value == "2024"
    assert identify(text, text, "某某局2025年部门预算.xlsx").year.value == "2023"
