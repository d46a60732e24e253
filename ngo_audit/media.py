"""Inspecting evidence (photos, documents, recordings) before it is stored.

Everything here works on bytes and never touches the audit file.  The type of a
file is decided from its content only: auditors rename files, phones save
screenshots as ``.jpg`` and "save image as" sometimes saves an HTML page, so the
name is used for messages and nothing else.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import math
import re
import warnings
import zipfile
from dataclasses import dataclass
from datetime import datetime

from PIL import Image, ImageOps

from .errors import EvidenceError

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
# Below Pillow's own bomb threshold (~89 MP): a 48 MP phone photo passes, while a
# few-KB PNG that claims 100k x 100k pixels is refused before any decoding.
MAX_IMAGE_PIXELS = 80_000_000
# What decoding may cost in memory.  A JPEG is checked at a reduced scale (draft), so a 48 MP
# phone photo costs a few MB; a PNG or TIFF is decoded whole, and one of 80 MP RGBA would take
# 320 MB per copy (1.2 GB before this limit, with the thumbnail's copies).
MAX_DECODED_BYTES = 200 * 1024 * 1024
# Validation decodes a JPEG at about this size (and reads every byte of it: a truncated file fails).
_CHECK_PX = 1024

_PILLOW_FORMAT = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP",
                  "image/gif": "GIF", "image/tiff": "TIFF", "image/heic": "HEIF"}
_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_OOXML = {"word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
# ISO-BMFF brands of still images (iPhone HEIC, AVIF): same container as M4A,
# but they are photos we cannot decode, so they must not pass as audio.
_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
# MPEG audio layer III: bitrates (kbit/s) by version, sample rates by version bits.
_MP3_BITRATES = {True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
                 False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


@dataclass(frozen=True)
class MediaInfo:
    media_type: str  # MIME type, from the content
    kind: str  # "photo" | "document" | "audio"
    size: int
    sha256: str
    width: int | None = None  # pixels as stored, before EXIF orientation
    height: int | None = None
    captured_at: datetime | None = None  # naive: the camera's local clock
    latitude: float | None = None
    longitude: float | None = None
    orientation: int | None = None


def _error(filename: str, zh_reason: str, en_reason: str) -> EvidenceError:
    name = re.split(r"[\\/]", filename)[-1]  # the name only, also for Windows paths
    zh_who, en_who = (f"“{name}”", f"“{name}”") if name else ("该文件", "The file")
    return EvidenceError(f"{zh_who}{zh_reason}，未添加。", f"{en_who} {en_reason}; it was not added.",
                         field="file")


def _mb(n: int) -> str:
    return f"{round(n / 2**20, 1):g} MB"


def _mp3_frame_len(h: bytes) -> int | None:
    """Length of the MPEG layer III frame whose 4-byte header is ``h``, or None if not one."""
    if len(h) < 4 or h[0] != 0xFF or h[1] & 0xE0 != 0xE0:
        return None
    version, layer = (h[1] >> 3) & 3, (h[1] >> 1) & 3
    bitrate_i, rate_i, padding = h[2] >> 4, (h[2] >> 2) & 3, (h[2] >> 1) & 1
    if version == 1 or layer != 1 or bitrate_i in (0, 15) or rate_i == 3:
        return None
    bitrate = _MP3_BITRATES[version == 3][bitrate_i] * 1000
    return (144 if version == 3 else 72) * bitrate // _MP3_RATES[version][rate_i] + padding


def _is_mp3(data: bytes) -> bool:
    if data.startswith(b"ID3") and data[3:4] in (b"\x02", b"\x03", b"\x04"):  # ID3v2.2-2.4 tag
        return True
    # A bare frame sync is 11 bits, easy to hit by chance, so also require the
    # next frame to start where the first one says it ends (when the data reaches it).
    length = _mp3_frame_len(data[:4])
    if length is None:
        return False
    return len(data) < length + 4 or _mp3_frame_len(data[length:length + 4]) is not None


def _ooxml_type(data: bytes) -> str | None:
    try:
        # Only the central directory is read; nothing is decompressed or extracted.
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, mime in _OOXML.items():
        if any(n.startswith(prefix) for n in names):
            return mime
    return None


def _has_video_track(data: bytes) -> bool:
    # A 'hdlr' box names each track's handler four bytes after version/flags
    # and pre_defined; 'vide' means a film, not a voice recording.
    i = data.find(b"hdlr")
    while i != -1:
        if data[i + 12:i + 16] == b"vide":
            return True
        i = data.find(b"hdlr", i + 4)
    return False


@functools.cache
def heic_supported() -> bool:
    """iPhone and Huawei photos (HEIC) are read through pillow-heif, when it is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def _bytes_per_pixel(mode: str) -> int:
    # Pillow keeps 1-, L- and P-mode pixels in one byte, I;16 in two, everything else in four.
    if mode in ("1", "L", "P"):
        return 1
    return 2 if mode.startswith("I;16") else 4


def _sniff(data: bytes, filename: str) -> tuple[str, str]:
    """(MIME, kind) from the first bytes; raises EvidenceError for anything else."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "photo"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "photo"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", "photo"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", "photo"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff", "photo"
    if head.startswith(b"%PDF-"):
        return "application/pdf", "document"
    if head.startswith(b"PK\x03\x04") and (mime := _ooxml_type(data)):
        return mime, "document"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav", "audio"
    if head[4:8] == b"ftyp":
        if head[8:12] in _HEIC_BRANDS and heic_supported():
            return "image/heic", "photo"
        if head[8:12] in _IMAGE_BRANDS:
            raise _error(filename, "是 HEIC/AVIF 照片，暂不支持（请在手机设置中改为“兼容性最佳”或导出为 JPEG）",
                         "is a HEIC/AVIF photo, which is not supported (export it as JPEG)")
        if _has_video_track(data):
            raise _error(filename, "是视频，暂不支持（可截图或导出录音）",
                         "is a video, which is not supported (add a still photo or the audio instead)")
        return "audio/mp4", "audio"
    if _is_mp3(data):
        return "audio/mpeg", "audio"
    hint_zh, hint_en = "", ""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        hint_zh, hint_en = "；旧版 .doc/.xls 请另存为 .docx/.xlsx 或 PDF", "; save old .doc/.xls files as .docx/.xlsx or PDF"
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":  # "save image as" that saved the HTML page
        hint_zh, hint_en = "；它看起来是网页，可能下载未成功", "; it looks like a web page, perhaps a failed download"
    raise _error(filename,
                 f"不是可识别的照片、文档或录音（内容不是 JPEG/PNG/WebP/GIF/TIFF/PDF/Word/Excel/PowerPoint/MP3/M4A/WAV{hint_zh}）",
                 "is not a recognised photo, document or recording (its content is not "
                 f"JPEG/PNG/WebP/GIF/TIFF/PDF/Word/Excel/PowerPoint/MP3/M4A/WAV{hint_en})")


def _open_image(data: bytes, mime: str, filename: str = "", draft: int | None = None) -> Image.Image:
    """Open and fully decode an image, so truncated or corrupt files fail here, not later.

    ``draft`` lets JPEG decode at a reduced scale (≥ that size): 10× faster for thumbnails.
    """
    try:
        with warnings.catch_warnings():
            # Pillow's "Corrupt EXIF" warnings are noise here (EXIF is optional), but it
            # only warns about bombs below twice its limit, and a bomb is an error for us.
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data), formats=[_PILLOW_FORMAT[mime]])
            full_size = im.size
            if im.width * im.height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError(f"{im.width}x{im.height}")
            if draft:
                im.draft(None, (draft, draft))
            decoded = im.width * im.height * _bytes_per_pixel(im.mode)
            if decoded > MAX_DECODED_BYTES:
                raise _TooBig(decoded)
            im.load()
            im.full_size = full_size  # type: ignore[attr-defined]  # before a draft reduced it
            return im
    except _TooBig as big:
        raise _error(filename, f"解码后需要 {_mb(big.args[0])} 内存，超过了 {_mb(MAX_DECODED_BYTES)} 的上限"
                     "（请缩小图片或另存为 JPEG）",
                     f"would take {_mb(big.args[0])} of memory once decoded, over the {_mb(MAX_DECODED_BYTES)} "
                     "limit (make it smaller or save it as JPEG)") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _error(filename, f"的像素过多（超过 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素）",
                     f"has too many pixels (over {MAX_IMAGE_PIXELS // 1_000_000} megapixels)") from None
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, struct.error…
        raise _error(filename, "已损坏或不完整，无法打开图片", "is damaged or incomplete; the image cannot be decoded") from exc


class _TooBig(Exception):
    pass


def _exif_datetime(value: object) -> datetime | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    m = re.match(r"\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})", str(value or ""))
    try:
        return datetime(*map(int, m.groups())) if m else None  # "0000:00:00…" → ValueError
    except ValueError:
        return None


def _gps_coord(value: object, ref: object, limit: float) -> float | None:
    parts = [float(v) for v in value] if isinstance(value, tuple | list) else [float(value)]  # type: ignore[arg-type]
    deg = sum(p / 60**i for i, p in enumerate(parts[:3]))
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if str(ref or "").strip("\x00 ").upper()[:1] in ("S", "W"):
        deg = -abs(deg)
    return deg if math.isfinite(deg) and abs(deg) <= limit else None


def _read_exif(im: Image.Image) -> dict:
    """captured_at, latitude, longitude, orientation; missing or malformed → None."""
    out: dict = dict.fromkeys(("captured_at", "latitude", "longitude", "orientation"))
    # Each part on its own: a broken GPS IFD must not cost us a good timestamp.
    exif = Image.Exif()
    with contextlib.suppress(Exception), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Corrupt EXIF data" is exactly the case we shrug off
        exif = im.getexif()
    with contextlib.suppress(Exception):
        out["captured_at"] = (_exif_datetime(exif.get_ifd(0x8769).get(0x9003))
                              or _exif_datetime(exif.get(0x0132)))
    with contextlib.suppress(Exception):
        gps = exif.get_ifd(0x8825)
        lat, lon = _gps_coord(gps[2], gps.get(1), 90), _gps_coord(gps[4], gps.get(3), 180)
        # Phones without a fix sometimes write 0/0; that is "no position", not the Gulf of Guinea.
        if lat is not None and lon is not None and (lat, lon) != (0.0, 0.0):
            out["latitude"], out["longitude"] = lat, lon
    with contextlib.suppress(Exception):
        orientation = exif.get(0x0112)
        out["orientation"] = int(orientation) if orientation in range(1, 9) else None
    return out


def inspect_media(data: bytes, filename: str = "") -> MediaInfo:
    """Identify ``data`` by content and check it can be stored; raises EvidenceError if not."""
    if not data:
        raise _error(filename, "是空文件", "is empty")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise _error(filename, f"有 {_mb(len(data))}，超过了 {_mb(MAX_EVIDENCE_BYTES)} 的上限",
                     f"is {_mb(len(data))}, over the {_mb(MAX_EVIDENCE_BYTES)} limit")
    mime, kind = _sniff(data, filename)
    base = {"media_type": mime, "kind": kind, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if kind != "photo":
        return MediaInfo(**base)
    with _open_image(data, mime, filename, draft=_CHECK_PX) as im:
        width, height = im.full_size  # type: ignore[attr-defined]
        return MediaInfo(**base, width=width, height=height, **_read_exif(im))


def normalized_image(data: bytes, max_px: int, quality: int = 85) -> bytes | None:
    """The image upright (EXIF orientation applied), RGB, longest side ≤ max_px, as JPEG.

    None for anything that is not a decodable image: callers use this for
    previews and reports, where a missing picture is better than a failure.
    """
    try:
        mime, kind = _sniff(data, "")
        if kind != "photo" or len(data) > MAX_EVIDENCE_BYTES:
            return None
        im = _open_image(data, mime, draft=max_px)
    except EvidenceError:
        return None
    with im:
        if im.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
            # Shrink first: every later step (turning upright, converting) copies the pixels.
            with contextlib.suppress(Exception):
                im.getexif()  # read (and kept) before the pixels are replaced
            im.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        with contextlib.suppress(Exception):  # malformed EXIF: keep the pixels as stored
            im = ImageOps.exif_transpose(im)
        if im.mode in ("I", "I;16", "I;16B", "I;16L"):
            im = im.convert("I").point(lambda v: v / 256).convert("L")  # 16-bit would clip to white
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            # Transparent areas would turn black in JPEG; put them on white like a viewer does.
            rgba = im.convert("RGBA")
            im = Image.new("RGB", rgba.size, "white")
            im.paste(rgba, mask=rgba.getchannel("A"))
        im = im.convert("RGB")
        im.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        im.save(out, "JPEG", quality=quality, optimize=True)
        return out.getvalue()


def make_thumbnail(data: bytes, max_px: int = 320) -> bytes | None:
    """A small upright JPEG preview of a photo; None for documents, audio and broken images."""
    return normalized_image(data, max_px, quality=80)
