"""The unified social credit code (统一社会信用代码, GB 32100-2015).

Every organisation in China has one 18-character code: registration authority
(1), organisation type (2), administrative division (3-8), organisation code
(9-17, itself with a GB 11714 check character) and a check character (18).
Codes are usually copied by hand from certificates, so validation names the
exact problem instead of a bare "invalid".
"""

from __future__ import annotations

import random

from .errors import InvalidCreditCode

# No I, O, Z, S, V: they are too easily mistaken for 1, 0, 2, 5, U.
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = [pow(3, i, 31) for i in range(17)]
LENGTH = 18

# Registration authorities (登记管理部门): 1 机构编制, 5 民政, 9 工商, Y 其他,
# and the others the standard lists (2 外交, 3 司法行政, 4 文化, 6 旅游,
# 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业).
AUTHORITIES = "123456789ANY"

# What a forbidden letter most likely was meant to be.
_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": "U"}

# Group separators found in printed lists: hyphen, full-width hyphen, dashes, the middle dot.
_SEPARATORS = frozenset("-－‐‑–—·")

# GB 11714 organisation code (positions 9-17): letters count as A=10 … Z=35.
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def _fail(zh: str, en: str) -> InvalidCreditCode:
    return InvalidCreditCode(zh, en, field="credit_code")


def normalize(code: str) -> str:
    """Remove all whitespace and hyphens (codes are often printed in groups), fold full-width letters/digits,
    upper-case."""
    out = []
    for ch in code:
        if ch.isspace() or ch in _SEPARATORS:  # isspace also catches the full-width space U+3000
            continue
        # Full-width ASCII forms (U+FF01..U+FF5E) sit exactly 0xFEE0 above ASCII;
        # only letters and digits are folded so stray punctuation stays visible.
        if "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a":
            ch = chr(ord(ch) - 0xFEE0)
        out.append(ch)
    return "".join(out).upper()


def check_character(first17: str) -> str:
    """The check character (position 18) for the first 17 characters."""
    if len(first17) != 17 or any(c not in _VALUE for c in first17):
        raise ValueError(f"need 17 characters from {CHARSET!r}, got {first17!r}")
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def org_check_character(first8: str) -> str:
    """The GB 11714 check character of an organisation code's first 8 chars."""
    if len(first8) != 8 or any(c not in _VALUE for c in first8):
        raise ValueError(f"need 8 characters from {CHARSET!r}, got {first8!r}")
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate(code: str) -> str:
    """Return the normalised code, or raise InvalidCreditCode saying what is wrong."""
    norm = normalize(code)
    if not norm:
        raise _fail("统一社会信用代码不能为空。", "The unified social credit code is empty.")
    if len(norm) != LENGTH:
        raise _fail(
            f"统一社会信用代码应为 18 位，当前为 {len(norm)} 位。",
            f"A unified social credit code has 18 characters; this one has {len(norm)}.",
        )
    for pos, ch in enumerate(norm, start=1):
        if ch in _VALUE:
            continue
        zh = f"第 {pos} 位的字符“{ch}”不能用于统一社会信用代码。"
        en = f"The character '{ch}' at position {pos} is not allowed in a unified social credit code."
        if ch in _LOOKALIKES:
            alt = _LOOKALIKES[ch]
            zh += f"代码中从不使用字母 I、O、Z、S、V，这里可能应为“{alt}”。"
            en += f" The letters I, O, Z, S and V are never used; perhaps it is '{alt}'."
        raise _fail(zh, en)
    if norm[0] not in AUTHORITIES:
        raise _fail(
            f"第 1 位（登记管理部门代码）“{norm[0]}”无效，应为 1–9、A、N 或 Y"
            "（如 1 机构编制、5 民政、9 工商、Y 其他）。",
            f"The first character (registration authority) '{norm[0]}' is not valid; it must be "
            "1-9, A, N or Y (e.g. 1 establishment office, 5 civil affairs, 9 market regulation, Y other).",
        )
    letters = [(pos, ch) for pos, ch in enumerate(norm[2:8], start=3) if not ch.isdigit()]
    if letters:
        pos, ch = letters[0]
        raise _fail(
            f"第 {pos} 位“{ch}”无效：第 3–8 位是登记机关的行政区划代码，只能是数字。",
            f"The character '{ch}' at position {pos} is not valid: positions 3-8 are the administrative "
            "division code and hold digits only.",
        )
    # The expected character is deliberately not shown: it would invite users to
    # "fix" a mistyped code by changing the last character instead of re-checking it.
    if check_character(norm[:17]) != norm[17]:
        raise _fail(
            "统一社会信用代码校验位（第 18 位）不符，请核对是否抄错。",
            "The check character (position 18) does not match; please check the code for copying mistakes.",
        )
    return norm


def is_valid(code: str) -> bool:
    try:
        validate(code)
    except InvalidCreditCode:
        return False
    return True


def make_code(
    rng: random.Random, authority: str = "9", org_type: str = "1", division: str = "520181"
) -> str:
    """A random but fully valid code; depends only on ``rng`` (for demo data)."""
    if len(authority) != 1 or authority not in AUTHORITIES:
        raise ValueError(f"authority must be one of {AUTHORITIES!r}, got {authority!r}")
    if len(org_type) != 1 or org_type not in _VALUE:
        raise ValueError(f"org_type must be one character of {CHARSET!r}, got {org_type!r}")
    if len(division) != 6 or not division.isascii() or not division.isdigit():
        raise ValueError(f"division must be 6 digits, got {division!r}")
    org8 = "".join(rng.choice(CHARSET) for _ in range(8))
    first17 = authority + org_type + division + org8 + org_check_character(org8)
    return first17 + check_character(first17)
