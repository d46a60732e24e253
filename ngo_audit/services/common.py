"""Small helpers shared by the services."""

from __future__ import annotations

from ..errors import ValidationError
from ..lookup import get  # noqa: F401 (re-exported: the services' own import of it)


def require_text(value: str | None, field: str, zh: str, en: str, max_len: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{zh}。", f"{en[:1].upper() + en[1:]} is required.", field=field)
    if max_len and len(text) > max_len:
        raise ValidationError(
            f"{zh}太长（{len(text)} 字，最多 {max_len} 字）。",
            f"{en[:1].upper() + en[1:]} is too long ({len(text)} characters, at most {max_len}).",
            field=field,
        )
    return text
