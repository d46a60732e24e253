"""Chinese names sort by pinyin and are found by pinyin initials or credit code (one key in the core)."""

from __future__ import annotations

from ngo_audit import creditcode
from ngo_audit.pinyin import initials, matches, sort_key


def test_names_sort_by_pinyin_not_code_point():
    names = ["清镇市澜禾化工有限公司", "安顺市峰源建材厂", "北京市环保局", "长沙市测试", "重庆市钢铁厂", "阿里"]
    assert sorted(names, key=sort_key) == ["阿里", "安顺市峰源建材厂", "北京市环保局", "长沙市测试", "重庆市钢铁厂",
                                           "清镇市澜禾化工有限公司"]
    assert sorted(names) != sorted(names, key=sort_key)  # code point order is not what a reader expects


def test_found_by_name_pinyin_initials_or_credit_code():
    name, code = "清镇市澜禾化工有限公司", "91520181MA6DL7X2XK"
    assert initials("清镇市澜禾") == "qzslh"
    for query in ("澜禾", "qzs", "QZSLH", "lanhe", "qing zhen", "MA6DL", "91520181"):
        assert matches(query, name, code), query
    assert not matches("峦泽", name, code) and not matches("xyz", name, code)


def test_the_subjects_list_sorts_by_pinyin(world):
    from ngo_audit.queries.subjects import subject_ids
    from ngo_audit.services import subjects

    af, _ids = world
    with af.session() as s:
        for name in ("安顺市峰源建材厂", "北京市测试企业有限公司"):
            subjects.create_subject(s, subjects.SubjectData(name=name, sector="secondary", credit_code=creditcode.make_code(
                __import__("random").Random(len(name)))))
    with af.session() as s:
        from ngo_audit.models import Subject

        names = [s.get(Subject, i).name for i in subject_ids(s, sort="name")]
    assert names == sorted(names, key=sort_key) and names[0] == "安顺市峰源建材厂"
