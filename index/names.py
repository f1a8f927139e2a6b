"""Names of bodies and places: split a full name into its region chain and its
own part, and generate the short names people use for it.

The rule is general (a region prefix is optional; 中共…委员会 and 人民政府 wrappers
are dropped as people drop them; a compound name is shortened to the first
characters of its words, 人力资源和社会保障局 → 人社局), so a short name is
matched as an ordered subsequence of the full name that starts where the body's
own name starts and ends on its kind (局, 委, 办 …). What no rule produces
(编办, 纪委监委, 驻沪办) is data: `data/short_names.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
_CJK = "\u4e00-\u9fff"


def read_data_lines(name: str, folder: Path = DATA) -> list[str]:
    """Lines of a data file (index/data by default), without comments and blank lines."""
    lines = []
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        if line and not line.lstrip().startswith("#"):
            lines.append(line)
    return lines


@lru_cache(maxsize=1)
def org_suffixes() -> list[str]:
    return sorted(read_data_lines("org_suffixes.txt"), key=len, reverse=True)


@lru_cache(maxsize=1)
def short_names() -> list[tuple[str, list[str]]]:
    rows = []
    for line in read_data_lines("short_names.tsv"):
        full, *shorts = line.split("\t")
        rows.append((full, shorts))
    return rows


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Common words that end like a place and name none (data/not_places.txt)."""
    return frozenset(read_data_lines("not_places.txt"))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Every written form of a province (full and short) → its full name."""
    forms = {}
    for line in read_data_lines("provinces.tsv"):
        full, *shorts = line.split("\t")
        forms[full] = full
        for s in shorts:
            if len(s) >= 2:
                forms[s] = full
    return forms


# A place: a few characters ending in an administrative suffix. Longer suffixes first.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "街道", "苏木", "新区",
                  "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡")
_PLACE_UNIT = re.compile(rf"[{_CJK}]{{1,7}}?(?:{'|'.join(PLACE_SUFFIXES)})")
# An ethnic group's name inside a place name (和平彝族乡, 本溪满族自治县) is dropped in speech.
_ETHNIC = re.compile(r"(?<=[\u4e00-\u9fff]{2})(土家|蒙古|维吾尔|哈萨克|朝鲜|布依|仫佬|毛南|仡佬|柯尔克孜|达斡尔|[\u4e00-\u9fff])族")
_PLACE_CHARS = "省市州盟县区旗镇乡"
# Words shaped like places that are not places.
_NOT_A_PLACE = {"城乡", "城市", "地市", "省区", "自治区", "自治州", "自治县", "自治旗", "全县", "全区", "全市", "全省", "全州", "全乡", "全镇", "我区", "我县", "我市", "我省",
                "本区", "本县", "本市", "本乡", "本镇", "该县", "该区", "该市", "市区", "县区", "城区", "社区",
                "园区", "景区", "辖区", "片区", "库区", "山区", "矿区", "市县", "省市", "乡镇", "县市"}
# Words that end like a place but open the body's own name (区委, 市委 are the party committee).
_NOT_A_PLACE_START = re.compile(r"^(委|政府|人民|人大|政协|党|财政|教育|公安|工业|开发|高新|经济|技术)")
# Own names too generic to name one body by themselves.
GENERIC_OWN_NAMES = {"政府", "人民政府", "办事处", "街道办事处", "委员会", "办公室", "委老干部局"}
LEVEL = {"省": 0, "自治区": 0, "特别行政区": 0, "市": 1, "州": 1, "自治州": 1, "盟": 1, "地区": 1,
         "县": 2, "区": 2, "旗": 2, "自治县": 2, "自治旗": 2, "新区": 2,
         "镇": 3, "乡": 3, "街道": 3, "苏木": 3}


def place_level(place: str) -> int:
    if place in provinces():
        return 0
    for suffix in sorted(LEVEL, key=len, reverse=True):
        if place.endswith(suffix):
            return LEVEL[suffix]
    return 2


def place_variants(place: str) -> set[str]:
    """花都区 → {花都区, 花都}; 本溪满族自治县 → {…, 本溪县, 本溪}; 广西壮族自治区 → {…, 广西}."""
    out = {place}
    full = provinces().get(place)
    if full:
        out |= {form for form, f in provinces().items() if f == full}
    plain = re.sub("自治(?=[县州旗])", "", _ETHNIC.sub("", place))
    if plain != place and len(plain) >= 2:
        out.add(plain)
    if len(place) == 2 and place.endswith("州"):
        out.add(place + "市")  # 杭州 is written 杭州市 as often
    for p in list(out):
        for suffix in sorted(PLACE_SUFFIXES, key=len, reverse=True):
            if p.endswith(suffix):
                core = p[: -len(suffix)]
                if len(core) >= 2:
                    out.add(core)
                break
    return out


def normalize_body(name: str) -> str:
    """Undo the wrappers people drop: 中共X委员会Y → X委Y, 中国人民政治协商会议X委员会 →
    X政协, 政协X委员会 → X政协, 中国致公党X委员会 → X致公党委."""
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"^中国人民政治协商会议(.+?)委员会", r"\1政协", name)
    name = re.sub(r"^政协(.+?)委员会", r"\1政协", name)
    name = re.sub(r"^中国(共产党|[{0}]{{2,4}}党)(.+?)委员会".format(_CJK),
                  lambda m: m.group(2) + ("委" if m.group(1) == "共产党" else m.group(1) + "委"), name)
    name = re.sub(r"^中共(.+?)委员会", r"\1委", name)
    return re.sub(r"^中共", "", name)


def split_places(name: str) -> tuple[list[str], str]:
    """("上海市普陀区体育事业管理中心") → (["上海市", "普陀区"], "体育事业管理中心")."""
    places: list[str] = []
    rest = name
    while rest:
        province = next((p for p in sorted(provinces(), key=len, reverse=True) if rest.startswith(p)), None)
        if province and not places:
            places.append(province)
            rest = rest[len(province):]
            continue
        m = _PLACE_UNIT.match(rest)
        if not m or _NOT_A_PLACE_START.match(m.group(0)) or len(m.group(0)) < 2:
            break
        unit = m.group(0)
        while len(unit) < len(rest) and rest[len(unit)] in _PLACE_CHARS and not rest[len(unit):].startswith(("区委", "市委", "县委")):
            unit = rest[: len(unit) + 1]  # 广州 + 市, 通州 + 区
        if unit in _NOT_A_PLACE or re.search("[和与及的]", unit[1:]):
            break
        after = rest[len(unit):]
        if unit.endswith(("区", "市", "县")) and after.startswith(("委员会", "委")) and len(rest) > len(unit) + 1:
            places.append(unit)  # 花都区委老干部局: 区 belongs to the place, 委 to the body
            rest = after
            break
        places.append(unit)
        rest = after
    return places, rest


@lru_cache(maxsize=65536)
def org_kind(name: str) -> str:
    """The suffix that says what kind of body it is (局, 委员会, 中心 …)."""
    return next((s for s in org_suffixes() if name.endswith(s)), "")


@lru_cache(maxsize=65536)
def _suffix_chars(name: str) -> frozenset[str]:
    """Characters a short name may end on: 委员会 → 委/会, 办公室 → 办, 联合会 → 联/会."""
    kind = org_kind(name)
    chars = {name[-1]} if name else set()
    kind_chars = set("".join(org_suffixes()))
    chars |= {c for c in name[-3:] if c in kind_chars}
    if kind:
        chars |= set(kind[:1]) | set(kind[-1:])
    if name.endswith("委员会"):
        chars.add("委")
    return frozenset(chars)


def is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def short_name_matches(mention: str, own_name: str) -> bool:
    """Whether `mention` is a way people shorten `own_name` (the body's name
    without its region): the same first character, its characters in order,
    ending on the body's kind. 人社局 ↔ 人力资源和社会保障局, 城口供销社 ↔
    城口县供销合作社 are both subsequences; 财政局 ↔ 教育局 is not."""
    if len(mention) < 2 or not own_name or mention[0] != own_name[0]:
        return False
    return mention[-1] in _suffix_chars(own_name) and is_subsequence(mention, own_name)


@dataclass
class BodyName:
    """A body's full name taken apart: region chain, own name, and its short names."""

    full: str
    places: list[str] = field(default_factory=list)  # outermost first
    own: str = ""  # the name without its region: 体育事业管理中心, 区委老干部局
    forms: list[str] = field(default_factory=list)  # exact forms a question may write

    @property
    def place(self) -> str:
        return self.places[-1] if self.places else ""


def parse_body(full: str) -> BodyName:
    normalized = normalize_body(full)
    places, own = split_places(normalized)
    body = BodyName(full, places, own)
    forms = {full, normalized, own}
    if places and own.startswith("委"):  # 区委老干部局 → 老干部局, 花都区委老干部局
        forms.add(own[1:])
        forms.add(places[-1][-1] + own)
    if own.startswith("人民政府"):
        forms.add("政府" + own[4:])
        forms.add(own[4:])
    if own.endswith("人民政府"):
        forms.add(own[:-4] + "政府")
    for fragment, shorts in short_names():
        for form in list(forms):
            if fragment in form:
                for s in shorts:
                    forms.add(form.replace(fragment, s))
                    forms.add(s)
    for k in range(1, len(places)):  # 南昌市新建区政协: any tail of the chain before its own name
        forms.add("".join(places[k:]) + own)
    if places:
        last = places[-1]
        own_forms = [f for f in forms if f and not split_places(f)[0] and not f.startswith(("中共", "中国"))]
        for variant in place_variants(last):
            for form in own_forms:
                forms.add(variant + form)
        if not own or own in ("人民政府", "政府", "办事处", "街道办事处"):
            forms |= place_variants(last)  # a town or street office is called by its place
            forms |= {v + "政府" for v in place_variants(last) if last.endswith(("乡", "镇"))}
            forms |= {v + "办" for v in place_variants(last) if last.endswith("街道")}
    generic = set(org_suffixes()) | GENERIC_OWN_NAMES
    body.forms = sorted({f for f in forms if len(f) >= 2 and f not in generic}, key=len, reverse=True)
    return body
