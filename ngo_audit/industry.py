"""The sector (一、二、三产业) of an industry, by the national industry classification GB/T 4754-2017.

Ecology bureaus' lists of enterprises (重点排污单位名录) give the industry (行业类别), often with its
code ("C2611 无机酸制造", "4411", "火力发电"), but no sector.  The sector follows from the section of
the classification as the statistics bureau's rules on the three sectors (《三次产业划分规定》) set it:
section A (agriculture, forestry, animal husbandry, fishery) is primary, except its support services
(division 05); sections B–E (mining, manufacturing, utilities, construction) are secondary, except
mining support (11) and the repair of machinery (43); every service section (F–T) is tertiary.

:func:`sector_of_industry` reads a code when there is one, else words of the industry's name; it
answers None when it cannot tell, and the user then chooses.
"""

from __future__ import annotations

import re
import unicodedata

from .models import Sector

# division (2 digits) ranges of the sections
_SECTIONS = [("A", 1, 5), ("B", 6, 12), ("C", 13, 43), ("D", 44, 46), ("E", 47, 50), ("F", 51, 52), ("G", 53, 60),
             ("H", 61, 62), ("I", 63, 65), ("J", 66, 69), ("K", 70, 70), ("L", 71, 72), ("M", 73, 75),
             ("N", 76, 79), ("O", 80, 82), ("P", 83, 83), ("Q", 84, 85), ("R", 86, 90), ("S", 91, 96),
             ("T", 97, 97)]
_TERTIARY_DIVISIONS = {5, 11, 43}
_CODE = re.compile(r"^\s*([A-T])?\s*(\d{2,4})?(?!\d)", re.I)

# Words of industry names, tried in this order (the first group catches services whose names also hold
# a manufacturing word: "机械设备修理", "化工产品销售", "农业服务").
_WORDS: list[tuple[Sector, tuple[str, ...]]] = [
    (Sector.TERTIARY, ("修理", "维修", "辅助性活动", "服务", "销售", "批发", "零售", "经销", "商贸", "贸易", "商务",
                       "加油站", "加气站")),
    (Sector.SECONDARY, ("制造", "加工", "制品", "冶炼", "压延", "采矿", "开采", "采选", "洗选", "矿", "发电",
                        "电力", "热力", "供热", "燃气", "自来水", "供水", "污水处理", "水的生产", "建筑", "施工",
                        "工程", "化工", "化学", "水泥", "铝", "钢", "铁合金", "焦化", "焦炭", "煤化工", "医药",
                        "制药", "造纸", "印染", "纺织", "屠宰", "酿造", "酿酒", "白酒", "饮料", "食品", "砖", "瓦",
                        "玻璃", "陶瓷", "橡胶", "塑料", "皮革", "家具", "印刷", "电镀", "铸造", "机械", "设备",
                        "电子", "石材", "砂石", "混凝土", "沥青", "石油", "炼油", "金属", "木材", "饲料", "化肥",
                        "肥料", "农药", "涂料", "油漆", "磷", "煤")),
    (Sector.PRIMARY, ("农业", "种植", "林业", "育林", "造林", "畜牧", "养殖", "畜禽", "生猪", "养猪", "养牛",
                      "养鸡", "养鸭", "渔业", "水产", "茶园", "果园", "农", "林", "牧", "渔")),
    (Sector.TERTIARY, ("运输", "物流", "仓储", "邮政", "快递", "住宿", "酒店", "宾馆", "餐饮", "饭店", "火锅",
                       "信息", "软件", "金融", "银行", "保险", "房地产", "物业", "租赁", "科研", "研究", "检测",
                       "水利", "环境治理", "环卫", "环境卫生", "垃圾", "危险废物", "公共设施", "公园", "居民",
                       "洗浴", "洗车", "美容", "教育", "学校", "医院", "卫生", "诊所", "医疗", "文化", "体育",
                       "娱乐", "歌舞", "公共管理", "社会保障", "停车", "旅游", "景区", "超市", "商场", "市场")),
]


def _of_division(division: int) -> Sector | None:
    for section, low, high in _SECTIONS:
        if low <= division <= high:
            return _of_section(section, division)
    return None


def _of_section(section: str, division: int | None = None) -> Sector:
    if division in _TERTIARY_DIVISIONS:
        return Sector.TERTIARY
    if section == "A":
        return Sector.PRIMARY
    if section in "BCDE":
        return Sector.SECONDARY
    return Sector.TERTIARY


def sector_of_industry(industry: str) -> Sector | None:
    """The sector of an industry given by code ("C2611", "26", "D") and/or name; None if it cannot tell."""
    text = unicodedata.normalize("NFKC", industry or "").strip()
    if not text:
        return None
    m = _CODE.match(text)
    if m and (m.group(1) or m.group(2)):
        letter, digits = (m.group(1) or "").upper(), m.group(2)
        division = int(digits[:2]) if digits else None
        if division is not None:
            by_number = _of_division(division)
            section = next((s for s, lo, hi in _SECTIONS if lo <= division <= hi), None)
            if by_number is not None and (not letter or letter == section):
                return by_number
        elif letter and (len(text) == 1 or not text[1].isalpha() or not text[1].isascii()):
            return _of_section(letter)
    for sector, words in _WORDS:
        if any(w in text for w in words):
            return sector
    return None
