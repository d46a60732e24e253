"""The page grid of GB/T 9704-2012 that every PDF of the reports is set on.

A4, text area 156 × 225 mm, 37 mm from the top and 28 mm from the binding edge; a full page of
body text (3号 仿宋, 16 pt) holds 22 lines of 28 characters.  So the line pitch is 225 mm / 22
and the character pitch 156 mm / 28 (5.57 mm, a little less than the 5.64 mm of a 16 pt
character: like Word's document grid, justified Chinese lines are set a hair tighter, see
:mod:`reports.cjkwrap`).
"""

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_W, PAGE_H = A4
TOP, BINDING = 37 * mm, 28 * mm
TEXT_W, TEXT_H = 156 * mm, 225 * mm
OUTER = PAGE_W - BINDING - TEXT_W  # 26 mm
BOTTOM = PAGE_H - TOP - TEXT_H  # 35 mm
LINES, CHARS = 22, 28
LINE = TEXT_H / LINES  # 28.99 pt
CHAR = TEXT_W / CHARS  # 15.79 pt
BODY_SIZE = 16
PAGE_NUMBER_SIZE = 14
PAGE_NUMBER_GAP = 7 * mm  # from the text area's foot to the top of the page number
