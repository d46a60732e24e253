"""Proper names in the English edition: the English name when the file has one, else a romanisation.

A person's name in pinyin, surname first ("王晓敏" → "Wang Xiaomin"); an organisation's name as
place + pinyin + its kind in English ("清镇市溯峰煤业有限公司" → "Qingzhen Sufeng Meiye Co., Ltd.").
The pinyin comes from pypinyin; the kinds and places are a short list of the common endings of
Chinese organisation names.  Text without Chinese is returned as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff]")
# longest first: the ending of an organisation's name and its English
KINDS = (
    ("股份有限公司", "Co., Ltd."), ("有限责任公司", "Co., Ltd."), ("有限公司", "Co., Ltd."), ("公司", "Company"),
    ("人民政府", "People's Government"), ("人民检察院", "People's Procuratorate"), ("人民法院", "People's Court"),
    ("生态环境局", "Ecology and Environment Bureau"), ("委员会", "Committee"), ("管理局", "Administration"),
    ("局", "Bureau"), ("医院", "Hospital"), ("中心", "Centre"), ("加油站", "Filling Station"), ("山庄", "Resort"),
    ("经济开发区", "Economic Development Zone"), ("饮用水源保护区", "Drinking Water Source Protection Zone"),
    ("保护区", "Protection Zone"), ("街道", "Subdistrict"), ("镇", "Town"), ("乡", "Township"), ("村", "Village"),
    ("酒吧", "Bar"), ("学校", "School"), ("厂", "Works"), ("大队", "Brigade"), ("协会", "Association"),
    ("站", "Station"), ("所", "Institute"), ("院", "Institute"), ("场", "Farm"),
)
PLACES = ("省", "市", "县", "区")
NOTES = {"（演示）": " (demo)", "(演示)": " (demo)"}


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(text, errors="ignore") if s.strip()]


def _word(text: str) -> str:
    return "".join(_syllables(text)).capitalize()


def _pairs(text: str) -> str:
    """A name's core in pinyin words of two syllables ("溯峰煤业" → "Sufeng Meiye")."""
    chars = [c for c in text if _CJK.match(c)]
    return " ".join(_word("".join(chars[i:i + 2])) for i in range(0, len(chars), 2))


@lru_cache(maxsize=4096)
def person(name: str) -> str:
    """"王晓敏" → "Wang Xiaomin" (a two-character surname such as 欧阳 is not told apart)."""
    if not _CJK.search(name):
        return name
    name = name.strip()
    return f"{_word(name[0])} {_word(name[1:])}".strip() if len(name) > 1 else _word(name)


@lru_cache(maxsize=4096)
def organisation(name: str) -> str:
    if not _CJK.search(name):
        return name
    text, note = name.strip(), ""
    for zh, en in NOTES.items():
        if text.endswith(zh):
            text, note = text[: -len(zh)], en
    m = re.fullmatch(r"《([^《》]+)》", text)
    if m:  # a newspaper or a programme: its title in pinyin, in quotes
        return f"“{_pairs(m.group(1))}”{note}"
    m = re.fullmatch(r"(.+?)[（(]([^（）()]+)[）)]", text)
    if m:  # "城市管理局（综合行政执法局）": both names
        return f"{organisation(m.group(1))} ({organisation(m.group(2))}){note}"
    kind = ""
    for zh, en in KINDS:
        if text.endswith(zh) and len(text) > len(zh):
            text, kind = text[: -len(zh)], en
            break
    place = ""
    if len(text) >= 3 and text[-1] in PLACES and _CJK.search(text[:-1]) is not None and len(text) <= 4:
        level = {"省": "Province", "市": "Municipal", "县": "County", "区": "District"}[text[-1]]
        return " ".join(w for w in (_word(text[:-1]), level, kind) if w) + note
    for i, ch in enumerate(text[:4]):
        if ch in PLACES and 2 <= i + 1 < len(text):
            place, text = _word(text[:i]), text[i + 1:]
            break
    words = [w for w in (place, _pairs(text), kind) if w]
    rest = re.sub(r"[\u3400-\u9fff]+", "", text).strip()  # Latin or digits inside a Chinese name stay
    return " ".join(words) + (f" {rest}" if rest and rest not in words else "") + note


# common industries (行业) as enterprises' registers name them; others are romanised
INDUSTRIES = {
    "水泥": "Cement", "煤及煤化工": "Coal and coal chemicals", "冶金": "Metallurgy", "化工": "Chemicals",
    "医院": "Hospitals", "加油站": "Filling stations", "汽车维修": "Vehicle repair", "洗涤": "Laundries",
    "铝及铝加工": "Aluminium and its processing", "医药": "Pharmaceuticals", "制药": "Pharmaceuticals",
    "酒店餐饮": "Hotels and catering", "餐饮": "Catering", "酒店": "Hotels", "娱乐场所": "Entertainment venues",
    "畜禽养殖": "Livestock and poultry farming", "养殖": "Farming", "茶叶种植": "Tea growing",
    "政府部门": "Government departments", "火力发电": "Thermal power", "发电": "Power generation",
    "造纸": "Paper", "印染": "Dyeing", "电镀": "Electroplating", "食品": "Food", "酿酒": "Brewing and distilling",
    "白酒": "Liquor", "建材": "Building materials", "采矿": "Mining", "污水处理": "Sewage treatment",
    "垃圾处理": "Waste disposal", "钢铁": "Iron and steel", "焦化": "Coking", "砖瓦": "Bricks and tiles",
    "混凝土": "Concrete", "印刷": "Printing", "机械": "Machinery", "电子": "Electronics", "纺织": "Textiles",
    "皮革": "Leather", "塑料": "Plastics", "橡胶": "Rubber", "玻璃": "Glass", "陶瓷": "Ceramics",
    "磷化工": "Phosphorus chemicals", "铁合金": "Ferroalloys", "房地产": "Real estate", "建筑施工": "Construction",
    "石材": "Stone", "砂石": "Sand and gravel", "危险废物处置": "Hazardous waste disposal",
}


@lru_cache(maxsize=1024)
def industry(text: str) -> str:
    """An industry in English: from the list above, else its code and the pinyin of its name."""
    if not _CJK.search(text or ""):
        return text
    core = text.strip()
    m = re.match(r"^([A-Ta-t]?\d{2,4})\s*(.*)$", core)
    code, core = (m.group(1) + " ", m.group(2)) if m else ("", core)
    english = INDUSTRIES.get(core)
    if english:
        return code + english
    return code + " ".join(_word("".join(core[i:i + 2])) for i in range(0, len(core), 2) if _CJK.search(core[i:i + 2]))


@lru_cache(maxsize=1024)
def document_number(text: str) -> str:
    """A document's number (文号) the way English texts cite them: 清环罚〔2014〕5号 → "Qinghuanfa [2014] No. 5",
    （2015）清环保民初字第2号 → "(2015) Qinghuanbaominchuzi No. 2"."""
    if not _CJK.search(text or ""):
        return text
    out = re.sub(r"第?\s*(\d+)\s*号", r" No. \1", text.strip())
    out = out.translate(str.maketrans({"〔": " [", "〕": "] ", "［": " [", "］": "] ", "（": " (", "）": ") ",
                                       "【": " [", "】": "] "}))
    out = re.sub(r"[\u3400-\u9fff]+", lambda m: " " + _word(m.group(0)) + " ", out)
    return re.sub(r"\s+", " ", out).replace("[ ", "[").replace(" ]", "]").replace("( ", "(").replace(" )", ")").strip()


def name(text: str, english: str | None = None, *, kind: str = "organisation") -> str:
    """The English form of a proper name: ``english`` when given, else the romanisation."""
    if english and english.strip():
        return english.strip()
    return person(text) if kind == "person" else organisation(text)
