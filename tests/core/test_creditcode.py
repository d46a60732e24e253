"""Tests of the unified social credit code (GB 32100-2015)."""

from __future__ import annotations

import random

import pytest

from ngo_audit.creditcode import (
    CHARSET,
    check_character,
    is_valid,
    make_code,
    normalize,
    org_check_character,
    validate,
)
from ngo_audit.errors import InvalidCreditCode, ValidationError

# Published codes, checked against the algorithm (both check characters).
GOOD = [
    "91350100M000100Y43",
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "91330100716105852F",  # 阿里巴巴（中国）有限公司
]


def _error(code: str) -> InvalidCreditCode:
    with pytest.raises(InvalidCreditCode) as info:
        validate(code)
    assert info.value.field == "credit_code"
    return info.value


# --- algorithm ------------------------------------------------------------

def test_charset_excludes_ambiguous_letters():
    assert len(CHARSET) == 31
    assert not set("IOZSV") & set(CHARSET)


@pytest.mark.parametrize("code", GOOD)
def test_known_good_codes(code):
    assert check_character(code[:17]) == code[17]
    assert org_check_character(code[8:16]) == code[16]
    assert validate(code) == code
    assert is_valid(code)


def test_check_character_rejects_bad_input():
    with pytest.raises(ValueError):
        check_character("9135010")
    with pytest.raises(ValueError):
        check_character("91350100M000100I4")


# --- normalisation --------------------------------------------------------

def test_lower_case_accepted():
    assert validate("91350100m000100y43") == "91350100M000100Y43"


def test_full_width_accepted():
    full = "９１３５０１００Ｍ０００１００Ｙ４３"
    assert normalize(full) == "91350100M000100Y43"
    assert validate("９１４４０３００７１５２６７２６ｘｇ") == "9144030071526726XG"


def test_spaces_removed():
    assert validate(" 9135 0100\tM000 100Y\u300043 \n") == "91350100M000100Y43"
    assert is_valid("\u30009133 0100 7161 0585 2f")


def test_normalize_keeps_punctuation_visible():
    assert normalize("9135.0100") == "9135.0100"


def test_hyphens_and_spaces_of_printed_lists_are_accepted():
    code = make_code(random.Random(3))
    printed = f"{code[:2]}-{code[2:8]}－{code[8:17]} {code[17]}"
    assert validate(printed) == code
    assert validate(" ".join(code)) == code


@pytest.mark.parametrize("pos", [3, 5, 8])
def test_a_letter_in_the_division_code_is_refused(pos):
    code = make_code(random.Random(4))
    bad = code[:pos - 1] + "A" + code[pos:]
    first17 = bad[:17]
    bad = first17 + check_character(first17)  # a correct check character: the division code alone is wrong
    with pytest.raises(InvalidCreditCode) as exc:
        validate(bad)
    assert f"第 {pos} 位" in exc.value.message("zh") and "行政区划" in exc.value.message("zh")
    assert "positions 3-8" in exc.value.message("en")


# --- errors ---------------------------------------------------------------

@pytest.mark.parametrize("code", ["", "   ", "\u3000\u3000"])
def test_empty(code):
    err = _error(code)
    assert isinstance(err, ValidationError)
    assert "不能为空" in err.message("zh")
    assert "empty" in err.message("en")
    assert not is_valid(code)


@pytest.mark.parametrize("code, n", [("91350100M000100Y4", 17), ("91350100M000100Y433", 19), ("9", 1)])
def test_wrong_length(code, n):
    err = _error(code)
    assert f"当前为 {n} 位" in err.message("zh")
    assert "18" in err.message("zh")
    assert f"has {n}" in err.message("en")
    assert "18" in err.message("en")


def test_illegal_character_named_with_position():
    err = _error("91350100M000100#43")
    assert "第 16 位" in err.message("zh") and "“#”" in err.message("zh")
    assert "position 16" in err.message("en") and "'#'" in err.message("en")
    assert "never used" not in err.message("en")


@pytest.mark.parametrize("bad, alt", [("I", "1"), ("O", "0"), ("Z", "2"), ("S", "5"), ("V", "U")])
def test_lookalike_letter_hint(bad, alt):
    code = "91350100M" + bad + "00100Y43"
    err = _error(code.lower())  # reported after upper-casing
    zh, en = err.message("zh"), err.message("en")
    assert "第 10 位" in zh and f"“{bad}”" in zh and f"“{alt}”" in zh and "I、O、Z、S、V" in zh
    assert "position 10" in en and f"'{bad}'" in en and f"'{alt}'" in en and "never used" in en


@pytest.mark.parametrize("first", ["0", "B", "C", "X"])
def test_bad_authority(first):
    body = first + "1350100M000100Y4"
    err = _error(body + check_character(body))
    assert "第 1 位" in err.message("zh") and f"“{first}”" in err.message("zh")
    assert "登记管理部门" in err.message("zh")
    assert "registration authority" in err.message("en") and f"'{first}'" in err.message("en")


@pytest.mark.parametrize("first", list("123456789ANY"))
def test_all_authorities_accepted(first):
    body = first + "1350100M000100Y4"
    assert is_valid(body + check_character(body))


def test_wrong_check_character_does_not_reveal_expected():
    err = _error("91350100M000100Y44")
    zh, en = err.message("zh"), err.message("en")
    assert "校验位" in zh and "抄错" in zh
    assert "check character" in en
    assert "3" not in zh and "'3'" not in en  # the expected character is 3


def test_every_single_substitution_rejected():
    for code in GOOD:
        for pos in range(18):
            for ch in CHARSET:
                if ch == code[pos]:
                    continue
                changed = code[:pos] + ch + code[pos + 1:]
                assert not is_valid(changed), changed


def test_adjacent_transpositions_rejected():
    for code in GOOD:
        for pos in range(17):
            if code[pos] != code[pos + 1]:
                swapped = code[:pos] + code[pos + 1] + code[pos] + code[pos + 2:]
                assert not is_valid(swapped), swapped


# --- make_code ------------------------------------------------------------

def test_make_code_deterministic():
    a = [make_code(random.Random(42)) for _ in range(3)]
    assert a[0] == a[1] == a[2]
    rng1, rng2 = random.Random(7), random.Random(7)
    assert [make_code(rng1) for _ in range(50)] == [make_code(rng2) for _ in range(50)]


def test_make_code_always_valid():
    rng = random.Random(2024)
    codes = [make_code(rng) for _ in range(1000)]
    for code in codes:
        assert validate(code) == code
        assert org_check_character(code[8:16]) == code[16]
    assert len(set(codes)) > 990


def test_make_code_defaults():
    code = make_code(random.Random(1))
    assert code[:2] == "91" and code[2:8] == "520181"


@pytest.mark.parametrize(
    "authority, org_type, division",
    [("1", "1", "520181"), ("5", "3", "110105"), ("Y", "9", "440300"), ("N", "2", "650100")],
)
def test_make_code_respects_arguments(authority, org_type, division):
    rng = random.Random(3)
    for _ in range(50):
        code = make_code(rng, authority=authority, org_type=org_type, division=division)
        assert code[0] == authority and code[1] == org_type and code[2:8] == division
        assert is_valid(code)


@pytest.mark.parametrize(
    "kwargs",
    [{"authority": "0"}, {"authority": "91"}, {"org_type": "I"}, {"org_type": ""},
     {"division": "52018"}, {"division": "52018X"}, {"division": "５２０１８１"}],
)
def test_make_code_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        make_code(random.Random(0), **kwargs)

