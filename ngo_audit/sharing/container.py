"""The ``.ngoseal`` container: a ZIP archive of exactly one canonical shape.

Layout (every number little-endian, as in any ZIP)::

    local header "audit.ngoaudit"   the database bytes
    local header "report-1.pdf" …   the signed report PDFs the NGO added (none, or up to MAX_REPORTS)
    local header "manifest.json"    the manifest (UTF-8 JSON)
    local header "signature"        64 bytes: Ed25519 over (prefix + manifest)
    central directory (3 + n entries)   end record (no comment)

All three members are *stored* (no compression: nothing to inflate, so no
zip bomb, and the size on disk is the size read), with fixed header fields:
version 2.0, no flags, no extra fields, no comments, date 1980-01-01 00:00, in
that order, back to back from byte 0 to the end.  Any ZIP tool can list and
extract it; a reviewer can read the manifest with a text editor.

The reader accepts nothing else: it parses the end record and the central
directory, requires the member names, order, sizes and offsets above, then
reads the file once from start to end, comparing every header byte with the
headers it would write itself for those members, and hashing the data.  So
each byte of the file is either header (must equal the canonical bytes) or
member data (the manifest and signature are authenticated by the signature,
the database and each report by their SHA-256 in the manifest): a change to any
byte is detected.  Nothing from the file is ever used as a path: the reports'
member names are ours ("report-<n>.pdf"), their original names are in the manifest.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

DB, MANIFEST, SIGNATURE = "audit.ngoaudit", "manifest.json", "signature"
MEMBERS = (DB, MANIFEST, SIGNATURE)
MAX_DB = 2 * 1024**3  # 2 GiB: far above any real audit file, and below ZIP's 4 GiB without ZIP64
MAX_MANIFEST = 1024**2
MAX_REPORTS = 20  # report PDFs a package may carry
MAX_REPORT = 64 * 1024**2  # each (a report with photos is a few MB)
SIGNATURE_SIZE = 64
_LFH, _CDH, _EOCD = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00
_LFH_SIZE, _CDH_SIZE, _EOCD_SIZE = 30, 46, 22
CHUNK = 1024 * 1024


def members(reports: int = 0) -> tuple[str, ...]:
    """The member names, in order, of a package carrying ``reports`` report PDFs."""
    return (DB, *(report_member(i) for i in range(1, reports + 1)), MANIFEST, SIGNATURE)


def report_member(n: int) -> str:
    return f"report-{n}.pdf"


def cd_size(names: tuple[str, ...]) -> int:
    return sum(_CDH_SIZE + len(n) for n in names)


def min_size(names: tuple[str, ...]) -> int:
    """The size of a package of these members with an empty database, manifest and reports."""
    return sum(_LFH_SIZE + len(n) for n in names) + SIGNATURE_SIZE + cd_size(names) + _EOCD_SIZE


CD_SIZE = cd_size(MEMBERS)
MIN_SIZE = min_size(MEMBERS)
MAX_SIZE = min_size(members(MAX_REPORTS)) + MAX_DB + MAX_MANIFEST + MAX_REPORTS * MAX_REPORT

Progress = Callable[[int, int], "bool | None"]


def local_header(name: str, crc: int, size: int) -> bytes:
    raw = name.encode("ascii")
    return struct.pack("<IHHHHHIIIHH", _LFH, _VERSION, 0, 0, _DOS_TIME, _DOS_DATE, crc, size, size, len(raw), 0) + raw


def central_header(name: str, crc: int, size: int, offset: int) -> bytes:
    raw = name.encode("ascii")
    return struct.pack("<IHHHHHHIIIHHHHHII", _CDH, _VERSION, _VERSION, 0, 0, _DOS_TIME, _DOS_DATE, crc, size, size,
                       len(raw), 0, 0, 0, 0, 0, offset) + raw


def end_record(cd_size: int, cd_offset: int, n: int = len(MEMBERS)) -> bytes:
    return struct.pack("<IHHHHIIH", _EOCD, 0, 0, n, n, cd_size, cd_offset, 0)


def directory(crcs: list[int], sizes: list[int], names: tuple[str, ...] = MEMBERS) -> tuple[bytes, list[int]]:
    """The central directory and end record for members of these CRCs and sizes, and their offsets."""
    offsets, pos = [], 0
    for name, size in zip(names, sizes, strict=True):
        offsets.append(pos)
        pos += _LFH_SIZE + len(name) + size
    cd = b"".join(central_header(n, c, s, o) for n, c, s, o in zip(names, crcs, sizes, offsets, strict=True))
    return cd + end_record(len(cd), pos, len(names)), offsets


# --- writing ----------------------------------------------------------------------------------------

def write(fh: BinaryIO, db_path: Path, finish: Callable[[str, int], tuple[bytes, bytes]],
          tick: Callable[[int], None], reports: Sequence[bytes] = ()) -> None:
    """Write a package: the database from ``db_path``, the ``reports`` (PDF bytes, whose SHA-256 the manifest
    holds), then ``finish(db_sha256, db_size)`` → (manifest, signature).

    The database is read once: its local header is written as a placeholder and
    filled in once its CRC is known.  ``tick(bytes_done)`` is called per chunk.
    """
    size = db_path.stat().st_size
    fh.write(b"\0" * (_LFH_SIZE + len(DB)))
    crc, sha, done = 0, hashlib.sha256(), 0
    with db_path.open("rb") as src:
        while chunk := src.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
            sha.update(chunk)
            fh.write(chunk)
            done += len(chunk)
            tick(done)
    if done != size:
        raise OSError(f"the snapshot changed size while being packed ({size} → {done})")
    manifest, signature = finish(sha.hexdigest(), size)
    end = fh.tell()
    fh.seek(0)
    fh.write(local_header(DB, crc, size))
    fh.seek(end)
    names = members(len(reports))
    crcs, sizes = [crc], [size]
    for name, data in zip(names[1:-2], reports, strict=True):
        crcs.append(zlib.crc32(data))
        sizes.append(len(data))
        fh.write(local_header(name, crcs[-1], sizes[-1]) + data)
    crcs += [zlib.crc32(manifest), zlib.crc32(signature)]
    sizes += [len(manifest), len(signature)]
    fh.write(local_header(MANIFEST, crcs[-2], sizes[-2]) + manifest)
    fh.write(local_header(SIGNATURE, crcs[-1], sizes[-1]) + signature)
    fh.write(directory(crcs, sizes, names)[0])
    fh.flush()
    os.fsync(fh.fileno())


# --- reading ----------------------------------------------------------------------------------------

class ContainerError(Exception):
    """The file is not a package of the canonical shape.  ``status`` is one of
    ``not_package``, ``truncated``, ``too_large``, ``tampered``."""

    def __init__(self, status: str, detail: str = "") -> None:
        super().__init__(status, detail)
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class Contents:
    manifest: bytes
    signature: bytes
    db_sha256: str
    db_size: int
    package_sha256: str
    package_size: int
    bad_crc: tuple[str, ...] = ()  # members whose data does not match their ZIP checksum: changed
    reports: tuple[bytes, ...] = ()  # the report PDFs, in member order

def _layout(fh: BinaryIO, size: int) -> tuple[list[int], list[int], bytes, tuple[str, ...]]:
    """Declared CRCs and sizes of the members, the directory bytes and the member names; checks the shape."""
    first = fh.read(_LFH_SIZE + len(DB))
    if len(first) < _LFH_SIZE or first[:4] != struct.pack("<I", _LFH):
        raise ContainerError("not_package")
    if len(first) < _LFH_SIZE + len(DB):
        raise ContainerError("truncated")
    fields = struct.unpack("<IHHHHHIIIHH", first[:_LFH_SIZE])
    if first[_LFH_SIZE:] != DB.encode() or fields[9] != len(DB):
        raise ContainerError("not_package", "a ZIP archive, but not an ngo-audit package")
    declared_db = fields[8]
    if size > MAX_SIZE or declared_db > MAX_DB:
        raise ContainerError("too_large")
    if size < MIN_SIZE + declared_db:
        raise ContainerError("truncated")
    fh.seek(size - _EOCD_SIZE)
    eocd = fh.read(_EOCD_SIZE)
    if len(eocd) != _EOCD_SIZE or eocd[:4] != struct.pack("<I", _EOCD):
        # No end record at the end: cut off (truncated), unless one is still there, followed by something else.
        start = max(0, size - 65536)
        fh.seek(start)
        found = fh.read().rfind(struct.pack("<I", _EOCD))
        whole = found >= 0 and start + found + _EOCD_SIZE <= size
        raise ContainerError("tampered" if whole else "truncated", "end record")
    count = struct.unpack("<IHHHHIIH", eocd)[3]
    if not len(MEMBERS) <= count <= len(MEMBERS) + MAX_REPORTS:
        raise ContainerError("tampered", "number of members")
    names = members(count - len(MEMBERS))
    if size < min_size(names) + declared_db:
        raise ContainerError("truncated")
    fh.seek(size - cd_size(names) - _EOCD_SIZE)
    tail = fh.read(cd_size(names) + _EOCD_SIZE)
    crcs, sizes, pos = [], [], 0
    for name in names:
        entry = tail[pos:pos + _CDH_SIZE]
        if entry[:4] != struct.pack("<I", _CDH):
            raise ContainerError("tampered", "central directory")
        f = struct.unpack("<IHHHHHHIIIHHHHHII", entry)
        crcs.append(f[7])
        sizes.append(f[8])
        pos += _CDH_SIZE + len(name)
    if sizes[0] > MAX_DB or sizes[-2] > MAX_MANIFEST or any(s > MAX_REPORT for s in sizes[1:-2]):
        raise ContainerError("too_large")
    if sizes[-1] != SIGNATURE_SIZE or sum(sizes) + min_size(names) - SIGNATURE_SIZE != size:
        raise ContainerError("tampered", "member sizes")
    expected, _ = directory(crcs, sizes, names)
    if tail != expected:
        raise ContainerError("tampered", "central directory")
    return crcs, sizes, tail, names


def repacked(path: Path) -> bool:
    """Is this a ZIP archive of our three members in another shape (compressed, other headers or order)?

    That is what a ZIP tool makes of a package it extracts and packs again: not a
    forgery, yet no longer the sealed bytes.  Read with :mod:`zipfile`'s directory
    only; nothing is extracted or inflated.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    names = [i.filename.rsplit("/", 1)[-1] for i in infos if not i.is_dir()]
    ours = members(len(names) - len(MEMBERS)) if len(names) >= len(MEMBERS) else MEMBERS
    if sorted(names) != sorted(ours):
        return False
    canonical = [i.filename for i in infos] == list(ours) and all(
        i.compress_type == 0 and not i.extra and not i.comment and i.flag_bits == 0 for i in infos)
    return not canonical


def read(path: Path, sink: BinaryIO | None = None, progress: Callable[[int, int], None] | None = None) -> Contents:
    """Check the shape of the package at ``path`` and read it once, start to end.

    The database member is hashed (and copied to ``sink``, if given); the
    manifest and signature are returned, with the members whose checksum fails
    (the caller says which change that means).  ``progress(done, total)`` is
    called per chunk; it may raise to stop.  Raises :class:`ContainerError`.
    """
    try:
        return _read(path, sink, progress)
    except ContainerError as exc:
        if exc.status != "too_large" and repacked(path):
            raise ContainerError("repacked", exc.detail) from None
        raise


def _read(path: Path, sink: BinaryIO | None, progress: Callable[[int, int], None] | None) -> Contents:
    size = path.stat().st_size
    with path.open("rb") as fh:
        if size < _LFH_SIZE:
            head = fh.read()
            raise ContainerError("truncated" if head and b"PK\x03\x04".startswith(head[:4]) else "not_package")
        crcs, sizes, tail, names = _layout(fh, size)
        _, offsets = directory(crcs, sizes, names)
        # Regions in file order: (start, end, what).  Headers must equal their canonical bytes.
        regions: list[tuple[int, int, str | bytes]] = []
        for name, crc, sz, off in zip(names, crcs, sizes, offsets, strict=True):
            header = local_header(name, crc, sz)
            regions += [(off, off + len(header), header), (off + len(header), off + len(header) + sz, name)]
        regions.append((size - len(tail), size, tail))
        fh.seek(0)
        whole, db_sha = hashlib.sha256(), hashlib.sha256()
        data_crc = dict.fromkeys(names, 0)
        small = {name: bytearray() for name in names[1:]}
        pos, index = 0, 0
        while pos < size:
            chunk = fh.read(min(CHUNK, size - pos))
            if not chunk:
                raise ContainerError("truncated")  # shrank while being read
            whole.update(chunk)
            view = memoryview(chunk)
            cpos = pos
            while view:
                start, end, what = regions[index]
                take = view[: end - cpos]
                if isinstance(what, bytes):
                    if bytes(take) != what[cpos - start: cpos - start + len(take)]:
                        raise ContainerError("tampered", "header")
                else:
                    data_crc[what] = zlib.crc32(take, data_crc[what])
                    if what == DB:
                        db_sha.update(take)
                        if sink is not None:
                            sink.write(take)
                    else:
                        small[what] += take
                cpos += len(take)
                view = view[len(take):]
                if cpos == end:
                    index += 1
            pos += len(chunk)
            if progress is not None:
                progress(pos, size)
    bad_crc = tuple(n for n, crc in zip(names, crcs, strict=True) if data_crc[n] != crc)
    return Contents(bytes(small[MANIFEST]), bytes(small[SIGNATURE]), db_sha.hexdigest(), sizes[0],
                    whole.hexdigest(), size, bad_crc, tuple(bytes(small[n]) for n in names[1:-2]))
