"""Fill unfinished translations of the .ts files from JSON dictionaries.

    python resources/translations/fill.py DICT.json [DICT.json ...]

Each DICT.json is ``{"<context>": {"<English source>": "<Chinese>"}}``; plural English
forms go under ``"__plural_en__": {"<context>": {"%n item(s)": ["%n item", "%n items"]}}``.
Only messages still marked unfinished are filled; the script prints what it could not
fill.  Run ``update.py`` before (to collect the strings) and after (to compile).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(paths: list[Path]) -> tuple[dict, dict]:
    zh: dict[str, dict[str, str]] = {}
    en: dict[str, dict[str, list[str]]] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for context, entries in data.pop("__plural_en__", {}).items():
            en.setdefault(context, {}).update(entries)
        for context, entries in data.items():
            zh.setdefault(context, {}).update(entries)
    return zh, en


def _fill(ts: Path, lookup, forms: int) -> list[str]:
    text = ts.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            value = lookup(name, source)
            if value is None:
                missing.append(f"{name}: {source}")
                continue
            if message.get("numerus") == "yes":
                values = value if isinstance(value, list) else [value] * forms
                for child in list(translation):
                    translation.remove(child)
                translation.text = "\n            "
                for v in values[:forms]:
                    form = ET.SubElement(translation, "numerusform")
                    form.text = v
                    form.tail = "\n            "
            else:
                translation.text = value
            del translation.attrib["type"]
    head = text[: text.index("<TS")]
    ts.write_text(head + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return missing


def main(argv: list[str]) -> int:
    zh, en = _load([Path(a) for a in argv])
    missing = _fill(HERE / "ngo_audit_zh_CN.ts", lambda c, s: zh.get(c, {}).get(s), 1)
    missing += _fill(HERE / "ngo_audit_en.ts", lambda c, s: en.get(c, {}).get(s), 2)
    for m in missing:
        print("not filled:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
