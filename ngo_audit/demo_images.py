"""Generated evidence photos for the demo audit file.

The demo must not ship real photos of real sites (privacy, licensing), yet the
galleries, thumbnails and reports should look like the real thing.  So each
scene is painted from simple shapes with Pillow.  No text is drawn: no CJK font
is guaranteed on the machine, and "text" as grey bars reads fine at photo size.

Output is deterministic: the same arguments give byte-identical JPEGs, so the
demo file and the tests are reproducible.  Layout depends on (scene, seed)
only, so the "before" and "after" photos of one seed show the same site.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from datetime import datetime

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps, TiffImagePlugin

SCENES = ("wastewater", "smoke", "dust", "hazwaste", "solidwaste", "document")
PHASES = ("before", "after")

RGB = tuple[int, int, int]
_BLUE_SKY = ((95, 150, 215), (200, 222, 240))
_SMOG_SKY = ((165, 160, 145), (212, 204, 185))


class _Canvas:
    """An RGB image plus the helpers the scenes share; coordinates are fractions of the size."""

    def __init__(self, size: tuple[int, int], rng: random.Random, prng: random.Random) -> None:
        self.w, self.h = size
        self.rng, self.prng = rng, prng  # layout (same for both phases) / phase details
        self.img = Image.new("RGB", size)
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.w, y * self.h)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h)

    def gradient(self, y0: float, y1: float, top: RGB, bottom: RGB) -> None:
        band = (self.w, max(1, round((y1 - y0) * self.h)))
        grad = ImageOps.colorize(Image.linear_gradient("L").resize(band), top, bottom)
        self.img.paste(grad, (0, round(y0 * self.h)))

    def layer(self, paint: Callable[[ImageDraw.ImageDraw], None], blur: float = 0) -> None:
        """Paint on a transparent layer, soften it, and lay it over the picture (smoke, haze, stains)."""
        over = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        paint(ImageDraw.Draw(over))
        if blur:
            over = over.filter(ImageFilter.GaussianBlur(blur * self.w / 800))
        self.img = Image.alpha_composite(self.img.convert("RGBA"), over).convert("RGB")
        self.draw = ImageDraw.Draw(self.img, "RGBA")

    def mound(self, cx: float, base: float, half_w: float, height: float, n: int = 24) -> list:
        """A heap's outline: a rounded hump with a slightly irregular top."""
        pts = []
        for i in range(n + 1):
            u = i / n
            bump = (1 - (2 * u - 1) ** 2) ** 0.7 * (1 + self.rng.uniform(-0.06, 0.06))
            pts.append(self.p(cx - half_w + 2 * half_w * u, base - height * bump))
        return pts

    def horizon_trees(self, y: float, color: RGB) -> None:
        x = -0.02
        while x < 1.02:
            r = self.rng.uniform(0.02, 0.045)
            self.draw.ellipse(self.box(x - r, y - r * 1.6, x + r, y + r * 0.4), fill=color)
            x += r * self.rng.uniform(0.9, 1.5)


def _drum(c: _Canvas, x: float, y: float, width: float, color: RGB, angle: float = 0) -> None:
    """A 200-litre drum, its bottom centre at (x, y); tilted drums are drawn upright and rotated."""
    w = round(width * c.w)
    h = round(w * 1.45)
    e = max(2, w // 6)
    tile = Image.new("RGBA", (w + 2, h + e + 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(tile)
    dark = tuple(int(v * 0.6) for v in color)
    light = tuple(min(255, int(v * 1.35) + 20) for v in color)
    d.rectangle((1, e // 2 + 1, w, h), fill=color)
    d.ellipse((1, h - e // 2, w, h + e // 2), fill=color)
    d.rectangle((int(w * 0.18), e, int(w * 0.3), h), fill=light)  # highlight: reads as a cylinder
    d.rectangle((int(w * 0.75), e, w, h), fill=(*dark, 150))
    for ry in (h * 0.38, h * 0.68):
        d.arc((1, ry - e / 2, w, ry + e / 2), 0, 180, fill=dark, width=max(1, w // 25))
    d.ellipse((1, 1, w, e + 1), fill=light, outline=dark)
    if angle:
        tile = tile.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    px, py = round(x * c.w - tile.width / 2), round(y * c.h - tile.height)
    c.img.paste(tile, (px, py), tile)


def _wastewater(c: _Canvas, before: bool) -> None:
    c.gradient(0, 0.42, *(_SMOG_SKY if before else _BLUE_SKY))
    c.gradient(0.4, 0.66, (95, 115, 70) if before else (75, 130, 65), (120, 125, 85))
    c.horizon_trees(0.42, (55, 80, 45) if before else (45, 95, 50))
    water_top = [c.p(x / 10, 0.64 + 0.015 * math.sin(x * 1.3 + c.rng.random())) for x in range(11)]
    water = (98, 92, 70) if before else (70, 128, 138)
    c.draw.polygon([*water_top, c.p(1, 1), c.p(0, 1)], fill=water)
    c.draw.line(water_top, fill=(70, 60, 40), width=max(3, c.w // 200))  # muddy bank edge
    for i in range(70):  # ripples; catch the sky in clean water, scum in dirty water
        x, y = c.rng.uniform(0, 1), c.rng.uniform(0.67, 0.98)
        col = (160, 150, 120, 130) if before else (190, 220, 230, 150)
        c.draw.line([c.p(x, y), c.p(x + c.rng.uniform(0.03, 0.09), y)], fill=col, width=2 + i % 2)
    wall = c.rng.uniform(0.3, 0.36)
    c.draw.polygon([c.p(0, 0.3), c.p(wall, 0.34), c.p(wall + 0.04, 0.8), c.p(0, 0.84)], fill=(150, 148, 140))
    for k in range(1, 6):  # masonry courses
        c.draw.line([c.p(0, 0.3 + k * 0.09), c.p(wall + k * 0.007, 0.34 + k * 0.08)], fill=(120, 118, 110), width=2)
    px, py, r = wall * 0.6, 0.52, 0.06
    c.draw.ellipse(c.box(px - r, py - r * 1.33, px + r, py + r * 1.33), fill=(105, 105, 100))
    c.draw.ellipse(c.box(px - r * 0.72, py - r, px + r * 0.72, py + r), fill=(28, 26, 24))
    if before:
        dye = c.prng.choice([(42, 38, 34), (125, 52, 42), (105, 45, 85)])

        def plume(d: ImageDraw.ImageDraw) -> None:
            d.polygon([c.p(px - r * 0.6, py + r * 0.2), c.p(px + r * 0.6, py + r * 0.2),
                       c.p(px + r * 1.6, 0.72), c.p(px - r * 0.2, 0.72)], fill=(*dye, 235))
            for k in range(16):  # the discharge spreading downstream
                x, rr = px + 0.045 * k, 0.04 + 0.014 * k
                d.ellipse(c.box(x - rr, 0.72 - rr / 3, x + rr, 0.72 + rr / 1.5), fill=(*dye, 170 - 9 * k))
            for _ in range(90):  # foam
                x, y = c.prng.uniform(px, px + 0.45), c.prng.uniform(0.68, 0.8)
                s = c.prng.uniform(0.002, 0.007)
                d.ellipse(c.box(x - s, y - s / 2, x + s, y + s / 2), fill=(225, 220, 200, 210))

        c.layer(plume, blur=2.5)
    else:
        for _ in range(30):  # reeds on the far bank
            x = c.rng.uniform(0.45, 1)
            c.draw.line([c.p(x, 0.66), c.p(x + c.prng.uniform(-0.01, 0.01), 0.58)], fill=(60, 110, 50), width=3)


def _smoke(c: _Canvas, before: bool) -> None:
    c.gradient(0, 0.75, *(_SMOG_SKY if before else _BLUE_SKY))
    c.gradient(0.75, 1, (110, 112, 100), (85, 88, 80))
    cx = c.rng.uniform(0.42, 0.55)
    for i, (x0, x1, top) in enumerate([(0.05, 0.4, 0.52), (0.36, 0.9, 0.58)]):  # factory halls
        c.draw.rectangle(c.box(x0, top, x1, 0.78), fill=(150, 155, 165) if i else (175, 170, 160))
        for k in range(int((x1 - x0) / 0.06)):  # saw-tooth roof
            xa = x0 + k * 0.06
            c.draw.polygon([c.p(xa, top), c.p(xa + 0.06, top), c.p(xa + 0.06, top - 0.05)], fill=(120, 125, 135))
        for wx in range(int((x1 - x0) / 0.05)):
            c.draw.rectangle(c.box(x0 + 0.02 + wx * 0.05, top + 0.06, x0 + 0.045 + wx * 0.05, top + 0.11),
                             fill=(70, 80, 95))
    top_y, half = 0.26, 0.022
    for k in range(8):  # red-and-white banded chimney, tapering upwards
        y0, y1 = top_y + k * 0.065, top_y + (k + 1) * 0.065
        w0, w1 = half * (1 + k * 0.08), half * (1 + (k + 1) * 0.08)
        c.draw.polygon([c.p(cx - w0, y0), c.p(cx + w0, y0), c.p(cx + w1, y1), c.p(cx - w1, y1)],
                       fill=(185, 50, 40) if k % 2 == 0 else (230, 228, 220))
    wind = c.rng.uniform(0.7, 1.0)

    def plume(d: ImageDraw.ImageDraw) -> None:
        for k in range(26 if before else 8):
            t = k / 25
            for _ in range(3 if before else 1):  # several puffs per step: a billowing, not a tube
                x = cx + t * 0.45 * wind + c.prng.uniform(-0.02, 0.02) * (1 + 3 * t)
                y = top_y - 0.03 - 0.13 * t**0.6 + c.prng.uniform(-0.02, 0.02) * (1 + 2 * t)
                rr = 0.018 + t * (0.1 if before else 0.05) + c.prng.uniform(0, 0.01)
                col = (50, 46, 42, 190 - int(110 * t)) if before else (245, 245, 245, 80 - int(50 * t))
                d.ellipse(c.box(x - rr, y - rr * 1.1, x + rr, y + rr * 1.1), fill=col)

    c.layer(plume, blur=9)
    if before:  # smog settles over the whole scene
        c.layer(lambda d: d.rectangle((0, 0, c.w, c.h), fill=(150, 135, 105, 45)))


def _dust(c: _Canvas, before: bool) -> None:
    c.gradient(0, 0.5, *(((190, 172, 135), (218, 202, 170)) if before else _BLUE_SKY))
    c.gradient(0.5, 1, (160, 138, 105), (125, 105, 80))
    heaps = []
    for k in range(3):
        cx = 0.18 + 0.32 * k + c.rng.uniform(-0.04, 0.04)
        base = c.rng.uniform(0.8, 0.9)
        heaps.append((c.mound(cx, base, c.rng.uniform(0.17, 0.22), c.rng.uniform(0.25, 0.38)), cx, base))
    colours = [(200, 172, 122), (140, 136, 130), (115, 88, 62)]
    for (outline, cx, base), col in zip(heaps, colours, strict=True):
        c.draw.polygon(outline, fill=col)
        right = [pt for pt in outline if pt[0] >= cx * c.w]  # shaded side, light comes from the left
        c.draw.polygon([(cx * c.w, base * c.h), *right], fill=(0, 0, 0, 45))
        if not before:  # green dust-suppression netting clipped to the heap
            mask = Image.new("L", c.img.size, 0)
            ImageDraw.Draw(mask).polygon(outline, fill=255)
            net = Image.new("RGB", c.img.size, (38, 112, 62))
            nd = ImageDraw.Draw(net)
            step = max(4, c.w // 90)
            for v in range(-c.h, c.w + c.h, step):
                nd.line([(v, 0), (v + c.h, c.h)], fill=(22, 74, 40), width=1)
                nd.line([(v, 0), (v - c.h, c.h)], fill=(22, 74, 40), width=1)
            c.img.paste(net, (0, 0), mask)
            c.draw = ImageDraw.Draw(c.img, "RGBA")
            for pt in outline[::3]:  # sandbags holding the net down
                bag = c.w / 110
                c.draw.ellipse((pt[0] - bag, base * c.h - bag, pt[0] + bag, base * c.h + bag / 4), fill=(190, 180, 150))
    if before:
        def dust(d: ImageDraw.ImageDraw) -> None:
            for _, cx, base in heaps:
                for _ in range(10):
                    x, y = cx + c.prng.uniform(-0.2, 0.25), base - c.prng.uniform(0.2, 0.5)
                    rr = c.prng.uniform(0.06, 0.14)
                    d.ellipse(c.box(x - rr, y - rr * 0.6, x + rr, y + rr * 0.6), fill=(215, 195, 155, 90))
            d.rectangle((0, 0, c.w, c.h), fill=(205, 185, 145, 60))

        c.layer(dust, blur=14)


def _hazwaste(c: _Canvas, before: bool) -> None:
    c.gradient(0, 0.45, (196, 190, 176), (176, 170, 158))  # warehouse wall
    c.gradient(0.45, 1, (150, 150, 146), (118, 118, 114))  # concrete floor
    colours = [(40, 80, 160), (150, 82, 40), (45, 45, 48), (40, 80, 160), (60, 120, 70)]
    drums = [(c.rng.uniform(0.08, 0.92), c.rng.uniform(0.62, 0.95), c.rng.choice(colours),
              c.rng.choice([0, 0, 8, -10, 90, -85])) for _ in range(8)]
    if before:
        def stain(d: ImageDraw.ImageDraw) -> None:
            for _ in range(3):
                x, y = c.prng.uniform(0.2, 0.8), c.prng.uniform(0.7, 0.92)
                for _ in range(7):
                    dx, dy, rr = c.prng.uniform(-0.08, 0.08), c.prng.uniform(-0.03, 0.03), c.prng.uniform(0.03, 0.08)
                    d.ellipse(c.box(x + dx - rr, y + dy - rr / 3, x + dx + rr, y + dy + rr / 3), fill=(30, 26, 20, 150))
                d.ellipse(c.box(x - 0.05, y - 0.012, x + 0.03, y + 0.01), fill=(110, 60, 130, 60))  # oily sheen

        c.layer(stain, blur=4)
        for x, y, col, angle in sorted(drums, key=lambda t: t[1]):  # far ones first
            _drum(c, x, y, 0.075, col, angle)
        return
    c.draw.polygon([c.p(0, 0), c.p(1, 0), c.p(1, 0.16), c.p(0, 0.22)], fill=(70, 78, 92))  # shelter roof
    for x in (0.04, 0.5, 0.95):
        c.draw.rectangle(c.box(x - 0.012, 0.18, x + 0.012, 0.9), fill=(95, 100, 110))
    c.draw.rectangle(c.box(0.1, 0.58, 0.9, 0.93), outline=(225, 190, 30), width=max(3, c.w // 120))  # bund line
    for row, y in enumerate((0.72, 0.9)):
        c.draw.rectangle(c.box(0.14, y - 0.012, 0.86, y + 0.012), fill=(150, 110, 65))  # pallet
        for k in range(7):
            _drum(c, 0.19 + k * 0.104 + row * 0.01, y - 0.01, 0.085, drums[k][2])
    sx, sy, s = 0.78, 0.24, 0.09  # yellow hazard sign on the wall
    c.draw.polygon([c.p(sx, sy), c.p(sx + s * 0.6, sy + s * 1.35), c.p(sx - s * 0.6, sy + s * 1.35)],
                   fill=(245, 200, 20), outline=(20, 20, 20), width=max(3, c.w // 160))
    c.draw.rectangle(c.box(sx - 0.006, sy + s * 0.45, sx + 0.006, sy + s * 0.95), fill=(20, 20, 20))
    c.draw.ellipse(c.box(sx - 0.007, sy + s * 1.05, sx + 0.007, sy + s * 1.05 + 0.018), fill=(20, 20, 20))


def _solidwaste(c: _Canvas, before: bool) -> None:
    c.gradient(0, 0.4, *(_SMOG_SKY if before else _BLUE_SKY))
    c.gradient(0.4, 1, (125, 130, 85), (100, 95, 65))
    c.horizon_trees(0.41, (60, 90, 50))
    cx, base = c.rng.uniform(0.4, 0.6), 0.85
    outline = c.mound(cx, base, 0.32, c.rng.uniform(0.28, 0.34))
    if not before:  # cleared: bare soil where the heap was, tyre tracks, a fence
        c.layer(lambda d: d.ellipse(c.box(cx - 0.34, base - 0.1, cx + 0.34, base + 0.06), fill=(140, 115, 80, 160)),
                blur=12)
        for off in (0, 0.07):
            c.draw.line([c.p(0.1 + off, 1), c.p(cx + off, base - 0.05), c.p(0.95, 0.62 + off / 2)],
                        fill=(95, 80, 60), width=max(4, c.w // 100), joint="curve")
        for k in range(14):
            x = 0.03 + k * 0.072
            c.draw.line([c.p(x, 0.5), c.p(x, 0.4)], fill=(90, 80, 70), width=4)
        for y in (0.42, 0.46):
            c.draw.line([c.p(0, y), c.p(1, y)], fill=(110, 110, 110), width=2)
        return
    c.draw.polygon(outline, fill=(88, 74, 58))
    mask = Image.new("L", c.img.size, 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    junk = [(232, 232, 226), (52, 92, 170), (30, 30, 34), (172, 132, 82), (62, 122, 72), (172, 52, 46), (215, 200, 60)]
    for k in range(420):  # bags, bottles, cardboard; mostly on the heap, a few blown around
        x, y = c.prng.uniform(0, 1), c.prng.uniform(0.45, 0.98)
        if k % 6 and not mask.getpixel((int(x * (c.w - 1)), int(y * (c.h - 1)))):
            continue
        s = c.prng.uniform(0.008, 0.03)
        pts = [c.p(x + s * math.cos(a) * c.prng.uniform(0.5, 1.2), y + s * 1.2 * math.sin(a) * c.prng.uniform(0.5, 1.2))
               for a in sorted(c.prng.uniform(0, 2 * math.pi) for _ in range(c.prng.randint(3, 6)))]
        c.draw.polygon(pts, fill=c.prng.choice(junk))


def _document(c: _Canvas, before: bool) -> None:
    c.gradient(0, 1, (150, 102, 64), (118, 78, 48))  # wooden desk
    for _ in range(70):
        y, amp = c.rng.uniform(0, 1), c.rng.uniform(0.002, 0.01)
        pts = [c.p(x / 20, y + amp * math.sin(x * 0.7 + y * 40)) for x in range(21)]
        c.draw.line(pts, fill=(100, 64, 38, 90), width=2)
    ph = round(c.h * 0.9)
    pw = round(ph / 1.414)
    sheet = Image.new("RGBA", (pw, ph), (248, 246, 240, 255))
    d = ImageDraw.Draw(sheet, "RGBA")
    m = pw * 0.1
    d.rectangle((pw * 0.3, ph * 0.07, pw * 0.7, ph * 0.095), fill=(35, 35, 35))  # title
    if not before:  # a permit: double border and a table
        d.rectangle((m / 3, m / 3, pw - m / 3, ph - m / 3), outline=(150, 40, 40), width=3)
        d.rectangle((m / 2, m / 2, pw - m / 2, ph - m / 2), outline=(150, 40, 40), width=1)
        for r in range(7):
            d.line((m, ph * (0.16 + r * 0.06), pw - m, ph * (0.16 + r * 0.06)), fill=(60, 60, 60), width=2)
        d.line((pw * 0.38, ph * 0.16, pw * 0.38, ph * 0.52), fill=(60, 60, 60), width=2)
    y = ph * (0.58 if not before else 0.15)
    while y < ph * 0.82:  # ruled lines with word-like grey bars
        d.line((m, y + ph * 0.016, pw - m, y + ph * 0.016), fill=(190, 200, 215), width=1)
        x, end = m + (pw * 0.05 if c.rng.random() < 0.2 else 0), pw - m - c.rng.uniform(0, pw * 0.25)
        while x < end:
            wl = c.rng.uniform(pw * 0.03, pw * 0.1)
            d.rectangle((x, y, min(x + wl, end), y + ph * 0.011), fill=(85, 85, 90))
            x += wl + pw * 0.015
        y += ph * 0.035
    sx, sy, r = pw * 0.68, ph * 0.86, pw * 0.13
    d.ellipse((sx - r, sy - r, sx + r, sy + r), outline=(205, 30, 35, 200), width=max(3, pw // 70))
    radii = (r * 0.42, r * 0.17)  # a five-pointed star inside the seal, as on official stamps
    d.polygon([(sx + radii[k % 2] * math.sin(k * math.pi / 5), sy - radii[k % 2] * math.cos(k * math.pi / 5))
               for k in range(10)], fill=(205, 30, 35, 200))
    sig = [(pw * 0.2 + k * pw * 0.02, ph * 0.88 + math.sin(k * 1.7) * ph * 0.015) for k in range(14)]
    d.line(sig, fill=(30, 40, 110), width=2, joint="curve")
    shadow = Image.new("RGBA", c.img.size, (0, 0, 0, 0))
    angle = c.rng.uniform(-4, 4)
    sheet = sheet.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    pos = ((c.w - sheet.width) // 2, (c.h - sheet.height) // 2)
    shadow.paste((0, 0, 0, 110), (pos[0] + c.w // 100, pos[1] + c.w // 80), sheet.getchannel("A"))
    c.img = Image.alpha_composite(c.img.convert("RGBA"), shadow.filter(ImageFilter.GaussianBlur(c.w / 100))).convert("RGB")
    c.img.paste(sheet, pos, sheet)


_PAINTERS = {"wastewater": _wastewater, "smoke": _smoke, "dust": _dust, "hazwaste": _hazwaste,
             "solidwaste": _solidwaste, "document": _document}


def _rational(v: float) -> TiffImagePlugin.IFDRational:
    return TiffImagePlugin.IFDRational(round(v * 10000), 10000)


def _exif(taken_at: datetime | None, gps: tuple[float, float] | None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "NGO Audit"  # Make
    exif[0x0110] = "Demo Camera"  # Model
    if taken_at is not None:
        stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x0132] = stamp
        exif[0x8769] = {0x9003: stamp, 0x9004: stamp}  # DateTimeOriginal, DateTimeDigitized
    if gps is not None:
        def dms(v: float) -> tuple:
            v = abs(v)
            d, m = int(v), int(v * 60) % 60
            return (_rational(d), _rational(m), _rational(round((v * 3600) % 60, 4)))

        lat, lon = gps
        exif[0x8825] = {1: "S" if lat < 0 else "N", 2: dms(lat), 3: "W" if lon < 0 else "E", 4: dms(lon)}
    return exif


def make_photo(scene: str, phase: str, seed: int, size: tuple[int, int] = (800, 600),
               taken_at: datetime | None = None, gps: tuple[float, float] | None = None) -> bytes:
    """A JPEG (with EXIF) of ``scene`` in ``phase`` "before" (the problem) or "after" (rectified)."""
    if scene not in _PAINTERS:
        raise ValueError(f"unknown scene {scene!r}; use one of {SCENES}")
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}; use one of {PHASES}")
    c = _Canvas(size, random.Random(f"{scene}:{seed}"), random.Random(f"{scene}:{seed}:{phase}"))
    _PAINTERS[scene](c, phase == "before")
    img = c.img.filter(ImageFilter.GaussianBlur(0.6 * c.w / 800))  # soften the drawn edges like a lens
    vignette = Image.radial_gradient("L").resize(size).point(lambda v: 255 - int(v * 0.3))
    img = ImageChops.multiply(img, Image.merge("RGB", (vignette,) * 3))
    # Sensor grain from our own seeded generator (Pillow's effect_noise is not reproducible).
    grain = Image.frombytes("L", size, c.prng.randbytes(size[0] * size[1]))
    grain = grain.point(lambda v: 128 + (v - 128) * 10 // 128)
    img = ImageChops.add(img, Image.merge("RGB", (grain,) * 3), 1.0, -128)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85, exif=_exif(taken_at, gps))
    return out.getvalue()
