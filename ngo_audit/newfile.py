"""A new audit file for a new project: blank, or with the Qingzhen-model template.

The template file holds an agreement skeleton (placeholders to replace, a period from the current
quarter, a note that it is a template) and the template's terms in the chosen language; the file
records ``template = qingzhen`` in its facts so the app can remind the user to adapt it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .auditfile import AuditFile, discard
from .errors import ValidationError
from .i18n import language
from .services.contracts import create_contract, default_contract_values
from .services.term_sources import add_template_terms
from .term_template import SKELETON, TEMPLATE_NOTICE

TEMPLATES = ("blank", "qingzhen")


def create_audit_file(path: str | Path, *, template: str = "blank", lang: str | None = None, overwrite: bool = False,
                      actor: str = "", origin: str = "", today: date | None = None) -> AuditFile:
    """Create the file at ``path`` and return it open (the caller closes it).

    ``template``: "blank" (nothing but the file's facts) or "qingzhen" (agreement skeleton and
    template terms, in ``lang``, default the current language).  Refuses to replace a file unless
    ``overwrite``.
    """
    if template not in TEMPLATES:
        raise ValidationError(f"未知的模板“{template}”，可选：blank、qingzhen。",
                              f"Unknown template “{template}”; use blank or qingzhen.", field="template")
    lang = lang or language()
    path = Path(path)
    title = path.stem
    af = AuditFile.create(path, actor=actor, origin=origin, overwrite=overwrite, title=title)
    if template == "blank":
        return af
    try:
        with af.session() as s:
            values = default_contract_values(today or date.today())
            values.update({k: text.get(lang) for k, text in SKELETON.items()})
            values["notes"] = TEMPLATE_NOTICE.get(lang)
            contract = create_contract(s, **values)
            add_template_terms(s, contract.id, lang=lang)
        af.set_info("template", template)
    except BaseException:
        af.close()
        discard(path)
        raise
    return af
