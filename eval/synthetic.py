"""Deterministic synthetic corpora for the benchmark.

Each report recombines real section texts (from the bundled seed reports and,
when present, ../shared/corpus) under a made-up body, region and year, with
its own consistent figures, so the text reads like the genre and the answer to
every generated figure question is known. The two seed reports are copied in
unchanged, buried among the others (the needle test)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from index.document import load_documents

SYLLABLES = "东西南北中新安平和福兴宁永康泰华清江山河湖海城阳明德昌盛丰源瑞祥云龙凤桂兰松柏金银"
DEPARTMENTS = ["财政局", "教育局", "水务局", "民政局", "卫生健康局", "农业农村局", "交通运输局", "文化广电旅游局",
               "人力资源和社会保障局", "住房和城乡建设局", "老干部局", "统计局", "审计局", "司法局"]
AVOID = {"荔湾", "花都"}


def _section_pool(sources: list[Path]) -> dict[str, list[str]]:
    """Body texts of real sections, grouped by what they are about."""
    pool: dict[str, list[str]] = {"职能": [], "问题": [], "措施": [], "目标": [], "其他": []}
    for doc in load_documents(sources).documents:
        for s in doc.sections:
            body = doc.text[s.start : s.end].split("\n", 1)[-1].strip()
            if len(body) < 60:
                continue
            body = body[:600]
            key = next((k for k in ("职能", "问题", "措施", "目标") if k in s.heading), "其他")
            pool[key].append(body)
    return pool


def _names(rng: random.Random, n: int) -> list[str]:
    """n distinct place names: two syllables while most of them are free (41 × 40 of them),
    then three, so that 10,000 names exist."""
    names: list[str] = []
    seen = set()
    while len(names) < n:
        core = "".join(rng.choice(SYLLABLES) for _ in range(2 if len(names) < 1200 else 3))
        if core[0] == core[1] or core in AVOID or core in seen:
            continue
        seen.add(core)
        names.append(core + rng.choice("区县"))
    return names


def make_corpus(n: int, out_dir: Path, sources: list[Path], seeds: list[Path], seed: int = 7) -> list[dict]:
    """Write n reports (the seeds included) to out_dir; return their known figures."""
    rng = random.Random(seed)
    pool = _section_pool(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = []
    regions = _names(rng, n)
    for path in seeds:
        shutil.copy(path, out_dir / path.name)
    for i in range(max(0, n - len(seeds))):
        region = regions[i]
        body = f"{region}{rng.choice(DEPARTMENTS)}"
        year = rng.randint(2019, 2024)
        budget = round(rng.uniform(80, 9000), 2)
        spent = round(budget * rng.uniform(0.7, 1.0), 2)
        rate = round(spent / budget * 100, 2)
        basic = round(spent * rng.uniform(0.4, 0.8), 2)
        project = round(spent - basic, 2)
        text = "\n".join([
            f"{body} {year} 年部门整体支出绩效自评报告",
            "一、基本情况",
            "（一）部门职能",
            rng.choice(pool["职能"] or pool["其他"]),
            "（二）部门整体收支情况",
            f"全年预算数 {budget:.2f} 万元，执行数 {spent:.2f} 万元，完成预算的 {rate:.2f}%。",
            f"按支出性质看，基本支出 {basic:.2f} 万元，项目支出 {project:.2f} 万元。",
            "（三）部门整体支出绩效目标",
            rng.choice(pool["目标"] or pool["其他"]),
            "二、存在的主要问题",
            rng.choice(pool["问题"] or pool["其他"]),
            "三、下一步改进措施",
            rng.choice(pool["措施"] or pool["其他"]),
        ])
        name = f"synthetic_{i:05d}.txt"
        (out_dir / name).write_text(text, encoding="utf-8")
        truth.append({"doc": name, "region": region, "body": body, "year": year, "rate": rate,
                      "budget": budget, "spent": spent, "basic": basic, "project": project})
    return truth


def generated_questions(truth: list[dict], count: int, seed: int = 7) -> list[dict]:
    """Figure questions with known answers, in the eval format."""
    rng = random.Random(seed + 1)
    questions = []
    for n, t in enumerate(rng.sample(truth, min(count, len(truth)))):
        metric, value, fmt = rng.choice([("预算执行率", t["rate"], "{:.2f}%"), ("基本支出", t["basic"], "{:.2f}万元"),
                                         ("项目支出", t["project"], "{:.2f}万元")])
        answer = fmt.format(value)
        questions.append({"id": f"g{n:04d}", "question": f"{t['body']}{t['year']}年{metric}是多少？", "doc": t["doc"],
                          "answer": answer, "answer_type": "percent" if "%" in answer else "number",
                          "evidence": answer.replace("万元", " 万元") if "万元" in answer else answer, "notes": "generated"})
    return questions
