"""Which reports a question is about, or why it cannot be answered from any.

A question that names a body, place or year is answered only from reports
that match all of them. The names people write are matched against each
report's identity (index/identify.py, index/names.py): exact forms (花都区,
荔湾区委老干部局, 驻沪办), short names as ordered subsequences of the full name
(临翔林草局, 城口供销社), places by their level (广州市 is the city, not its
花都区), and file names or addresses in pinyin for reports whose text never
names its body. Named but not indexed → refuse and say what is indexed
nearest; several reports fit a short name → ask which; a year not indexed →
say which years are.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.identify import PINYIN_GLOSS
from index.names import (
    PLACE_SUFFIXES, is_subsequence, org_kind, parse_body, place_level, not_places, place_variants, provinces,
    short_name_matches, split_places,
)
from index.normalize import fold
from index.records import Document

from .question import cues

MAX_NAME = 24
# Kinds of body found at one level only by name (a school is not "the city's school"):
# a higher place written before them does not ask for another body.
_NOT_LEVEL_BOUND = ("学校", "中学", "小学", "学院", "大学", "幼儿园", "医院", "卫生院")
_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年|(?<![\d.])([12]\d)\s*年(?!\d)")
_OWN_YEAR = re.compile(rf"\s*(?:{_YEAR.pattern})")  # a year written right after a name: its own
_SHORT_END = set("局委办会社联厅处院馆所站校学心府队部署")
_GENERIC_PLACE = re.compile(r"^[全本我该各哪两几每这那其此]")
# What follows a body's name: the question's end, a year, 的, or the first words of what is asked of it
_AFTER_BODY = (r"(?=$|\d|[的是在有和与、，,？?。]|今年|去年|[一-龥]?年|机关|部门|单位|整体|预算|决算|项目|收入|支出|经费|三公"
               r"|基本|人员|公用|资金|政府|财政|一般|绩效|全年|本年|上年|编制|在职|公务|结转|结余|总计|合计)")
# A body's name written right after a place: 人社局 in 花都区人社局, 卫生健康局 in 清河县卫生健康局基本支出….
_UNKNOWN_ORG = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:局|委|厅|办|中心|医院|学校|中学|小学|协会|联合会|残联|科协|街道|政府|所|站|馆|院)"
                          + _AFTER_BODY)
# A body's name opening the question (人社局机关运行经费…), when no indexed name is there.
_LEADING_ORG = re.compile(r"^(?:那个|这个)?([\u4e00-\u9fff]{1,6}?(?:局|委|厅|办|中心|医院|学校|中学|小学|协会|联合会|残联|科协|政府))"
                          + _AFTER_BODY)
# a question across a body's years; "这两年", "近三年" across its latest two or three
_WHICH_YEAR = re.compile(r"哪一?年|哪个年度|历年|各年|每年|逐年|(?:这|近|最近|前后)(?P<count>[两二三四五几])个?年")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
_REGION = re.compile(r"[省市区县旗州]$")  # a region, whose own report (政府预算, 执行情况) is not its bodies'
# words that begin no body's name: content (各级关工委) or pointing (这个收容所)
_NOT_A_NAME = re.compile(r"各|全|所属|下属|直属|辖区|相关|有关|这|那|该|本")
# the endings of a body's name that no common word after a place ends in (住院, 场所, 举办 end in 院, 所, 办)
_BODY_WORD_ENDS = ("局", "委", "厅", "中心", "医院", "学校", "中学", "小学", "协会", "联合会", "残联", "科协", "街道")


def _body_words_after(q: str, at: int) -> str:
    """A body's name right after a place, as jieba segments the question: up to three words, the last
    ending as bodies' names end (税务局 in 丰宁区税务局非税收入, 住建局 in 清河县住建局一共有几辆车)."""
    from index.terms import _jieba

    run = ""
    for word in _jieba().lcut(q[at : at + 12])[:3]:
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            return ""
        run += word
        ending = next((e for e in _BODY_WORD_ENDS if run.endswith(e)), None)
        if ending:
            return run if len(run) > len(ending) and not cues()["acts"].search(q[at + len(run):]) else ""
    return ""


_JOINER = re.compile(r"^[\s的之和与及、，,]*$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "place" | "org"
    doc_ids: set[str]


@dataclass
class Route:
    """The reports to answer from, or the reason there are none."""

    status: str  # ok | unnamed | not_indexed | ambiguous | year_missing
    doc_ids: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)  # per named body, its reports
    years: list[int] = field(default_factory=list)
    period: str = ""  # "上年": a year answered from the next year's report, which states it as 上年
    names: list[str] = field(default_factory=list)  # the names as written in the question
    unknown: list[str] = field(default_factory=list)  # names written that no report has
    message: str = ""
    # one body's years, each a group, when a change from one to the next was routed to the later report only:
    # what to compare when that report does not state the change
    years_apart: list[list[str]] = field(default_factory=list)


def _body_words_within(q: str, at: int, body: str) -> str:
    """The longest run of two or more characters written at `at` that the body's own name
    holds ("水利" after 中江, of 中江县水利局): part of the name, not a word asked about."""
    for n in range(min(6, len(q) - at), 1, -1):
        if q[at : at + n] in body:
            return q[at : at + n]
    return ""


def question_years(question: str) -> list[int]:
    """2023年, 2023年度, 23年 (two digits read as 20xx)."""
    years = []
    for m in _YEAR.finditer(question):
        y = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
        if 2000 <= y <= 2099 and y not in years:
            years.append(y)
    return years


@dataclass
class _Known:
    """What one report can be called, computed once per index."""

    doc: Document
    forms: set[str]  # exact names of the body (with and without places)
    own_names: list[str]  # names without places, for short-name matching
    chain: list[set[str]]  # variants of each place of its region chain, outermost first
    level_bound: bool


class Router:
    def __init__(self, documents: dict[str, Document]):
        self.documents = documents
        self.known: dict[str, _Known] = {}
        self.exact: dict[str, set[str]] = defaultdict(set)  # written form → doc ids
        self.place_of: dict[str, set[str]] = defaultdict(set)  # place form → doc ids having it in their chain
        self.level_exact: dict[str, set[str]] = defaultdict(set)  # 省残联: only at a word boundary
        self.by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first character → (doc, name)
        self.under: dict[str, set[str]] = defaultdict(set)  # a 主管部门's written form → the reports it oversees
        self._mentions_of: dict[str, list[Mention]] = {}
        _pinyin_forms("地名")  # the pinyin tables load now (0.16 s), not in the first question naming an unindexed place
        for doc_id, doc in documents.items():
            # the body's names only: a 主管部门 written in a 自评表 is another body
            forms: set[str] = set()
            own: list[str] = []
            if doc.body:
                parsed = parse_body(fold(doc.body))
                forms = set(parsed.forms)
                own = [f for f in parsed.forms if not split_places(f)[0] and f[0] not in "省市州县区旗镇乡"]
            chain = [place_variants(fold(p)) for p in doc.regions]
            kind = org_kind(doc.body or "")
            level_forms: set[str] = {f for f in forms if f[0] in "省市州县区旗镇乡"}
            if doc.body and parsed.places:
                level_forms |= {parsed.places[-1][-1] + f for f in own}  # 省残联, 区林草局
            forms -= level_forms
            known = _Known(doc, forms, [o for o in own if len(o) >= 2], chain, not kind.endswith(_NOT_LEVEL_BOUND))
            self.known[doc_id] = known
            for form in forms:
                self.exact[form].add(doc_id)
            for form in level_forms:
                self.level_exact[form].add(doc_id)
            for variants in chain:
                for v in variants:
                    self.place_of[v].add(doc_id)
            for name in set(known.own_names):
                self.by_first[name[0]].append((doc_id, name))
            if doc.parent:  # "水务局那个河道整治项目": a project's table answers to its 主管部门 when no report is that body's
                for form in parse_body(fold(doc.parent)).forms:
                    self.under[form].add(doc_id)

    # --- finding names in the question -------------------------------------------------

    def _mentions(self, q: str) -> list[Mention]:
        """The names of bodies and places the (folded) question writes. A question is read
        several times while it is answered (routing, its content, its clauses): the names
        found are kept for the last few questions, as fresh copies each time."""
        if q not in self._mentions_of:
            if len(self._mentions_of) >= 256:
                self._mentions_of.pop(next(iter(self._mentions_of)))
            self._mentions_of[q] = self._find_mentions(q)
        return [replace(m, doc_ids=set(m.doc_ids)) for m in self._mentions_of[q]]

    def _find_mentions(self, q: str) -> list[Mention]:
        found: list[Mention] = []
        for i in range(len(q)):
            for j in range(min(len(q), i + MAX_NAME), i + 1, -1):
                s = q[i:j]
                if s in self.exact:
                    found.append(Mention(i, j, s, "org", set(self.exact[s])))
                elif s in self.under and len(s) >= 3:
                    found.append(Mention(i, j, s, "org", set(self.under[s])))
                if s in self.level_exact and (i == 0 or not re.match(r"[\u4e00-\u9fff]", q[i - 1])):
                    found.append(Mention(i, j, s, "org", set(self.level_exact[s])))
                if s in self.place_of and not _GENERIC_PLACE.match(s):
                    found.append(Mention(i, j, s, "place", set(self.place_of[s])))
            if q[i] in _SHORT_END:
                for start in range(max(0, i - 11), i):
                    s = q[start : i + 1]
                    docs = {d for d, name in self.by_first.get(s[0], ()) if s != name and
                            (short_name_matches(s, name) or (len(s) >= 4 and is_subsequence(s, name)))}
                    if docs:
                        found.append(Mention(start, i + 1, s, "org", docs))
        merged: dict[tuple[int, int, str], Mention] = {}
        for m in found:  # one span read two ways (exact and short name) is one mention
            key = (m.start, m.end, m.kind)
            if key in merged:
                merged[key].doc_ids |= m.doc_ids
            else:
                merged[key] = m
        found = list(merged.values())
        # the longest names first; a shorter one inside a longer one is the same name
        found.sort(key=lambda m: (-(m.end - m.start), m.start, m.kind != "org"))
        chosen: list[Mention] = []
        for m in found:
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
            elif any(c.start == m.start and c.end == m.end and c.kind != m.kind for c in chosen):
                chosen.append(m)  # 洛王街道: both a place and the body's name
        return sorted(chosen, key=lambda m: m.start)

    def _with_unknown(self, q: str, mentions: list[Mention], unknown: list[str]) -> list[Mention]:
        """Names the index does not have are part of the entity they belong to:
        福州市 in 福州市财政局, 人社局 in 花都区人社局. An entity holding one cannot
        be any indexed report, so it is refused rather than answered by a neighbour."""
        out = list(mentions)
        for place in unknown:
            at = q.find(place)
            if at != -1 and all(m.end <= at or m.start >= at + len(place) for m in out):
                out.append(Mention(at, at + len(place), place, "place", set()))
        out.sort(key=lambda m: m.start)
        for m in list(out):
            if m.kind != "place" or any(o.start == m.end for o in out):
                continue
            if any(o.kind == "org" and o.start == m.start and o.end == m.end for o in out) and not _REGION.search(m.text):
                continue  # 洛王街道 is itself the body: 洛王街道工委 is a part of it (丰宁区财政局 is no part of 丰宁区's report)
            run = _UNKNOWN_ORG.match(q, m.end)
            name = run.group(0) if run else _body_words_after(q, m.end)
            if name and any(name in fold(f"{self.documents[d].project} {self.documents[d].title}") for d in m.doc_ids):
                continue  # "临翔区收容所项目": 收容所 is a word of the place's own report's project, not another body
            if name and not _NOT_A_NAME.match(name):
                out.append(Mention(m.end, m.end + len(name), name, "org", set()))
        return sorted(out, key=lambda m: m.start)

    @staticmethod
    def _is_weak(m: Mention, found: list[Mention]) -> bool:
        """A place written without its suffix (新建, 东丽) is also an ordinary word."""
        if m.kind != "place" or m.text.endswith(PLACE_SUFFIXES) or m.text in provinces():
            return False
        return not any(o.kind == "org" and o.start == m.end for o in found)

    def _joined_to_named(self, q: str, m: Mention, chosen: list[Mention]) -> bool:
        """A bare place joined by 和/与/及/、 to a body named in full is a party of its own: "中江水利和
        临翔林草局", "临翔林草局…和中江水利…" (its body written short after it)."""
        for o in chosen:
            if o is m or self._is_weak(o, chosen):
                continue
            if o.start >= m.end and re.fullmatch(r"[\u4e00-\u9fff]{0,4}[和与及、]", q[m.end : o.start]):
                return True
            if o.end <= m.start and q[m.start - 1] in "和与及、":  # "临翔林草局的收容所项目和中江水利的…"
                return True
        return False

    def _drop_weak(self, q: str, chosen: list[Mention]) -> list[Mention]:
        """Bare place words count only when nothing stronger is named, and then the
        first one and those joined to it (东丽湖新建光辉路: 东丽, not 新建)."""
        weak = [m for m in chosen if self._is_weak(m, chosen) and not self._joined_to_named(q, m, chosen)]
        if not weak:
            return chosen
        if len(weak) < len(chosen):
            return [m for m in chosen if m not in weak]
        kept = [weak[0]]
        for m in weak[1:]:
            if re.fullmatch(r"[和与及、,，]", q[kept[-1].end : m.start]):
                kept.append(m)
        return kept

    def _place_candidates(self, q: str, mentions: list[Mention]) -> list[tuple[int, str]]:
        """Places written outside the known names: units like 越秀区 or 广东省 at a
        word boundary, and jieba's places."""
        candidates: list[tuple[int, str]] = []
        for i in range(len(q)):
            if i and re.match(r"[\u4e00-\u9fff]", q[i - 1]) and q[i - 1] not in "和与及、" \
                    and not any(m.end == i for m in mentions):
                continue
            at = i
            for place in split_places(q[i : i + 14])[0]:
                candidates.append((at, place))
                at += len(place)
        pos = 0
        for word, flag in self._tagged(q):
            if flag == "ns" and len(word) >= 2:
                candidates.append((pos, word))
            pos += len(word)
        out = []
        for at, place in candidates:
            if any(m.start < at + len(place) and at < m.end for m in mentions) or _GENERIC_PLACE.match(place) \
                    or place in not_places():
                continue
            core = re.sub("(" + "|".join(PLACE_SUFFIXES) + ")$", "", place)
            core = core if len(core) >= 2 else place  # 梧州, 南县: the suffix is part of the name
            if len(core) < 2 or re.search(r"[的在年管几个负责哪和与是了为全本该各其每这那]", core):
                continue
            if (at, place) not in out:
                out.append((at, place))
        return out

    def _unknown_places(self, candidates: list[tuple[int, str]]) -> list[str]:
        """Places the question writes that no report has (by text, file name or address)."""
        out = []
        for _, place in candidates:
            if not (place.endswith(PLACE_SUFFIXES) or place in provinces()):
                continue
            if place_level(place) >= 3:
                continue  # a town written as content (西秀镇龙头村), not as the body asked about
            if place not in self.place_of and not self._pinyin_docs(place) and place not in out:
                out.append(place)
        return out

    def _tagged(self, q: str) -> list[tuple[str, str]]:
        from index.terms import _jieba

        _jieba()
        import jieba.posseg

        return [(w, f) for w, f in jieba.posseg.cut(q)]

    def _pinyin_docs(self, place: str) -> set[str]:
        core = re.sub("(" + "|".join(PLACE_SUFFIXES) + ")$", "", place)
        if len(core) < 2:
            core = place  # 梧州: the suffix is part of the name
        if len(core) < 2:
            return set()
        readings = _pinyin_forms(core)
        return {d for d, k in self.known.items() if not readings.isdisjoint(k.doc.aliases)}

    # --- matching names to reports ------------------------------------------------------

    def _entity_docs(self, mentions: list[Mention]) -> set[str]:
        """Reports that fit every name of one entity ("临翔区" + "林草局"). The
        deepest place written must be the report's own level unless the body is
        named by a proper name (a school): 广州市老干部局 is not 花都区's."""
        places = [m for m in mentions if m.kind == "place"]
        orgs = [m for m in mentions if m.kind == "org"]
        if any(not m.doc_ids for m in mentions):
            return set()
        # a report whose text names its body without its place (区财政局) takes the place
        # from its file name or address: 南沙区 + 财政局
        placeless = {d for p in places for d in p.doc_ids if not self.known[d].chain}
        org_docs = [m.doc_ids | {d for d in placeless if m.text in fold(self.documents[d].body)} for m in orgs]
        docs = set.intersection(*(org_docs or [m.doc_ids for m in places]))
        keep = set()
        for d in docs:
            known = self.known[d]
            if any(d not in p.doc_ids for p in places):
                continue
            written = [p.text for p in places] + [x for o in orgs for x in split_places(o.text)[0]]
            if written and known.chain:
                depth = max((i for p in written for i, v in enumerate(known.chain) if p in v), default=None)
                if depth is not None and depth < len(known.chain) - 1 and (not orgs or known.level_bound):
                    continue
            keep.add(d)
        return keep

    def route(self, question: str, only: list[str] | None = None) -> Route:
        q = PINYIN_GLOSS.sub("", fold(question))
        years = question_years(q)
        mentions = self._mentions(q)
        places = self._place_candidates(q, mentions)
        unknown = self._unknown_places(places)
        pinyin_hits = []
        for at, word in places:
            docs = self._pinyin_docs(word)
            if docs and all(p.end <= at or p.start >= at + len(word) for p in pinyin_hits):
                pinyin_hits.append(Mention(at, at + len(word), word, "place", docs))
        mentions = self._drop_weak(q, sorted(mentions + pinyin_hits, key=lambda m: m.start))
        mentions = self._with_unknown(q, mentions, unknown)
        lead = _LEADING_ORG.match(q)
        if lead and not any(m.start < lead.end() for m in mentions):
            mentions.insert(0, Mention(lead.start(1), lead.end(1), lead.group(1), "org", set()))  # 人社局…: not indexed
        entities: list[list[Mention]] = []
        for m in mentions:
            if entities and _JOINER.match(q[entities[-1][-1].end : m.start]) and \
                    not re.search(r"[和与及、，,]", q[entities[-1][-1].end : m.start]):
                entities[-1].append(m)
            else:
                entities.append([m])
        names = [q[e[0].start : e[-1].end] for e in entities]
        groups = []
        for entity in entities:
            docs = self._entity_docs(entity)
            if only is not None:
                docs &= set(only)
            groups.append(sorted(docs))
        for i, entity in enumerate(entities):
            # "中江水利": a place written without its suffix, then its body's words written short — part of the
            # name; after a place written whole ("南县财政收入" of 南县财政局) the words are what is asked
            bodies = {fold(self.documents[d].body) for d in groups[i]}
            last = entity[-1]
            if last.kind == "place" and not last.text.endswith(PLACE_SUFFIXES) and len(bodies) == 1:
                names[i] += _body_words_within(q, last.end, bodies.pop())
        route = Route("ok", years=years, names=names, unknown=unknown)
        for i, entity in enumerate(entities):
            if not groups[i] and all(m.kind == "place" for m in entity):
                below = self._below(entity, only)
                if len({self._body_key(d) for d in below}) == 1:
                    groups[i] = below  # 丽江: the one report filed under that place
        if any(len(g) == 1 for g in groups):
            for i, entity in enumerate(entities):  # "财政局" beside "华容县": the same body, not another
                if all(m.kind == "org" for m in entity) and len({self._body_key(d) for d in groups[i]}) > 1:
                    groups[i] = []
                    names[i] = ""
        resolved = [g for g in groups if g]
        # "清河县农业农村局2023年和丰宁区民政局2022年": each body its own year, written right after its name
        own_years = [question_years(m.group(0)) if (m := _OWN_YEAR.match(q, e[-1].end)) else []
                     for e, g in zip(entities, groups) if g]
        if len(resolved) < 2 or not all(own_years) or len({y for ys in own_years for y in ys}) < 2:
            own_years = [years] * len(resolved)
        unresolved = [names[i] for i, g in enumerate(groups) if not g and names[i]]
        if not entities:
            if unknown:
                return self._not_indexed(route, unknown)
            route.status = "unnamed"
            route.doc_ids = sorted(only) if only is not None else []
            return route
        if not resolved:
            return self._not_indexed(route, unresolved + unknown)
        if unknown and not any(self.known[d].chain for g in resolved for d in g):
            return self._not_indexed(route, unknown)
        route.groups = []
        yearly = self._year_by_year(resolved[0], years, q) if len(resolved) == 1 else None
        if yearly and len(years) == 2 and max(years) - min(years) == 1 and cues()["period_change"].search(q):
            # a change from one year to the next: the later report, which states it on its 上年; the years kept apart
            # to compare when it does not
            route.years_apart, yearly = yearly, yearly[-1:]
        for n, group in enumerate(yearly or resolved):  # one body, several of its years asked: each year a report of its own
            group = group if yearly else self._by_year(group, own_years[n], route)
            if group is None:
                return route
            route.groups.append(group)
        for group in route.groups:
            bodies = {self._body_key(d) for d in group}
            if len(bodies) > 1:
                route.status = "ambiguous"
                listed = "、".join(self.display_name(d) for d in group[:8])
                route.message = f"“{names[route.groups.index(group)]}”对应多份报告：{listed}。请说明是哪一个单位。"
                route.doc_ids = group
                return route
        route.doc_ids = sorted({d for g in route.groups for d in g})
        return route

    def _year_by_year(self, group: list[str], years: list[int], q: str) -> list[list[str]] | None:
        """One body's reports, one group per year in order, when the question asks of several of its years
        ("22年和23年…分别", "哪一年…更多"); None when it asks of one."""
        if len({self._body_key(d) for d in group}) != 1 or not (len(years) >= 2 or _WHICH_YEAR.search(q)):
            return None
        named = [d for d in group if not years or self.documents[d].year in years]
        present = sorted({self.documents[d].year for d in named if self.documents[d].year})
        if not years and (m := _WHICH_YEAR.search(q)) and m.group("count") in _COUNT:
            present = present[-_COUNT[m.group("count")] :]  # "这两年": the latest two
        if len(present) < 2:
            return None
        return [[d for d in named if self.documents[d].year == y] for y in present]

    def bodies(self, only: list[str] | None = None) -> list[list[str]]:
        """These reports (all when None) by body, each body's of its latest year."""
        out: dict[str, list[str]] = {}
        for d in self._by_year(list(only) if only is not None else list(self.documents), [], Route("unnamed")) or []:
            out.setdefault(self._body_key(d), []).append(d)
        return list(out.values())

    def _below(self, entity: list[Mention], only: list[str] | None) -> list[str]:
        docs = set.intersection(*(m.doc_ids for m in entity))
        return sorted(docs & set(only) if only is not None else docs)

    def _body_key(self, doc_id: str) -> str:
        doc = self.documents[doc_id]
        return fold(doc.body or doc.region or doc.doc_id)

    def _by_year(self, group: list[str], years: list[int], route: Route) -> list[str] | None:
        """The group's reports for the years asked: the same year, else the next
        year's report (it states the year asked as 上年); none → year_missing."""
        if not years:  # one body, several years: its reports of the latest year (a 决算 published table by table is several)
            latest: dict[str, int] = {}
            for d in group:
                key = self._body_key(d)
                latest[key] = max(latest.get(key, 0), self.documents[d].year or 0)
            return sorted(d for d in group if (self.documents[d].year or 0) == latest[self._body_key(d)])
        same = [d for d in group if self.documents[d].year in years]
        if same:
            return same
        later = [d for d in group if self.documents[d].year and self.documents[d].year - 1 in years]
        if later:
            route.period = "上年"
            return later
        # "关于2023年预算执行情况和2024年预算草案的报告": a title that names the year asked covers it too
        titled = [d for d in group if any(re.search(rf"{y}\s*年", fold(self.documents[d].title)) for y in years)]
        if titled:
            return titled
        undated = [d for d in group if not self.documents[d].year]
        if undated:
            return undated
        have = sorted({self.documents[d].year for d in group if self.documents[d].year})
        body = self.display_name(group[0], with_year=False)
        asked = "、".join(f"{y}年" for y in years)
        route.status = "year_missing"
        route.doc_ids = group
        route.message = f"已索引的{body}报告只有{'、'.join(f'{y}年' for y in have)}的，没有{asked}的。"
        return None

    def _not_indexed(self, route: Route, names: list[str]) -> Route:
        route.status = "not_indexed"
        route.unknown = names
        nearest = self.nearest(names)
        listed = "、".join(self.display_name(d) for d in nearest[:8])
        where = f"已索引的相关报告有：{listed}。" if listed else "已索引的报告中没有这个单位或地区。"
        shown = [n for n in dict.fromkeys(names) if not any(n != o and n in o for o in names)]
        route.message = f"没有找到“{'、'.join(shown)}”的报告。{where}"
        route.doc_ids = []
        return route

    def nearest(self, names: list[str]) -> list[str]:
        """Indexed reports sharing a place with the names asked about (花都区 → 花都区's others)."""
        out = []
        for name in names:
            for i in range(len(name)):
                for j in range(len(name), i + 1, -1):
                    for d in sorted(self.place_of.get(name[i:j], ())):
                        if d not in out:
                            out.append(d)
                    if out:
                        break
                if out:
                    break
        return out

    def display_name(self, doc_id: str, with_year: bool = True) -> str:
        doc = self.documents[doc_id]
        name = doc.body or doc.region or doc.title or doc.name
        return f"{name}（{doc.year}年）" if with_year and doc.year else name


@lru_cache(maxsize=4096)
def _pinyin_forms(chinese: str) -> frozenset[str]:
    """Every toneless reading of a short name: 曾都 → zengdu, cengdou, …"""
    from pypinyin import Style, pinyin

    readings = pinyin(chinese[:4], style=Style.NORMAL, heteronym=True)
    return frozenset("".join(p) for p in itertools.product(*readings))
