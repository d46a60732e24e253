"""Quarters typed by a user: the short form and the app's own labels in both languages."""

from __future__ import annotations

import pytest

from ngo_audit.errors import ValidationError
from ngo_audit.quarters import Quarter


@pytest.mark.parametrize("text", ["2015Q4", "2015q4", "2015-4", "2015年第四季度", "2015年第4季度", "2015年四季度",
                                  "Q4 2015", " q4 2015 "])
def test_the_apps_own_labels_are_accepted(text):
    assert Quarter.parse(text) == Quarter(2015, 4)


def test_every_label_parses_back():
    for q in (Quarter(2014, 1), Quarter(2015, 3)):
        assert Quarter.parse(q.label("zh")) == q and Quarter.parse(q.label("en")) == q


@pytest.mark.parametrize("text", ["2015年第五季度", "Q5 2015", "第四季度", "2015", ""])
def test_what_is_not_a_quarter_is_refused(text):
    with pytest.raises(ValidationError):
        Quarter.parse(text)
