"""The Qingzhen-model template of an agreement's terms (清镇模式条款模板), in Chinese and English.

A starting point to adapt, not anyone's signed agreement: the NGO's obligations with measurable
targets (chapter 2), the criteria enterprises are checked against (chapter 3) and the duty every
government department shares (chapter 4; each department's own duty list is added to its file).
The Chinese texts are those of the demo's agreement (:mod:`ngo_audit.demo_texts`), written after
the Qingzhen agreement of 2013 (seed 000); the English ones translate them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import demo_texts as T
from .i18n import Text

TEMPLATE_NAME = Text("清镇模式条款模板", "Qingzhen-model terms template")
TEMPLATE_NOTICE = Text(
    "本协议由“清镇模式”模板生成，仅供参考：请逐条对照实际签署的委托协议修改编号、目标值和文字，删去不适用的条款。",
    "This agreement was made from the Qingzhen-model template, as a starting point only: check every term "
    "against the agreement actually signed (numbers, targets, wording) and delete the terms that do not apply.",
)
SKELETON = {
    "number": Text("（待填写）", "(to be filled in)"),
    "title": Text("公众参与环保第三方监督委托协议（模板，待按签署文本修改）",
                  "Commissioning agreement for public-participation third-party environmental supervision "
                  "(template, to adapt to the signed text)"),
    "government": Text("（委托方：××市人民政府）", "(commissioning government: X City People's Government)"),
    "ngo": Text("（受托方：本机构名称）", "(NGO: name of your organisation)"),
    "scope": Text(
        "委托方以购买社会服务的方式，委托受托方对市政府相关职能部门依法履行环境保护职责的情况，以及辖区一、二、三产企业"
        "的污染防治、达标排放、环境信息公开等情况开展独立的第三方监督。受托方按季度制定监督计划，采用“双随机”抽查、暗访、"
        "复查和联合检查等方式开展现场监督，对发现的问题提出整改要求并跟踪复查销号，受理和核查公众举报线索，"
        "每季度结束后向委托方提交季度监督报告。",
        "The commissioning government buys, as a public service, independent third-party supervision by the NGO of "
        "how the city's departments perform their statutory environmental duties, and of pollution control, "
        "compliant discharge and environmental disclosure by primary, secondary and tertiary enterprises. The NGO "
        "plans its supervision by quarter, visits sites (random draws, unannounced and follow-up visits, joint "
        "inspections), requires rectification of what it finds and verifies it, checks public tips, and reports to "
        "the commissioning government after each quarter."),
}
CHAPTERS = {
    "obligations": Text(T.CH_OBLIGATIONS, "Chapter 2 Obligations of the NGO"),
    "enterprises": Text(T.CH_ENTERPRISE, "Chapter 3 Criteria for enterprises"),
    "departments": Text(T.CH_DEPARTMENT, "Chapter 4 Criteria for government departments"),
}

# number -> (title, text) in English, for the obligations
_OBLIGATIONS_EN = {
    "2.1": ("Quarterly site visit to each key-monitored enterprise",
            "The NGO visits every enterprise on the key-monitoring list at least once per quarter, announced or "
            "unannounced."),
    "2.2": ("Quarterly audit of each government department",
            "The NGO audits each department listed in chapter 4 at least once per quarter, reading its records and "
            "checking on site."),
    "2.3": ("Site visits per quarter",
            "The NGO carries out at least 40 site visits (follow-up visits included) per quarter."),
    "2.4": ("“Double random” draw",
            "Each quarter the NGO draws at least 6 enterprises at random from the register of subjects, in a public "
            "and verifiable way, and assigns auditors at random; the seed and the result are made public to the "
            "commissioning government."),
    "2.5": ("Verification of rectification",
            "For a finding with a rectification notice, the NGO verifies on site within 15 days after the deadline; "
            "a finding rectified is closed."),
    "2.6": ("Response to public tips",
            "Tips received through the 12369 hotline, volunteers, information officers or letters from the public "
            "are checked and answered within 7 days."),
    "2.7": ("Quarterly supervision report",
            "The NGO delivers the quarterly supervision report within 15 days after the end of each quarter; every "
            "finding in it can be traced to its evidence."),
    "2.8": ("Independence, impartiality and confidentiality",
            "The NGO's auditors work independently, objectively and impartially and stand aside where they have an "
            "interest; business secrets learnt while supervising are kept confidential."),
}
# key of demo_texts.ENTERPRISE_TERMS -> (title, category, legal basis, text) in English
_ENTERPRISE_EN = {
    "water": ("Compliant discharge of waste water", "compliant discharge",
              "Water Pollution Prevention and Control Law; Integrated Wastewater Discharge Standard (GB 8978-1996) "
              "and the industry standards",
              "Production and domestic waste water is treated as the EIA approval and the discharge standards "
              "require, rain and waste water are kept apart, and no pollutant is discharged through hidden pipes, "
              "seepage wells or pits, rain-water outlets or other ways that evade supervision."),
    "air": ("Compliant emission of waste gas", "compliant discharge",
            "Air Pollution Prevention and Control Law; Integrated Emission Standard of Air Pollutants "
            "(GB 16297-1996) and the industry standards",
            "Organised emissions pass the treatment facilities and meet the standards; fugitive emissions are "
            "reduced; restaurants install and use fume purifiers."),
    "eia": ("Environmental impact assessment and the “three simultaneities”", "EIA",
            "Environmental Impact Assessment Law; Regulations on Environmental Protection of Construction Projects "
            "(State Council Decree 253)",
            "New, rebuilt and extended projects are assessed by law; pollution control facilities are designed, "
            "built and put into use together with the main works and accepted before production starts."),
    "permit": ("Discharge permit and standard outlets", "discharge permit",
               "Water Pollution Prevention and Control Law art. 20; Air Pollution Prevention and Control Law; "
               "Environmental Protection Law art. 45",
               "An enterprise under the permit system discharges only with and as its permit allows; outlets are "
               "built to standard and signposted."),
    "facility": ("Pollution control facilities in normal operation", "pollution control facilities",
                 "Environmental Protection Law arts. 41 and 42",
                 "Pollution control facilities run normally with operating records; they are not removed or left "
                 "idle without approval."),
    "hazwaste": ("Hazardous waste management", "hazardous waste",
                 "Solid Waste Pollution Prevention and Control Law; Standard for Pollution Control on Hazardous Waste "
                 "Storage (GB 18597-2001); Measures on Hazardous Waste Transfer Manifests",
                 "A producer of hazardous waste has a storage place to standard with signs, keeps a ledger, hands the "
                 "waste to licensed handlers and uses transfer manifests."),
    "online": ("Online monitoring in operation, data true", "online monitoring",
               "Measures on Automatic Monitoring of Pollution Sources (SEPA Order 28); Environmental Protection Law "
               "art. 42",
               "Key dischargers install automatic monitoring linked to the environmental authority, keep it running "
               "and never alter or forge monitoring data."),
    "disclosure": ("Environmental information disclosure", "disclosure",
                   "Measures on Environmental Information Disclosure (trial); Measures on Environmental Information "
                   "Disclosure by Enterprises and Institutions (MEP Order 31); Environmental Protection Law art. 55",
                   "Key dischargers publish their main pollutants, discharge methods, concentrations and totals, "
                   "exceedances, and the construction and operation of their pollution control facilities."),
    "emergency": ("Environmental emergency plan", "emergency plan",
                  "Emergency Response Law; Measures on Environmental Emergency Management; Measures on Filing "
                  "Environmental Emergency Plans of Enterprises (trial)",
                  "The enterprise has an environmental emergency plan filed with the authority, emergency supplies "
                  "and an accident pool, and drills regularly."),
    "dust": ("Dust and stockpile management", "dust",
             "Air Pollution Prevention and Control Law; Technical Specification for Urban Fugitive Dust Prevention "
             "(HJ/T 393-2007)",
             "Dusty materials are stored closed or covered, yards are paved and regularly watered and swept, "
             "transport vehicles are closed."),
    "solidwaste": ("General industrial solid waste and household waste", "solid waste",
                   "Solid Waste Pollution Prevention and Control Law; Standard for Storage and Disposal Sites of "
                   "General Industrial Solid Waste (GB 18599-2001)",
                   "General industrial solid waste is stored in sites to standard or reused; it is never dumped, "
                   "piled at random or burnt in the open."),
    "noise": ("Noise control", "noise",
              "Environmental Noise Pollution Prevention and Control Law; Emission Standard for Industrial "
              "Enterprises Noise at Boundary (GB 12348-2008); Emission Standard for Community Noise (GB 22337-2008)",
              "Noise at the boundary of enterprises and premises meets the standards; no noise disturbs the "
              "neighbourhood at night."),
}
_DEPARTMENT_EN = (
    "Environmental disclosure and handling of complaints", "department duties",
    "The department's mandate (“three determinations”); Environmental Protection Law art. 10; duties worded after "
    "Hengyang's rules on environmental protection responsibilities (Hengzheng Fa [2015] No. 16)",
    "Each department publishes its environmental supervision, licensing and penalty information as the law "
    "requires; problems the NGO refers and complaints of the public are handled and answered within the set time.",
)

# the demo's departments' duty lists (short name of the department, duty) in English: "Ecology Bureau: …"
DEPARTMENT_SHORT_EN = {"生态局": "Ecology Bureau", "经信局": "Economy and IT Bureau", "公安局": "Public Security Bureau",
                       "住建局": "Housing and Construction Bureau", "农业局": "Agriculture Bureau",
                       "城管局": "Urban Management Bureau", "文体广电局": "Culture, Sports and Broadcasting Bureau"}
DEPARTMENT_DUTIES_EN = {
    "环境执法监管": "environmental law enforcement", "环境监测管理": "environmental monitoring",
    "环境应急管理": "environmental emergencies", "淘汰落后产能": "phasing out outdated capacity",
    "燃煤锅炉取缔": "closing coal-fired boilers", "限制用电措施": "power restrictions on polluters",
    "危险物质公共安全管理": "public safety of hazardous substances",
    "机动车尾气污染监管": "vehicle exhaust pollution", "社会生活噪声处理": "neighbourhood noise",
    "环境污染事故应急配合": "support in pollution emergencies", "城镇生活污水处理": "urban sewage treatment",
    "建筑施工扬尘防治": "construction dust", "秸秆综合利用与禁烧": "straw use and the ban on burning it",
    "畜禽养殖污染防治": "livestock farming pollution", "农业生态建设规划": "agricultural ecology planning",
    "生活垃圾与建筑垃圾处置": "household and construction waste", "渣土与物料堆放管理": "spoil and stockpiles",
    "露天焚烧查处": "open burning", "商业及施工噪声查处": "commercial and construction noise",
    "生态文明宣传": "publicity for ecological civilisation",
    "文化娱乐场所环境管理": "environmental management of entertainment venues",
}


# the demo's departments' own English names (a file may give any subject one: Subject.name_en)
DEPARTMENT_NAMES_EN = {
    "eco": "Qingzhen Ecological Civilisation Bureau", "eit": "Qingzhen Economy and Information Technology Bureau",
    "psb": "Qingzhen Public Security Bureau", "hcb": "Qingzhen Housing and Urban-Rural Development Bureau",
    "agr": "Qingzhen Agriculture Bureau",
    "urb": "Qingzhen Urban Management Bureau (Comprehensive Administrative Law Enforcement Bureau)",
    "cul": "Qingzhen Culture, Sports, Radio and Television Bureau",
}


def department_duty_en(short: str, duty: str) -> str:
    """The English title of one of the demo's department duties ("Ecology Bureau: environmental monitoring")."""
    return f"{DEPARTMENT_SHORT_EN[short]}: {DEPARTMENT_DUTIES_EN[duty]}"


_EMPTY = Text("", "")


@dataclass(frozen=True)
class TemplateTerm:
    """One term of the template, with the arguments of :func:`ngo_audit.services.contracts.add_term`."""

    number: str
    kind: str
    chapter: Text
    title: Text
    text: Text
    metric: str | None = None
    target: int | None = None
    category: Text = _EMPTY
    legal_basis: Text = _EMPTY
    applies_to: str | None = None
    default_severity: str | None = None

    def values(self, lang: str) -> dict:
        """The keyword arguments of ``add_term`` in one language."""
        return {"number": self.number, "kind": self.kind, "chapter": self.chapter.get(lang),
                "title": self.title.get(lang), "text": self.text.get(lang), "metric": self.metric,
                "target": self.target, "category": self.category.get(lang),
                "legal_basis": self.legal_basis.get(lang), "applies_to": self.applies_to,
                "default_severity": self.default_severity,
                # the English edition of the report reads these; in an English agreement they are the same
                "title_en": self.title.en, "category_en": self.category.en, "legal_basis_en": self.legal_basis.en}


def _dept_basis_zh() -> str:
    return T.DEPT_LEGAL_BASIS.replace("（演示）", "")


def template_terms() -> list[TemplateTerm]:
    """Every term of the template, in agreement order."""
    out = []
    for number, metric, target, title, text in T.OBLIGATIONS:
        title_en, text_en = _OBLIGATIONS_EN[number]
        out.append(TemplateTerm(number, "obligation", CHAPTERS["obligations"], Text(title, title_en),
                                Text(text, text_en), metric=metric, target=target))
    for key, (number, title, category, basis, severity, text, _scene) in T.ENTERPRISE_TERMS.items():
        title_en, category_en, basis_en, text_en = _ENTERPRISE_EN[key]
        out.append(TemplateTerm(number, "criterion", CHAPTERS["enterprises"], Text(title, title_en),
                                Text(text, text_en), category=Text(category, category_en),
                                legal_basis=Text(basis, basis_en), applies_to="enterprises",
                                default_severity=severity))
    number, title, category, text, _texts = T.COMMON_DEPT_TERM
    title_en, category_en, basis_en, text_en = _DEPARTMENT_EN
    out.append(TemplateTerm(number, "criterion", CHAPTERS["departments"], Text(title, title_en), Text(text, text_en),
                            category=Text(category, category_en), legal_basis=Text(_dept_basis_zh(), basis_en),
                            applies_to="departments", default_severity="general"))
    return out
