"""The demo's fixed dates and the odds that drive its story.

Changing any of these changes the demo file; the tests in tests/core/test_demo.py
check the story they produce (overdue findings, escalations, the blacklist…).
"""

from __future__ import annotations

from datetime import date, timedelta, timezone

SEED = 20140101
REFERENCE_DATE = date(2015, 12, 20)
PERIOD = (date(2014, 1, 1), date(2015, 12, 31))
PHOTO_SIZE = (640, 480)  # ~60 KB a photo: the file stays around 10-15 MB
# December's verifications are mostly batched into the year-end review (回头看) after the reference date.
YEAR_END_REVIEW = (date(2015, 11, 16), date(2015, 12, 21), date(2015, 12, 29))
YEAR_END_NOTICES = (date(2015, 12, 1), date(2015, 12, 22))
CHINA = timezone(timedelta(hours=8))

CREDIT_P = {"green": 0.045, "blue": 0.08, "yellow": 0.13, "red": 0.2, "black": 0.27}
RESPOND_P = {"green": 0.97, "blue": 0.92, "yellow": 0.85, "red": 0.7, "black": 0.55}
DEADLINE_DAYS = {"minor": (15, 20), "general": (20, 45), "serious": (30, 60), "critical": (45, 90)}
SEVERITIES = ["minor", "general", "serious", "critical"]
BLACKLIST = ("清镇市曜林焦化有限公司", "清镇市黔岳精细化工有限公司")
SIDES = ["东侧", "西侧", "南侧", "北侧"]
RIVERS = ["猫跳河支流", "厂区外沟渠", "附近农灌沟", "红枫湖入湖溪沟"]
