"""A large, realistic audit file for the benchmarks (core queries, GUI, report, seal).

Two years of a Qingzhen-style contract (2014-2015): ~2,000 subjects in a
city → county → township grid, 40 auditors, 8 quarterly plans with reproducible
double-random draws, ~12,000 audits with their results, 50,000 findings in every
state of the lifecycle (consistent with their rectification events, and overdue
ones relative to the file's reference date 2015-12-20), leads, and 5,000
evidence rows over ~3,000 distinct JPEG photos with thumbnails.

Everything is written in ONE transaction with SQLAlchemy Core ``insert()``
executemany lists, so the change log is bypassed on purpose (this is test data).
The content depends only on the arguments: the same seed gives the same rows,
uids and photos.

    from tests.benchmarks.largefile import large_file
    path = large_file()   # built once, cached under tests/benchmarks/.cache/
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import math
import os
import random
import sqlite3
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from filelock import FileLock
from sqlalchemy import insert

from ngo_audit import draw as drawing
from ngo_audit.auditfile import AuditFile
from ngo_audit.creditcode import make_code
from ngo_audit.demo_images import make_photo
from ngo_audit.media import inspect_media, make_thumbnail
from ngo_audit.migrations import runner
from ngo_audit.models import (
    AppliesTo,
    Audit,
    AuditorRole,
    AuditPlan,
    AuditResult,
    AuditType,
    Contract,
    CreditLevel,
    EscalationChannel,
    EventKind,
    EvidenceKind,
    EvidencePhase,
    FindingStatus,
    GridLevel,
    LeadChannel,
    LeadStatus,
    NoteSection,
    ObligationMetric,
    PlanItemSource,
    ReportingFrequency,
    Sector,
    Severity,
    SubjectKind,
    TermKind,
    TermResult,
    audit_auditor,
    lead_finding,
    plan_item_auditor,
    plan_item_term,
)
from ngo_audit.models import Auditor as AuditorModel
from ngo_audit.models import Escalation as EscalationModel
from ngo_audit.models import Evidence as EvidenceModel
from ngo_audit.models import EvidenceBlob as EvidenceBlobModel
from ngo_audit.models import FileInfo as FileInfoModel
from ngo_audit.models import Finding as FindingModel
from ngo_audit.models import Grid as GridModel
from ngo_audit.models import Lead as LeadModel
from ngo_audit.models import PlanItem as PlanItemModel
from ngo_audit.models import QuarterNote as QuarterNoteModel
from ngo_audit.models import RandomDraw as RandomDrawModel
from ngo_audit.models import RectificationEvent as EventModel
from ngo_audit.models import Subject as SubjectModel
from ngo_audit.models import Term as TermModel
from ngo_audit.quarters import quarters_between
from ngo_audit.services.plans import PoolFilter

HERE = Path(__file__).resolve().parent
CACHE_DIR = HERE / ".cache"
NAME = "large-v1"
# Bump when the generator changes what it writes: cached files of another generation are rebuilt.
GENERATOR = 1

REFERENCE_DATE = date(2015, 12, 20)
PERIOD_START, PERIOD_END = date(2014, 1, 1), date(2015, 12, 31)
PHOTO_SIZE = (640, 480)
_SENTINEL = datetime(2000, 1, 1, 0, 0, 0)
_SENTINEL_BYTES = _SENTINEL.strftime("%Y:%m:%d %H:%M:%S").encode()

# -- vocabulary --------------------------------------------------------------------------------

TOWNSHIPS = [
    "红枫湖镇", "站街镇", "卫城镇", "新店镇", "犁倭镇", "暗流镇", "流长乡", "王庄乡", "麦格乡", "百花湖镇",
    "青龙山街道", "巢凤街道", "红新街道", "百花街道", "红塔街道", "跃进街道", "时光街道", "云岭街道",
    "金清街道", "麒龙街道", "凤山镇", "桃源镇", "石门镇", "青山乡", "芦荻乡", "茶店镇", "松林镇",
    "黄土坡镇", "梨花乡", "燕楼镇",
]
CITY_DEPARTMENTS = [
    "清镇市生态环境局", "清镇市水务管理局", "清镇市自然资源局", "清镇市住房和城乡建设局", "清镇市农业农村局",
    "清镇市工业和信息化局", "清镇市市场监督管理局", "清镇市交通运输局", "清镇市卫生健康局", "清镇市应急管理局",
    "清镇市林业局", "清镇市综合行政执法局", "清镇市商务局", "清镇市发展和改革局", "清镇市教育局",
    "清镇市文体广电旅游局", "清镇市公安局", "清镇市城市管理局", "清镇经济开发区管理委员会",
    "清镇市红枫湖保护管理局",
]
# name, sector, weight, words for the name, suffixes, probability of being key-monitored
INDUSTRIES = [
    ("化工", Sector.SECONDARY, 8, ["化工", "精细化工", "化学"], ["有限公司", "有限责任公司", "股份有限公司"], 0.45),
    ("冶金", Sector.SECONDARY, 4, ["冶金", "铁合金", "钢铁"], ["有限公司", "有限责任公司"], 0.45),
    ("医药", Sector.SECONDARY, 4, ["制药", "药业", "生物医药"], ["有限公司", "股份有限公司"], 0.4),
    ("水泥", Sector.SECONDARY, 3, ["水泥", "建材"], ["有限公司", "有限责任公司"], 0.45),
    ("煤化工", Sector.SECONDARY, 3, ["煤化工", "焦化", "煤焦"], ["有限公司", "有限责任公司"], 0.5),
    ("铝加工", Sector.SECONDARY, 4, ["铝业", "铝材", "铝加工"], ["有限公司", "有限责任公司"], 0.4),
    ("建材", Sector.SECONDARY, 6, ["新型建材", "砖业", "混凝土"], ["有限公司", "厂"], 0.05),
    ("电镀", Sector.SECONDARY, 2, ["电镀", "表面处理"], ["有限公司", "厂"], 0.5),
    ("食品加工", Sector.SECONDARY, 6, ["食品", "酒业", "粮油"], ["有限公司", "厂"], 0.04),
    ("砂石开采", Sector.SECONDARY, 4, ["砂石", "石材", "矿业"], ["有限公司", "采石场"], 0.08),
    ("印刷包装", Sector.SECONDARY, 2, ["印务", "包装"], ["有限公司", "厂"], 0.05),
    ("屠宰", Sector.SECONDARY, 2, ["屠宰", "肉联"], ["有限公司", "厂"], 0.1),
    ("餐饮", Sector.TERTIARY, 14, ["餐饮", "酒楼", "火锅", "农家乐"], ["店", "有限公司", "管理有限公司"], 0.0),
    ("汽修", Sector.TERTIARY, 10, ["汽车维修", "汽修", "汽车服务"], ["厂", "店", "有限公司"], 0.01),
    ("洗车", Sector.TERTIARY, 3, ["洗车", "汽车美容"], ["店", "行"], 0.0),
    ("加油站", Sector.TERTIARY, 4, ["加油站", "石油销售"], ["", "有限公司"], 0.05),
    ("医疗机构", Sector.TERTIARY, 4, ["医院", "诊所", "口腔门诊"], ["", "有限公司"], 0.08),
    ("养殖", Sector.PRIMARY, 10, ["生态养殖", "养猪场", "养鸡场", "畜牧"], ["", "专业合作社", "有限公司"], 0.06),
    ("垃圾处理", Sector.TERTIARY, 2, ["环卫", "垃圾处理", "再生资源"], ["有限公司"], 0.6),
    ("污水处理", Sector.TERTIARY, 2, ["水务", "污水处理"], ["有限公司"], 0.6),
]
BRANDS = [_b[i:i + 2] for _b in [(  # two-character trade names (字号)
    "恒盛鑫源宏达金泰华鑫永发富强兴隆瑞丰天宇顺达东方中天金鼎鸿运盛世佳和新源红枫百花"
    "黔源黔山云峰山水绿洲长城海龙金川银河万达德胜龙腾凤凰启航天成和泰兴旺泰丰汇通久远"
    "利民惠民福源安康康达美佳大兴光明聚源顺丰金桥新华明珠锦程远航嘉禾润泽腾飞祥和昌盛"
    "宏图博远创新华夏中兴永安永昌恒通恒达益民益丰丰源源通通达天富天润润丰金诚诚信信达"
    "黔丰黔兴黔宏清源清河清泉卫城犁倭站街流长麦格暗流王庄新店青龙巢凤红塔跃进"
)] for i in range(0, len(_b), 2)]
PREFIXES = ["清镇市", "贵州", "贵阳", "", ""]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华萍红文辉力晓兰英梅燕鹏飞婷雪琳波斌宇浩凯欣怡佳玲")
ROADS = ["人民路", "云岭路", "红枫大道", "站街路", "卫城路", "工业大道", "环湖路", "新华路", "府前路", "百花路",
         "东门路", "南山路", "建设路", "滨河路", "物流大道"]
SPOTS = ["厂区东侧", "厂区西南角", "一号车间外", "二号车间后方", "原料库旁", "厂区大门附近", "生产区北侧",
         "仓库南面", "办公楼后方", "厂区围墙外", "污水处理区", "锅炉房旁", "堆场西侧", "后厨", "停车场一角"]
EVIDENCE_NOTES = ["现场已拍照取证", "已现场拍照并制作检查笔录", "企业负责人在检查记录上签字确认",
                  "已向现场负责人指出问题", "现场负责人对问题予以确认", "已调取近三个月运行台账"]


@dataclass(frozen=True)
class TermSpec:
    number: str
    title: str
    category: str
    applies_to: AppliesTo
    severity: Severity
    scene: str
    objects: list[str]
    problems: list[str]
    details: list[str]
    fixes: list[str]
    department: int | None = None  # index into CITY_DEPARTMENTS for a department's own duty list
    legal_basis: str = ""


OBLIGATIONS = [
    ("1.1", "重点监控企业每季度至少监督检查一次", ObligationMetric.KEY_ENTERPRISE_VISITS, 1),
    ("1.2", "各职能部门每季度至少开展一次履职监督", ObligationMetric.DEPARTMENT_AUDITS, 1),
    ("1.3", "每季度监督检查总数不少于1200家次", ObligationMetric.AUDITS_PER_QUARTER, 1200),
    ("1.4", "每季度“双随机”抽查企业不少于1000家", ObligationMetric.DRAWN_SUBJECTS, 1000),
    ("1.5", "整改期满后7日内完成复查", ObligationMetric.VERIFICATION_DAYS, 7),
    ("1.6", "公众举报线索5日内处理", ObligationMetric.LEAD_RESPONSE_DAYS, 5),
    ("1.7", "季度结束后15日内提交季度监督报告", ObligationMetric.REPORT_DAYS, 15),
]

ENT, DEPTS, DEPT = AppliesTo.ENTERPRISES, AppliesTo.DEPARTMENTS, AppliesTo.DEPARTMENT
CRITERIA = [
    TermSpec("3.1", "落实环境影响评价及“三同时”制度", "环评审批", ENT, Severity.SERIOUS, "document",
             ["新建生产线", "技改项目", "扩建车间", "配套仓储设施", "锅炉房", "新增生产设备"],
             ["未批先建", "未依法办理环境影响评价手续", "未完成竣工环境保护验收即投入生产",
              "建设内容与环评批复不一致", "环保设施未与主体工程同时投产使用"],
             ["企业负责人称相关手续正在办理中", "现场未能提供环评批复文件", "实际产能已超过批复规模约{n}%",
              "环评批复要求的配套治理设施尚未建设"],
             ["依法补办环境影响评价手续", "停止建设并补办相关手续", "完成竣工环境保护验收",
              "按环评批复要求建成配套设施"],
             legal_basis="《中华人民共和国环境影响评价法》第二十五条"),
    TermSpec("3.2", "依证排污", "排污许可", ENT, Severity.GENERAL, "document",
             ["排污许可证", "排污登记表", "排污许可执行报告", "自行监测方案"],
             ["已过有效期", "未按规定申领", "未按期提交", "内容与实际排污情况不符", "未在厂区醒目位置公示"],
             ["现场未能出示有效证件", "许可排放量与实际产能明显不符", "上一年度执行报告未提交",
              "排放口编号与许可证记载不一致"],
             ["依法申领或延续排污许可", "按期提交执行报告", "按实际情况变更许可内容", "在厂区醒目位置公示"],
             legal_basis="《排污许可管理办法（试行）》"),
    TermSpec("3.3", "废水治理设施正常运行、达标排放", "水污染防治", ENT, Severity.SERIOUS, "wastewater",
             ["污水处理站", "隔油池", "沉淀池", "化粪池", "雨污分流管网", "生化池", "废水总排口", "初期雨水收集池",
              "事故应急池", "渗滤液收集池", "清洗废水收集沟"],
             ["未正常运行", "出水水质超标", "存在跑冒滴漏现象", "池体破损渗漏", "未设置规范标识",
              "运行台账记录缺失", "旁路管道未封堵", "满溢外排"],
             ["现场可见黑色污水经雨水沟排入附近河沟", "排口附近水体浑浊并伴有明显异味",
              "现场快速检测pH值约为{ph}", "出水化学需氧量快速检测值约{n}毫克/升", "周边村民反映夜间有偷排现象",
              "排水沟内有大量油污沉积"],
             ["立即停止违法排放并修复设施", "完善雨污分流", "规范设置排污口标识", "建立运行台账并如实记录",
              "委托有资质单位开展监测"],
             legal_basis="《中华人民共和国水污染防治法》第三十九条"),
    TermSpec("3.4", "废气治理设施正常运行、达标排放", "大气污染防治", ENT, Severity.SERIOUS, "smoke",
             ["除尘设施", "脱硫设施", "废气收集罩", "活性炭吸附装置", "油烟净化器", "锅炉烟囱",
              "喷漆房废气处理设施", "挥发性有机物治理设施"],
             ["未正常运行", "排放浓度超标", "收集效率低、存在无组织排放", "未按期更换吸附材料",
              "未安装或擅自拆除", "排气筒高度不符合要求"],
             ["现场可见明显黑烟", "车间内异味明显", "周边居民反映刺激性气味严重", "烟气林格曼黑度目测约{k}级",
              "设施电表读数显示长期未用电"],
             ["立即修复并恢复设施正常运行", "按期更换吸附材料并留存记录", "加装集气罩提高收集效率",
              "委托有资质单位开展废气监测"],
             legal_basis="《中华人民共和国大气污染防治法》第四十八条"),
    TermSpec("3.5", "落实扬尘污染防治措施", "大气污染防治", ENT, Severity.GENERAL, "dust",
             ["原料堆场", "煤堆", "砂石料堆", "厂区道路", "物料运输车辆", "破碎筛分工序", "装卸作业区"],
             ["未采取覆盖措施", "未设置围挡和喷淋设施", "扬尘污染严重", "未硬化且未定期洒水", "车辆带泥上路",
              "防尘网破损未修复"],
             ["现场风力较大，扬尘明显", "裸露面积约{n}平方米", "出入口未设置车辆冲洗设施", "周边道路积尘较厚"],
             ["对物料堆场全部覆盖", "设置围挡及喷淋设施", "硬化厂区道路并定期洒水", "设置车辆冲洗平台"],
             legal_basis="《中华人民共和国大气污染防治法》第七十二条"),
    TermSpec("3.6", "危险废物规范贮存、转移和处置", "固体废物", ENT, Severity.SERIOUS, "hazwaste",
             ["废机油", "废油漆桶", "废活性炭", "废铅蓄电池", "废乳化液", "实验室废液", "医疗废物",
              "含油抹布手套", "废有机溶剂", "电镀污泥"],
             ["露天随意堆放", "未按规定贮存", "贮存场所未做防渗处理", "转移未执行联单制度", "交由无资质单位处置",
              "管理台账不完整", "未设置危险废物识别标志", "与一般固废混存"],
             ["现场发现约{k}个包装桶堆放在地面", "地面可见明显油污渗漏痕迹", "企业无法提供危废处置协议",
              "贮存时间已超过一年"],
             ["建设规范的危险废物贮存间", "委托有资质单位处置并执行转移联单", "设置危险废物识别标志",
              "建立危险废物管理台账"],
             legal_basis="《中华人民共和国固体废物污染环境防治法》第五十八条"),
    TermSpec("3.7", "一般工业固体废物规范处置", "固体废物", ENT, Severity.GENERAL, "solidwaste",
             ["一般工业固体废物", "炉渣", "粉煤灰", "建筑垃圾", "生活垃圾", "边角废料", "畜禽粪污", "污泥", "赤泥",
              "铝灰"],
             ["随意倾倒", "未建设规范贮存场所", "露天堆放未采取防渗防扬散措施", "去向不明", "堆放于河道沿岸",
              "未建立管理台账"],
             ["堆放量约{n}吨", "部分已滑落至附近沟渠", "雨天淋溶水流入周边农田", "现场散发明显臭味"],
             ["清运并规范处置", "建设规范贮存场所", "建立固体废物管理台账", "签订处置协议并留存转移记录"],
             legal_basis="《中华人民共和国固体废物污染环境防治法》第三十六条"),
    TermSpec("3.8", "噪声污染防治", "噪声", ENT, Severity.MINOR, "smoke",
             ["空压机", "冷却塔", "破碎机", "引风机", "夜间装卸作业", "切割机"],
             ["噪声扰民", "未采取隔声减振措施", "厂界噪声超标", "夜间违规生产"],
             ["周边居民多次投诉", "厂界噪声快速测量值约{db}分贝", "设备距居民区不足五十米"],
             ["加装隔声罩和减振基础", "调整作业时间，禁止夜间高噪声作业", "委托开展厂界噪声监测"],
             legal_basis="《中华人民共和国环境噪声污染防治法》第二十三条"),
    TermSpec("3.9", "突发环境事件应急管理", "环境风险", ENT, Severity.GENERAL, "document",
             ["突发环境事件应急预案", "应急物资", "应急演练记录", "环境风险隐患排查台账", "围堰及导流设施"],
             ["未编制", "未备案", "配备不足", "未定期开展", "已过期未修订"],
             ["企业无法提供相关资料", "现场仅有少量吸附棉", "近两年未开展演练"],
             ["编制应急预案并报备", "补充配备应急物资", "组织开展应急演练并留存记录"],
             legal_basis="《突发环境事件应急管理办法》"),
    TermSpec("3.10", "自动监控设施正常运行、数据真实", "自动监控", ENT, Severity.SERIOUS, "document",
             ["在线监测设备", "自动监控数据", "监测站房", "比对监测报告", "烟气连续监测系统"],
             ["未正常运行", "数据异常", "未与生态环境部门联网", "运维记录缺失", "存在人为干扰迹象"],
             ["数据曲线长时间呈直线", "站房内采样管路脱落", "运维单位近一个月未到场"],
             ["恢复设备正常运行并联网", "委托开展比对监测", "完善运维记录"],
             legal_basis="《污染源自动监控设施现场监督检查办法》"),
    TermSpec("3.11", "依法公开环境信息", "信息公开", ENT, Severity.MINOR, "document",
             ["企业环境信息", "排污信息", "自行监测数据", "环境信息公示牌"],
             ["未依法公开", "公开不及时", "公开内容不完整", "未设置"],
             ["企业网站无相关栏目", "公示牌内容为三年前信息"],
             ["依法公开环境信息", "在厂区门口设置公示牌并及时更新"],
             legal_basis="《企业事业单位环境信息公开办法》"),
    TermSpec("4.1", "落实环境保护“一岗双责”", "部门履职", DEPTS, Severity.GENERAL, "document",
             ["环境保护“一岗双责”", "部门环保责任清单", "年度环保工作计划", "环保工作领导小组"],
             ["落实不到位", "未制定", "未按期更新", "未召开专题会议"],
             ["未能提供相关会议记录", "责任清单未明确到具体科室"],
             ["制定并公开责任清单", "召开专题会议研究部署", "按期更新年度计划"]),
    TermSpec("4.2", "环境信访举报按时办理", "部门履职", DEPTS, Severity.GENERAL, "document",
             ["环境信访件", "群众举报件", "12369转办件", "督办件"],
             ["未按期办结", "答复内容不完整", "未向举报人反馈", "办理记录缺失"],
             ["抽查{k}件中有逾期办理情况", "答复未说明处理结果"],
             ["按期办结并反馈举报人", "建立办理台账", "完善答复内容"]),
    TermSpec("4.3", "生态环境执法监管职责清单", "部门履职", DEPT, Severity.SERIOUS, "document",
             ["“双随机”执法检查", "行政处罚案件", "执法检查台账", "重点排污单位名录"],
             ["未按计划开展", "办理超期", "记录不完整", "未按时公开"],
             ["抽查{k}个案卷，部分超过法定期限", "本季度抽查比例低于要求"],
             ["按计划开展执法检查", "规范案卷管理", "按时公开执法信息"], department=0),
    TermSpec("4.4", "河长制及饮用水水源保护职责清单", "部门履职", DEPT, Severity.GENERAL, "document",
             ["河长巡河记录", "饮用水水源保护区标识", "入河排污口排查", "河道垃圾清理"],
             ["不完整", "缺失损毁", "未按要求开展", "不及时"],
             ["部分河段近三个月无巡河记录", "保护区界碑损毁未修复"],
             ["完善巡河记录", "修复保护区标识", "开展入河排污口排查"], department=1),
    TermSpec("4.5", "建筑工地扬尘监管职责清单", "部门履职", DEPT, Severity.GENERAL, "dust",
             ["建筑工地扬尘巡查", "渣土运输车辆监管", "施工工地“六个百分之百”", "在建工地扬尘台账"],
             ["未按要求开展", "监管不到位", "落实不到位", "记录缺失"],
             ["抽查{k}个在建工地，均存在裸土未覆盖", "渣土车未密闭运输"],
             ["开展专项巡查", "建立工地扬尘台账", "加强渣土车辆监管"], department=3),
]
# Which enterprise criteria an industry tends to fail (weights); the rest get weight 1.
INDUSTRY_TERMS = {
    "化工": {"3.3": 4, "3.4": 4, "3.6": 4, "3.9": 3, "3.10": 3},
    "冶金": {"3.4": 5, "3.5": 4, "3.7": 4, "3.10": 3},
    "医药": {"3.3": 4, "3.4": 3, "3.6": 4},
    "水泥": {"3.4": 4, "3.5": 6, "3.10": 3},
    "煤化工": {"3.3": 4, "3.4": 5, "3.7": 3, "3.10": 3},
    "铝加工": {"3.4": 3, "3.6": 3, "3.7": 5},
    "建材": {"3.5": 6, "3.4": 2, "3.8": 2},
    "电镀": {"3.3": 5, "3.6": 5},
    "食品加工": {"3.3": 5, "3.7": 2},
    "砂石开采": {"3.5": 7, "3.8": 3, "3.1": 2},
    "印刷包装": {"3.4": 4, "3.6": 3},
    "屠宰": {"3.3": 6, "3.7": 3},
    "餐饮": {"3.3": 5, "3.4": 6, "3.8": 2},
    "汽修": {"3.6": 7, "3.4": 3},
    "洗车": {"3.3": 6},
    "加油站": {"3.9": 4, "3.3": 2, "3.4": 2},
    "医疗机构": {"3.6": 6, "3.3": 4},
    "养殖": {"3.3": 6, "3.7": 5},
    "垃圾处理": {"3.3": 5, "3.7": 4, "3.4": 2},
    "污水处理": {"3.3": 6, "3.10": 4},
}
SEVERITY_DAYS = {Severity.MINOR: [30, 45, 60], Severity.GENERAL: [15, 30, 45], Severity.SERIOUS: [10, 15, 30],
                 Severity.CRITICAL: [3, 7, 15]}
SCENE_SEEDS = {"wastewater": 4, "smoke": 3, "dust": 3, "hazwaste": 4, "solidwaste": 3, "document": 3}  # 20 × 2 phases


@dataclass
class BuildStats:
    seconds: float = 0.0
    size_bytes: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"seconds": round(self.seconds, 2), "size_bytes": self.size_bytes,
                "size_mb": round(self.size_bytes / 1048576, 1), "counts": self.counts,
                "statuses": self.statuses, "overdue": self.overdue, "params": self.params}


# -- small helpers ---------------------------------------------------------------------------------


class _Gen:
    """The seeded generator every value comes from (uids too, so a seed gives the same file)."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def uid(self) -> str:
        return uuid.UUID(int=self.r.getrandbits(128), version=4).hex

    def stamp(self, day: date) -> datetime:
        """An aware UTC time during Chinese office hours (08:30-18:00 local) on ``day``."""
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=self.r.randint(1800, 36000))

    def person(self) -> str:
        return self.r.choice(SURNAMES) + "".join(self.r.choice(GIVEN) for _ in range(self.r.choice((1, 2, 2))))

    def phone(self) -> str:
        return "1" + self.r.choice("3589") + "".join(self.r.choice("0123456789") for _ in range(9))

    def day_between(self, a: date, b: date) -> date:
        return a + timedelta(days=self.r.randint(0, max(0, (b - a).days)))


def _tracked(g: _Gen, day: date, updated: date | None = None) -> dict:
    created = g.stamp(day)
    return {"uid": g.uid(), "created_at": created,
            "updated_at": created if updated is None or updated <= day else g.stamp(updated)}


def _fill(text: str, r: random.Random) -> str:
    return text.format(n=r.choice((30, 50, 80, 120, 150, 200, 300, 500)), ph=r.choice(("3.5", "4", "10.5", "11", "12")),
                       k=r.randint(3, 20), db=r.randint(62, 85))


def _insert(conn, table, rows: list[dict], chunk: int = 20_000) -> None:
    for i in range(0, len(rows), chunk):
        conn.execute(insert(table), rows[i:i + chunk])


# -- the build ---------------------------------------------------------------------------------------


def build_large_file(path: Path, *, subjects: int = 2000, findings: int = 50_000, evidence: int = 5_000,
                     seed: int = 1, audits: int | None = None, verbose: bool = False) -> Path:
    """Write the benchmark file at ``path`` (replacing it); returns ``path``.

    ``audits`` defaults to 24 % of ``findings`` (12,000 for 50,000).  The file is
    built aside and moved in place, so an interrupted build leaves nothing behind.
    """
    t0 = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    audits = audits if audits is not None else max(40, round(findings * 0.24))
    params = {"name": NAME, "generator": GENERATOR, "subjects": subjects, "findings": findings,
              "evidence": evidence, "audits": audits, "seed": seed}
    tmp = path.with_name(f".{path.name}.building")
    for p in (tmp, tmp.with_name(tmp.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()

    def log(msg: str) -> None:
        if verbose:
            print(f"  [{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)

    stats = BuildStats(params=params)
    af = AuditFile.create(tmp, actor="benchmark", origin="benchmark", title="benchmark", overwrite=True)
    try:
        with af.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MB while building; not stored in the file
            conn.commit()
            with conn.begin():
                _Builder(conn, seed, subjects, findings, evidence, audits, stats, log).run()
                conn.execute(insert(FileInfoModel.__table__), [
                    {"key": "reference_date", "value": REFERENCE_DATE.isoformat()},
                    {"key": "benchmark", "value": json.dumps(params, sort_keys=True)},
                ])
            log("committed")
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            integrity = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            conn.commit()
        if problems or integrity != [("ok",)]:
            raise RuntimeError(f"the benchmark file is inconsistent: fk={problems[:5]} integrity={integrity[:5]}")
        log("integrity_check ok")
    finally:
        af.close()
        with contextlib.suppress(OSError):
            tmp.with_name(tmp.name + ".lock").unlink()
    os.replace(tmp, path)
    stats.seconds = time.perf_counter() - t0
    stats.size_bytes = path.stat().st_size
    path.with_suffix(".json").write_text(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2), "utf-8")
    log(f"done: {stats.size_bytes / 1048576:.0f} MB in {stats.seconds:.1f} s")
    return path


def build_stats(path: Path) -> dict:
    """What the last build of ``path`` reported (counts, seconds, size), or {}."""
    try:
        return json.loads(path.with_suffix(".json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _cached_ok(path: Path, params: dict) -> bool:
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            row = conn.execute("SELECT value FROM file_info WHERE key = 'benchmark'").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, TypeError):
        return False
    return revision == runner.head() and row is not None and json.loads(row[0]) == params


def large_file(*, rebuild: bool = False, verbose: bool = True) -> Path:
    """The shared benchmark file, built on first use (or when missing, outdated or ``rebuild``)."""
    path = CACHE_DIR / f"{NAME}.ngoaudit"
    params = {"name": NAME, "generator": GENERATOR, "subjects": 2000, "findings": 50_000, "evidence": 5_000,
              "audits": 12_000, "seed": 1}
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with FileLock(str(CACHE_DIR / f"{NAME}.build.lock")):  # two benchmarks starting at once build it once
        if rebuild or not _cached_ok(path, params):
            if verbose:
                print(f"building {path} (takes a minute or two)…", file=sys.stderr, flush=True)
            build_large_file(path, subjects=2000, findings=50_000, evidence=5_000, seed=1, verbose=verbose)
    return path


@dataclass
class _Sub:
    id: int
    uid: str
    kind: SubjectKind
    name: str
    industry: str
    grid_id: int
    credit_code: str
    key: bool
    risk: float
    address: str
    lat: float
    lon: float
    active: bool
    dept_index: int | None = None


@dataclass
class _Aud:
    subject: _Sub
    day: date
    item_id: int
    auditor_ids: list[int]
    audit_type: AuditType
    id: int = 0


class _Builder:
    def __init__(self, conn, seed: int, n_subjects: int, n_findings: int, n_evidence: int, n_audits: int,
                 stats: BuildStats, log) -> None:
        self.conn, self.stats, self.log = conn, stats, log
        self.g = _Gen(seed)
        self.r = self.g.r
        self.n_subjects, self.n_findings, self.n_evidence, self.n_audits = n_subjects, n_findings, n_evidence, n_audits
        self.quarters = quarters_between(PERIOD_START, PERIOD_END)
        self.last_day = REFERENCE_DATE - timedelta(days=2)  # nothing is recorded after the reference date

    def count(self, name: str, n: int) -> None:
        self.stats.counts[name] = self.stats.counts.get(name, 0) + n

    def run(self) -> None:
        self.contract_and_grid()
        self.subjects()
        self.terms()
        self.auditors()
        self.plans_and_audits()
        self.log(f"plans and audits: {self.stats.counts['audit']} audits")
        self.findings()
        self.log(f"findings: {self.stats.counts['finding']} findings, {self.stats.counts['rectification_event']} events")
        self.audit_results()
        self.leads()
        self.notes()
        self.evidence()
        self.log(f"evidence: {self.stats.counts['evidence']} rows, {self.stats.counts['evidence_blob']} blobs")

    # -- reference data ----------------------------------------------------------------------------

    def contract_and_grid(self) -> None:
        g, day = self.g, date(2013, 12, 20)
        _insert(self.conn, Contract.__table__, [{
            "id": 1, **_tracked(g, day), "number": "QZ-2013-12", "title": "清镇市公众参与环境保护第三方监督委托协议",
            "government": "清镇市人民政府", "ngo": "清镇市绿色家园环境监督服务中心", "signed_on": day,
            "period_start": PERIOD_START, "period_end": PERIOD_END,
            "scope": "对全市重点监控企业、一般工业企业、服务业经营者及相关职能部门履行环境保护职责情况开展第三方监督。",
            "reporting_frequency": ReportingFrequency.QUARTERLY, "notes": "基准测试数据"}])
        grid = [{"id": 1, **_tracked(g, day), "name": "贵阳市", "level": GridLevel.CITY, "parent_id": None,
                 "code": "520100"},
                {"id": 2, **_tracked(g, day), "name": "清镇市", "level": GridLevel.COUNTY, "parent_id": 1,
                 "code": "520181"}]
        self.townships: list[tuple[int, str, float, float]] = []
        for i, name in enumerate(TOWNSHIPS):
            gid = 3 + i
            grid.append({"id": gid, **_tracked(g, day), "name": name, "level": GridLevel.TOWNSHIP, "parent_id": 2,
                         "code": f"520181{100 + i * 2:03d}"})
            self.townships.append((gid, name, 26.40 + self.r.random() * 0.3, 106.25 + self.r.random() * 0.4))
        _insert(self.conn, GridModel.__table__, grid)
        self.count("grid", len(grid))

    def subjects(self) -> None:
        g, r, day = self.g, self.r, date(2013, 12, 28)
        n_dept = min(len(CITY_DEPARTMENTS) + len(TOWNSHIPS), max(4, self.n_subjects // 40))
        dept_names = [(n, None) for n in CITY_DEPARTMENTS] + [
            (t + ("人民政府" if t.endswith(("镇", "乡")) else "办事处"), i) for i, t in enumerate(TOWNSHIPS)]
        weights = [ind[2] for ind in INDUSTRIES]
        codes: set[str] = set()
        names: set[str] = set()
        rows, self.subs = [], []

        def code(authority: str, org_type: str) -> str:
            while True:
                c = make_code(r, authority, org_type, "520181")
                if c not in codes:
                    codes.add(c)
                    return c

        for sid in range(1, self.n_subjects + 1):
            township = r.choice(self.townships)
            if sid <= n_dept:
                name, town_index = dept_names[sid - 1]
                if town_index is not None:
                    township = self.townships[town_index]
                kind, industry, sector, key, credit = SubjectKind.DEPARTMENT, "", None, False, None
                cc = code("1", "1")
                risk, active = 0.5, True
                grid_id = 2 if town_index is None else township[0]  # city departments sit on the county cell
            else:
                ind = r.choices(INDUSTRIES, weights)[0]
                industry, sector = ind[0], ind[1]
                for _ in range(1000):
                    name = r.choice(PREFIXES) + r.choice(BRANDS) + r.choice(ind[3]) + r.choice(ind[4])
                    if name not in names:
                        break
                else:
                    raise RuntimeError("ran out of subject names")
                kind, key = SubjectKind.ENTERPRISE, r.random() < ind[5] * 0.85  # ≈ 15 % key-monitored
                credit = r.choices(list(CreditLevel), [30, 45, 15, 7, 3])[0]
                cc = code("9", "1")
                risk = {"green": 0.6, "blue": 1.0, "yellow": 1.8, "red": 2.6, "black": 3.2}[credit.value]
                risk *= 1.4 if key else 1.0
                active, grid_id = key or r.random() > 0.01, township[0]  # a few closed down
            names.add(name)
            lat, lon = township[2] + r.uniform(-0.02, 0.02), township[3] + r.uniform(-0.02, 0.02)
            address = f"清镇市{township[1]}{r.choice(ROADS)}{r.randint(1, 300)}号"
            rows.append({
                "id": sid, **_tracked(g, day), "kind": kind, "name": name, "credit_code": cc, "sector": sector,
                "industry": industry, "grid_id": grid_id,
                "address": address, "contact_person": g.person(), "contact_phone": g.phone(), "key_monitored": key,
                "credit_level": credit, "blacklist_recommended": False, "active": active, "notes": "",
                "sort_key": sid})
            self.subs.append(_Sub(sid, rows[-1]["uid"], kind, name, industry, grid_id, cc, key, risk, address, lat,
                                  lon, active, sid - 1 if sid <= n_dept else None))
        _insert(self.conn, SubjectModel.__table__, rows)
        self.count("subject", len(rows))
        self.enterprises = [s for s in self.subs if s.kind == SubjectKind.ENTERPRISE]
        self.departments = [s for s in self.subs if s.kind == SubjectKind.DEPARTMENT]
        self.stats.counts["key_monitored"] = sum(s.key for s in self.enterprises)

    def terms(self) -> None:
        g, day = self.g, date(2013, 12, 20)
        rows = []
        tid = 0
        for number, title, metric, target in OBLIGATIONS:
            tid += 1
            rows.append({"id": tid, **_tracked(g, day), "contract_id": 1, "number": number, "chapter": "第一章 受托方义务",
                         "sort_key": tid * 10, "kind": TermKind.OBLIGATION, "title": title, "text": title + "。",
                         "metric": metric, "target": target, "category": "", "legal_basis": "", "applies_to": None,
                         "department_id": None, "default_severity": None})
        self.term_ids: dict[str, int] = {}
        self.specs: dict[int, TermSpec] = {}
        dept_by_index = {s.dept_index: s.id for s in self.departments}
        for spec in CRITERIA:
            dept_id = dept_by_index.get(spec.department) if spec.department is not None else None
            if spec.applies_to == DEPT and dept_id is None:
                continue  # a small file without that department
            tid += 1
            chapter = "第三章 企业监督内容" if spec.applies_to == ENT else "第四章 职能部门履职监督"
            rows.append({"id": tid, **_tracked(g, day), "contract_id": 1, "number": spec.number, "chapter": chapter,
                         "sort_key": tid * 10, "kind": TermKind.CRITERION, "title": spec.title,
                         "text": f"监督对象应{spec.title}。", "metric": None, "target": None,
                         "category": spec.category, "legal_basis": spec.legal_basis, "applies_to": spec.applies_to,
                         "department_id": dept_id, "default_severity": spec.severity})
            self.term_ids[spec.number] = tid
            self.specs[tid] = spec
        _insert(self.conn, TermModel.__table__, rows)
        self.count("term", len(rows))
        ent_terms = [t for t, s in self.specs.items() if s.applies_to == ENT]
        self.applicable: dict[int, tuple[list[int], list[float]]] = {}
        for s in self.subs:
            if s.kind == SubjectKind.ENTERPRISE:
                prefs = INDUSTRY_TERMS.get(s.industry, {})
                self.applicable[s.id] = (ent_terms, [prefs.get(self.specs[t].number, 1) for t in ent_terms])
            else:
                ts = [t for t, sp in self.specs.items() if sp.applies_to == DEPTS
                      or (sp.applies_to == DEPT and sp.department == s.dept_index)]
                self.applicable[s.id] = (ts, [1.0] * len(ts))

    def auditors(self) -> None:
        g, day = self.g, date(2013, 12, 25)
        rows, used = [], set()
        for aid in range(1, 41):
            while (name := g.person()) in used:
                pass
            used.add(name)
            role = AuditorRole.STAFF if aid <= 15 else AuditorRole.VOLUNTEER if aid <= 35 else AuditorRole.EXPERT
            rows.append({"id": aid, **_tracked(g, day), "name": name, "role": role, "phone": g.phone(),
                         "active": aid != 40})
        _insert(self.conn, AuditorModel.__table__, rows)
        self.count("auditor", len(rows))
        self.auditor_rows = [row for row in rows if row["active"]]
        self.auditor_names = {row["id"]: row["name"] for row in rows}
        self.staff = [row["name"] for row in rows if row["role"] == AuditorRole.STAFF]

    # -- plans, draws, audits -------------------------------------------------------------------------

    def plans_and_audits(self) -> None:
        g, r = self.g, self.r
        plans, draws, items, item_auditors, item_terms = [], [], [], [], []
        self.audits: list[_Aud] = []
        item_id = 0
        per_quarter = math.ceil(self.n_audits / len(self.quarters) / 0.97)
        key_ents = [s for s in self.enterprises if s.key]
        auditor_pool = [drawing.Candidate(a["uid"], a["uid"], a["name"]) for a in self.auditor_rows]
        auditor_by_uid = {a["uid"]: a["id"] for a in self.auditor_rows}
        active_ids = [a["id"] for a in self.auditor_rows]
        for pid, q in enumerate(self.quarters, start=1):
            start, end = q.start, min(q.end, self.last_day)
            prepared = q.start - timedelta(days=7)
            plans.append({"id": pid, **_tracked(g, prepared), "contract_id": 1, "quarter": str(q),
                          "notes": f"{q.label()}监督检查计划"})
            planned: dict[int, PlanItemSource] = {}
            for s in key_ents:
                planned[s.id] = PlanItemSource.MANDATORY
            for s in self.departments:
                planned[s.id] = PlanItemSource.MANDATORY
            others = [s for s in self.enterprises if s.id not in planned and s.active]
            for s in r.sample(others, min(len(others), max(1, per_quarter // 25))):
                planned[s.id] = PlanItemSource.FOLLOW_UP
            for s in r.sample(others, min(len(others), max(1, per_quarter // 150))):
                planned.setdefault(s.id, PlanItemSource.LEAD)
            # the double-random draw, exactly as services.plans.run_draw would store it
            seed = f"{r.getrandbits(64):016x}"
            pool_subjects = [s for s in self.enterprises if s.active and not s.key and s.id not in planned]
            candidates = [drawing.Candidate(s.credit_code, s.uid, s.name) for s in pool_subjects]
            count = max(0, min(len(candidates), per_quarter - len(planned)))
            chosen = drawing.draw(seed, candidates, count)
            draw_id = pid  # one draw per quarter
            auditor_result = []
            by_uid = {s.uid: s for s in pool_subjects}
            drawn_items = []
            for c in chosen:
                picked = drawing.draw(f"{seed}|{c.key}", auditor_pool, 2)
                auditor_result.append(",".join(p.key for p in picked))
                drawn_items.append((by_uid[c.uid], [auditor_by_uid[p.uid] for p in picked]))
            draws.append({"id": draw_id, **_tracked(g, prepared), "plan_id": pid, "algorithm": drawing.ALGORITHM,
                          "seed": seed, "pool_filter": PoolFilter().as_dict(), "pool": [c.as_dict() for c in candidates],
                          "subject_count": count, "result": [c.key for c in chosen],
                          "auditor_pool": [c.as_dict() for c in auditor_pool], "auditor_count": 2,
                          "auditor_result": auditor_result,
                          "drawn_at": datetime(prepared.year, prepared.month, prepared.day, 2, 30, tzinfo=UTC),
                          "drawn_by": self.staff[0]})
            entries = [(self.subs[sid - 1], src, r.sample(active_ids, r.choice((2, 2, 3))), None)
                       for sid, src in planned.items()]
            entries += [(s, PlanItemSource.DRAW, ids, draw_id) for s, ids in drawn_items]
            for subject, source, auditor_ids, d_id in entries:
                item_id += 1
                # drawn visits are not scheduled individually: the teams spread them over the quarter
                day = None if source == PlanItemSource.DRAW else g.day_between(start, end)
                items.append({"id": item_id, **_tracked(g, prepared), "plan_id": pid, "subject_id": subject.id,
                              "planned_date": day, "source": source, "draw_id": d_id, "notes": ""})
                item_auditors += [{"plan_item_id": item_id, "auditor_id": a} for a in auditor_ids]
                if source == PlanItemSource.FOLLOW_UP:
                    terms, weights = self.applicable[subject.id]
                    item_terms.append({"plan_item_id": item_id, "term_id": r.choices(terms, weights)[0]})
                if r.random() < 0.97:  # a few planned visits did not happen
                    audit_day = (g.day_between(start, end) if day is None else
                                 min(end, max(start, day + timedelta(days=r.randint(-3, 12)))))
                    atype = (AuditType.FOLLOW_UP if source == PlanItemSource.FOLLOW_UP else
                             r.choices([AuditType.ANNOUNCED, AuditType.UNANNOUNCED, AuditType.JOINT], [55, 38, 7])[0])
                    self.audits.append(_Aud(subject, audit_day, item_id, auditor_ids, atype))
        _insert(self.conn, AuditPlan.__table__, plans)
        _insert(self.conn, RandomDrawModel.__table__, draws)
        _insert(self.conn, PlanItemModel.__table__, items)
        _insert(self.conn, plan_item_auditor, item_auditors)
        _insert(self.conn, plan_item_term, item_terms)
        for name, rows in (("audit_plan", plans), ("random_draw", draws), ("plan_item", items),
                           ("plan_item_auditor", item_auditors), ("plan_item_term", item_terms)):
            self.count(name, len(rows))
        # audits in date order, so ids grow with time as in a real file
        self.audits.sort(key=lambda a: (a.day, a.item_id))
        rows, links = [], []
        self.visits: dict[int, list[tuple[date, int]]] = {}
        for aid, a in enumerate(self.audits, start=1):
            a.id = aid
            s = a.subject
            rows.append({"id": aid, **_tracked(g, a.day), "subject_id": s.id, "plan_item_id": a.item_id,
                         "audit_date": a.day, "audit_type": a.audit_type, "location": s.address,
                         "latitude": round(s.lat + r.uniform(-0.001, 0.001), 6),
                         "longitude": round(s.lon + r.uniform(-0.001, 0.001), 6), "notes": ""})
            links += [{"audit_id": aid, "auditor_id": x} for x in a.auditor_ids]
            self.visits.setdefault(s.id, []).append((a.day, aid))
        _insert(self.conn, Audit.__table__, rows)
        _insert(self.conn, audit_auditor, links)
        self.count("audit", len(rows))
        self.count("audit_auditor", len(links))

    # -- findings and their lifecycle --------------------------------------------------------------------

    def findings(self) -> None:
        g, r = self.g, self.r
        n = self.n_findings
        n_loose = n // 20  # found without an audit: leads, media, chance observations
        weights = [a.subject.risk * (2.0 if a.subject.kind == SubjectKind.DEPARTMENT else 1.0) for a in self.audits]
        picks: list[tuple[_Sub, date, _Aud | None]] = [
            (a.subject, a.day, a) for a in r.choices(self.audits, weights, k=n - n_loose)]
        subj_weights = [s.risk for s in self.enterprises]
        for s in r.choices(self.enterprises, subj_weights, k=n_loose):
            picks.append((s, g.day_between(PERIOD_START, self.last_day), None))
        picks.sort(key=lambda p: (p[1], p[2].id if p[2] else 0))
        self.finding_rows: list[dict] = []
        events, escalations = [], []
        self.audit_terms: dict[int, set[int]] = {}
        self.loose_findings: list[dict] = []
        statuses: dict[str, int] = {}
        overdue = 0
        sev_list, sev_w = list(Severity), [30, 45, 20, 5]
        for fid, (s, found, audit) in enumerate(picks, start=1):
            terms, tw = self.applicable[s.id]
            term_id = r.choices(terms, tw)[0]
            spec = self.specs[term_id]
            # severity: around the term's default
            base = sev_list.index(spec.severity)
            severity = sev_list[max(0, min(3, base + r.choices((-1, 0, 0, 1), (3, 4, 4, 1))[0]))]
            if r.random() < 0.03:
                severity = r.choices(sev_list, sev_w)[0]
            obj, prob = r.choice(spec.objects), r.choice(spec.problems)
            title = f"{obj}{prob}"
            detail = _fill(r.choice(spec.details), r)
            if s.kind == SubjectKind.DEPARTMENT:
                desc = f"{found:%Y年%m月%d日}对该单位开展履职监督，查阅资料发现{obj}{prob}，{detail}。"
            else:
                desc = (f"{found:%Y年%m月%d日}现场检查发现，{r.choice(SPOTS)}{obj}{prob}，{detail}。"
                        f"{r.choice(EVIDENCE_NOTES)}。")
            deadline = found + timedelta(days=r.choice(SEVERITY_DAYS[severity]))
            requirement = f"请于{deadline:%Y年%m月%d日}前{r.choice(spec.fixes)}，并将整改情况书面报送监督中心。"
            life = self._lifecycle(fid, s, found, deadline, obj, audit)
            status = life["status"]
            statuses[status.value] = statuses.get(status.value, 0) + 1
            if status in (FindingStatus.OPEN, FindingStatus.NOTIFIED) and life["deadline"] < REFERENCE_DATE:
                overdue += 1
            row = {"id": fid, **_tracked(g, found, life["status_on"]), "audit_id": audit.id if audit else None,
                   "subject_id": s.id, "term_id": term_id, "found_on": found, "severity": severity, "title": title,
                   "description": desc, "requirement": requirement, "deadline": life["deadline"], "status": status,
                   "status_on": life["status_on"], "withdrawn_reason": life["withdrawn_reason"],
                   "blacklist_recommended": status == FindingStatus.ESCALATED and severity == Severity.CRITICAL}
            self.finding_rows.append(row)
            if audit is not None:
                self.audit_terms.setdefault(audit.id, set()).add(term_id)
            else:
                self.loose_findings.append(row)
            for ev in life["events"]:
                events.append({"id": len(events) + 1, **_tracked(g, ev["event_date"]), "finding_id": fid, **ev})
            for esc in life["escalations"]:
                escalations.append({"id": len(escalations) + 1, **_tracked(g, esc["escalated_on"]),
                                    "finding_id": fid, **esc})
        _insert(self.conn, FindingModel.__table__, self.finding_rows)
        _insert(self.conn, EventModel.__table__, events)
        _insert(self.conn, EscalationModel.__table__, escalations)
        self.count("finding", len(self.finding_rows))
        self.count("rectification_event", len(events))
        self.count("escalation", len(escalations))
        self.stats.statuses = dict(sorted(statuses.items()))
        self.stats.overdue = overdue

    def _visit_on_or_after(self, subject_id: int, day: date, within: int) -> tuple[date, int] | None:
        visits = self.visits.get(subject_id, [])
        i = bisect.bisect_left(visits, (day, 0))
        if i < len(visits) and visits[i][0] <= day + timedelta(days=within):
            return visits[i]
        return None

    def _lifecycle(self, fid: int, s: _Sub, found: date, deadline: date, obj: str, audit: _Aud | None) -> dict:
        """Play the finding through the state machine up to the reference date; return state and events."""
        r = self.r
        R = REFERENCE_DATE
        S = FindingStatus
        state = {"status": S.OPEN, "status_on": found, "deadline": deadline, "withdrawn_reason": "",
                 "events": [], "escalations": []}
        actor = self.auditor_names[audit.auditor_ids[0]] if audit else r.choice(self.staff)

        def step(day: date, kind: EventKind, new: S | None = None, **kw) -> bool:
            if state["events"]:  # never before the previous step (e.g. a response after an extension)
                day = max(day, state["events"][-1]["event_date"])
            if day >= R:
                return False
            state["events"].append({"kind": kind, "event_date": day, "actor": kw.pop("actor", actor),
                                    "summary": kw.pop("summary", ""), "reference_no": kw.pop("reference_no", ""),
                                    "new_deadline": kw.pop("new_deadline", None), "passed": kw.pop("passed", None),
                                    "audit_id": kw.pop("audit_id", None)})
            if new is not None and new != state["status"]:
                state["status"], state["status_on"] = new, day
            return True

        def verify(day: date, passed: bool, new_deadline: date | None = None) -> bool:
            visit = self._visit_on_or_after(s.id, day, 14)
            audit_id = None
            if visit is not None:
                day, audit_id = visit
            summary = f"复查确认{obj}已整改到位，予以销号。" if passed else f"复查发现{obj}整改不到位，要求继续整改。"
            new = S.CLOSED if passed else (S.ESCALATED if state["status"] == S.ESCALATED else S.NOTIFIED)
            ok = step(day, EventKind.VERIFICATION, new, summary=summary, passed=passed,
                      new_deadline=None if passed else new_deadline, audit_id=audit_id)
            if ok and not passed:
                state["deadline"] = new_deadline
            return ok

        def respond(day: date) -> bool:
            return step(day, EventKind.RESPONSE, S.REPORTED, actor=s.name[:60],
                        summary=r.choice([f"已完成{obj}整改，整改前后照片附后。", f"已安排专人对{obj}进行整改并建立台账。",
                                          "已按要求完成整改，请予复查。", f"{obj}已修复并恢复正常运行。"]))

        u = r.random()
        if u < 0.03:  # withdrawn (mistaken, duplicate…)
            n = found
            if r.random() < 0.5:
                n = min(found + timedelta(days=r.randint(1, 4)), deadline - timedelta(days=1))
                if not step(n, EventKind.NOTICE, S.NOTIFIED, reference_no=f"清监整〔{n.year}〕{fid}号",
                            summary="发出整改通知书。", new_deadline=deadline):
                    return state
            w = max(n + timedelta(days=1), found + timedelta(days=r.randint(3, 25)))
            why = r.choice(["经核实，企业已依法办理相关手续，属误判。", "与已登记问题重复。", "该场所已由其他单位承租，监督对象有误。"])
            if step(w, EventKind.WITHDRAWAL, S.WITHDRAWN, summary=why):
                state["withdrawn_reason"] = why
            return state
        if r.random() < 0.015:  # recorded and forgotten: never notified
            return state
        n = min(found + timedelta(days=r.choice((0, 1, 1, 2, 3, 5, 7))), deadline - timedelta(days=1))
        if not step(n, EventKind.NOTICE, S.NOTIFIED, reference_no=f"清监整〔{n.year}〕{fid}号",
                    summary="发出整改通知书，明确整改要求和期限。", new_deadline=deadline):
            return state
        d = deadline
        if r.random() < 0.08:  # extension asked before the deadline
            e = n + timedelta(days=max(1, int((d - n).days * r.uniform(0.4, 0.9))))
            nd = d + timedelta(days=r.choice((15, 30, 45)))
            if not step(e, EventKind.EXTENSION, None, summary="企业申请延期：设备采购周期较长。", new_deadline=nd):
                return state
            d = state["deadline"] = nd
        behaviour = r.choices(("on_time", "late", "escalate", "silent"), (70, 18, 7, 5))[0]
        if behaviour == "silent":
            return state
        if behaviour == "escalate":
            e = d + timedelta(days=r.randint(7, 30))
            channel = r.choices(list(EscalationChannel), (60, 15, 15, 5, 5))[0]
            recipient = {"enforcement": "清镇市生态环境局执法大队", "media": "贵州日报社", "procuratorate": "清镇市人民检察院",
                         "litigation": "清镇市人民法院环境保护法庭", "other": "清镇市人民政府督查室"}[channel.value]
            ref = f"清监移〔{e.year}〕{fid}号"
            summary = f"逾期未整改，移交{recipient}处理。"
            if not step(e, EventKind.ESCALATION, S.ESCALATED, reference_no=ref, summary=summary):
                return state
            state["escalations"].append({"channel": channel, "escalated_on": e, "recipient": recipient,
                                         "reference_no": ref, "summary": summary,
                                         "outcome": r.choice(["", "已立案调查", "已责令停产整治", "已作出行政处罚"])})
            if r.random() < 0.5:
                return state
            if not respond(e + timedelta(days=r.randint(10, 60))):
                return state
            verify(state["events"][-1]["event_date"] + timedelta(days=r.randint(2, 10)), True)
            return state
        for cycle in range(2):
            written = cycle == 1 or behaviour == "late" or r.random() < 0.35
            if behaviour == "on_time":
                resp = n + timedelta(days=max(1, int((d - n).days * r.uniform(0.3, 1.0))))
            else:
                resp = d + timedelta(days=r.randint(3, 60))
            if written:
                if not respond(resp):
                    return state
                v = resp + timedelta(days=r.randint(2, 12) if r.random() < 0.8 else r.randint(13, 60))  # backlog
            else:
                v = max(resp, d) + timedelta(days=r.randint(1, 9) if r.random() < 0.85 else r.randint(10, 30))
            passed = cycle == 1 or r.random() < 0.85
            new_deadline = None if passed else v + timedelta(days=r.choice((15, 20, 30)))
            if not verify(v, passed, new_deadline) or passed:
                return state
            n, d = state["events"][-1]["event_date"], state["deadline"]
            behaviour = r.choices(("on_time", "late"), (80, 20))[0]
        return state

    def audit_results(self) -> None:
        g, r = self.g, self.r
        rows = []
        for a in self.audits:
            terms, _ = self.applicable[a.subject.id]
            failed = self.audit_terms.get(a.id, set())
            checked = set(r.sample(terms, min(len(terms), r.randint(min(6, len(terms)), len(terms))))) | failed
            for t in sorted(checked):
                if t in failed:
                    result = TermResult.NON_COMPLIANT
                else:
                    result = TermResult.COMPLIANT if r.random() < 0.92 else TermResult.NOT_APPLICABLE
                rows.append({"id": len(rows) + 1, **_tracked(g, a.day), "audit_id": a.id, "term_id": t,
                             "result": result, "note": ""})
        _insert(self.conn, AuditResult.__table__, rows)
        self.count("audit_result", len(rows))

    def leads(self) -> None:
        g, r = self.g, self.r
        n = max(5, self.n_findings // 170)
        rows, links = [], []
        self.lead_rows = rows
        loose = r.sample(self.loose_findings, min(len(self.loose_findings), int(n * 0.4)))
        for lid in range(1, n + 1):
            if lid <= len(loose):
                f = loose[lid - 1]
                subject = self.subs[f["subject_id"] - 1]
                received = max(PERIOD_START, f["found_on"] - timedelta(days=r.randint(1, 5)))
                status, handled, outcome = LeadStatus.CONFIRMED, f["found_on"], "经现场核查属实，已登记为问题。"
                links.append({"lead_id": lid, "finding_id": f["id"]})
            else:
                subject = r.choice(self.enterprises)
                received = g.day_between(PERIOD_START, self.last_day)
                status = r.choices([LeadStatus.UNFOUNDED, LeadStatus.REFERRED, LeadStatus.CLOSED, LeadStatus.CHECKING,
                                    LeadStatus.RECEIVED], (40, 25, 25, 5, 5))[0]
                if received > REFERENCE_DATE - timedelta(days=10):
                    status = LeadStatus.RECEIVED
                handled = None if status in (LeadStatus.RECEIVED, LeadStatus.CHECKING) else min(
                    self.last_day, received + timedelta(days=r.randint(1, 8)))
                outcome = {LeadStatus.UNFOUNDED: "经现场核查，反映问题不属实。",
                           LeadStatus.REFERRED: "已转交清镇市生态环境局处理。",
                           LeadStatus.CLOSED: "已督促企业整改，举报人无异议。"}.get(status, "")
            channel = r.choices(list(LeadChannel), (35, 25, 15, 15, 5, 5))[0]
            anonymous = r.random() < 0.4
            what = r.choice(["夜间偷排污水", "烟囱冒黑烟", "噪声扰民", "露天焚烧垃圾", "异味严重", "倾倒废渣"])
            rows.append({"id": lid, **_tracked(g, received, handled), "received_on": received, "channel": channel,
                         "reporter": "" if anonymous else g.person(), "reporter_contact": "" if anonymous else g.phone(),
                         "anonymous": anonymous, "summary": f"群众反映{subject.name}{what}。", "location": subject.address,
                         "subject_id": subject.id, "status": status, "handled_on": handled, "outcome": outcome})
        _insert(self.conn, LeadModel.__table__, rows)
        _insert(self.conn, lead_finding, links)
        self.count("lead", len(rows))
        self.count("lead_finding", len(links))

    def notes(self) -> None:
        g = self.g
        rows = []
        for q in self.quarters:
            if q.end >= REFERENCE_DATE:
                continue  # the last quarter's report is not written yet
            written = q.end + timedelta(days=10)
            rows.append({"id": len(rows) + 1, **_tracked(g, written), "contract_id": 1, "quarter": str(q),
                         "section": NoteSection.DIFFICULTIES,
                         "text": "部分企业整改回复不及时；监督员交通经费紧张，偏远乡镇检查频次不足。"})
            rows.append({"id": len(rows) + 1, **_tracked(g, written), "contract_id": 1, "quarter": str(q),
                         "section": NoteSection.NEXT_PLAN,
                         "text": f"{q.next().label()}将继续开展“双随机”抽查，重点督促逾期未整改问题销号。"})
        _insert(self.conn, QuarterNoteModel.__table__, rows)
        self.count("quarter_note", len(rows))

    # -- evidence ---------------------------------------------------------------------------------------

    def evidence(self) -> None:
        """~60 % of the evidence rows bring a new photo; the rest attach an existing one to the audit too."""
        g, r = self.g, self.r
        t0 = time.perf_counter()
        bases: dict[tuple[str, int, str], tuple[bytes, bytes, tuple[float, float]]] = {}
        for scene, n_seeds in SCENE_SEEDS.items():
            for sd in range(1, n_seeds + 1):
                gps = (round(26.55 + r.uniform(-0.12, 0.12), 5), round(106.47 + r.uniform(-0.18, 0.18), 5))
                for phase in ("before", "after"):
                    data = make_photo(scene, phase, sd, PHOTO_SIZE, taken_at=_SENTINEL, gps=gps)
                    if data.count(_SENTINEL_BYTES) != 3:
                        raise RuntimeError("cannot find the EXIF timestamp to vary in the generated photo")
                    bases[(scene, sd, phase)] = (data, make_thumbnail(data), gps)
        self.log(f"{len(bases)} base photos in {time.perf_counter() - t0:.1f}s")

        n_rows = self.n_evidence
        n_blobs = max(1, round(n_rows * 0.6))
        n_before = round(n_blobs * 0.66)
        n_after = round(n_blobs * 0.17)
        n_audit_docs = round(n_blobs * 0.10)
        n_leads = min(len(self.lead_rows), round(n_blobs * 0.05))
        n_subject = max(0, n_blobs - n_before - n_after - n_audit_docs - n_leads)
        audited = [f for f in self.finding_rows if f["audit_id"] is not None]
        sev_w = {Severity.MINOR: 1, Severity.GENERAL: 2, Severity.SERIOUS: 4, Severity.CRITICAL: 6}
        chosen: dict[int, dict] = {}
        while len(chosen) < min(n_before, len(audited)):
            for f in r.choices(audited, [sev_w[f["severity"]] for f in audited], k=n_before - len(chosen)):
                chosen.setdefault(f["id"], f)
        before = sorted(chosen.values(), key=lambda f: f["id"])
        closed = [f for f in before if f["status"] == FindingStatus.CLOSED]
        after = r.sample(closed, min(n_after, len(closed)))
        audits_by_id = {a.id: a for a in self.audits}
        occasions: list[dict] = []  # each makes one new blob and one evidence row

        def scene_of(term_id: int) -> str:
            return self.specs[term_id].scene

        for f in before:
            a = audits_by_id[f["audit_id"]]
            occasions.append({"scene": scene_of(f["term_id"]), "phase": "before", "day": f["found_on"],
                              "finding": f, "audit_id": a.id, "subject_id": f["subject_id"],
                              "by": self.auditor_names[a.auditor_ids[0]],
                              "caption": f"整改前：{f['title']}"})
        for f in after:
            day = f["status_on"]
            occasions.append({"scene": scene_of(f["term_id"]), "phase": "after", "day": day, "finding": f,
                              "audit_id": f["audit_id"], "subject_id": f["subject_id"], "by": r.choice(self.staff),
                              "caption": f"整改后：{f['title']}"})
        for a in r.sample(self.audits, min(n_audit_docs, len(self.audits))):
            occasions.append({"scene": "document", "phase": "none", "day": a.day, "finding": None, "audit_id": a.id,
                              "subject_id": a.subject.id, "by": self.auditor_names[a.auditor_ids[0]],
                              "caption": r.choice(["现场检查记录表", "企业提供的台账资料", "排污许可证副本", "危废转移联单"])})
        for lead in r.sample(self.lead_rows, n_leads):
            occasions.append({"scene": r.choice(["smoke", "wastewater", "solidwaste", "dust"]), "phase": "before",
                              "day": lead["received_on"], "finding": None, "audit_id": None, "lead_id": lead["id"],
                              "subject_id": lead["subject_id"], "by": "", "caption": "举报人提供的现场照片"})
        for s in r.sample(self.enterprises, min(n_subject, len(self.enterprises))):
            occasions.append({"scene": "document", "phase": "none", "day": date(2014, 1, 15) + timedelta(
                days=r.randint(0, 60)), "finding": None, "audit_id": None, "subject_id": s.id, "by": r.choice(self.staff),
                "caption": "营业执照及排污许可证照片"})

        seen: set[str] = set()
        blob_rows: list[dict] = []
        ev_rows: list[dict] = []
        reusable: list[tuple[dict, dict]] = []  # (evidence row of a finding photo, its blob) for audit-level copies
        blob_bytes = 0

        def flush_blobs() -> None:
            if blob_rows:
                _insert(self.conn, EvidenceBlobModel.__table__, blob_rows, chunk=200)
                blob_rows.clear()

        n_blob = 0
        for occ in occasions:
            scene = occ["scene"]
            sd = r.randint(1, SCENE_SEEDS[scene])
            phase = "after" if occ["phase"] == "after" else "before"
            data0, thumb, gps = bases[(scene, sd, phase)]
            shot = datetime.combine(occ["day"], datetime.min.time()) + timedelta(seconds=r.randint(8 * 3600, 18 * 3600))
            while True:
                data = data0.replace(_SENTINEL_BYTES, shot.strftime("%Y:%m:%d %H:%M:%S").encode())
                sha = hashlib.sha256(data).hexdigest()
                if sha not in seen:
                    break
                shot += timedelta(seconds=1)
            seen.add(sha)
            n_blob += 1
            if n_blob <= 3:  # the app must accept these exactly as if imported
                info = inspect_media(data, "check.jpg")
                if info.captured_at != shot or info.width != PHOTO_SIZE[0]:
                    raise RuntimeError(f"generated photo not read back as expected: {info}")
            blob = {"id": n_blob, "sha256": sha, "media_type": "image/jpeg", "size": len(data),
                    "width": PHOTO_SIZE[0], "height": PHOTO_SIZE[1], "data": data, "thumbnail": thumb}
            blob_bytes += len(data) + len(thumb)
            blob_rows.append(blob)
            if len(blob_rows) >= 200:
                flush_blobs()
            f = occ["finding"]
            ev = {"blob_id": n_blob, "sha256": sha, "kind": EvidenceKind.PHOTO, "media_type": "image/jpeg",
                  "original_name": f"IMG_{shot:%Y%m%d_%H%M%S}.jpg", "caption": occ["caption"][:200],
                  "phase": EvidencePhase(occ["phase"]), "captured_at": shot, "latitude": gps[0], "longitude": gps[1],
                  "taken_by": occ["by"], "finding_id": f["id"] if f else None, "audit_id": occ["audit_id"],
                  "subject_id": occ["subject_id"], "lead_id": occ.get("lead_id"), "day": occ["day"]}
            ev_rows.append(ev)
            if f is not None and occ["phase"] == "before":
                reusable.append(ev)
        flush_blobs()
        # the same photos attached to the audit record as well (same blob, another evidence row)
        extra = n_rows - len(ev_rows)
        for i in range(max(0, extra)):
            src = reusable[i % len(reusable)] if reusable else ev_rows[i % len(ev_rows)]
            ev_rows.append({**src, "finding_id": None, "caption": "检查现场照片", "phase": EvidencePhase.NONE})
        ev_rows.sort(key=lambda e: (e["day"], e["blob_id"]))
        rows = []
        for i, ev in enumerate(ev_rows, start=1):
            day = ev.pop("day")
            rows.append({"id": i, **_tracked(g, day), **ev})
        _insert(self.conn, EvidenceModel.__table__, rows)
        self.count("evidence_blob", n_blob)
        self.count("evidence", len(rows))
        self.stats.counts["blob_megabytes"] = round(blob_bytes / 1048576)


if __name__ == "__main__":  # python -m tests.benchmarks.largefile [--rebuild]
    started = time.perf_counter()
    p = large_file(rebuild="--rebuild" in sys.argv)
    print(json.dumps({"path": str(p), **build_stats(p)}, ensure_ascii=False, indent=2))
