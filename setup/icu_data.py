"""ICU's data for the standalone application: Qt's libicudata carries every locale of the
world (31 MB); the bundle keeps what a Chinese and English interface reads.

libicudata is nothing but one symbol, ``icudt<version>_dat``: an ICU common data package
("CmnD": a header, a table of contents of named items, then the items, each aligned to 16
bytes). ``trimmed`` reads the package out of the library, keeps the items ``wanted`` says,
and builds a library of the same name around the smaller package with the C compiler.
Anything unexpected (another layout, no compiler) leaves the library as it is.
"""

import re
import struct
import subprocess
from pathlib import Path

ALIGN = 16
# Locales the interface uses, with the root every lookup falls back to, and the indexes.
LOCALES = re.compile(r"(root|en|en_\w+|zh|zh_\w+|res_index|pool)\.res")
LOCALE_NAME = re.compile(r"[a-z]{2,3}(_\w+)?\.res")
# Converters of Chinese text (GB 18030, GBK, GB 2312, Big5, Big5-HKSCS): the Unicode
# encodings need no data.
CONVERTERS = {
    "gb18030.cnv",
    "windows-936-2000.cnv",
    "ibm-1383_P110-1999.cnv",
    "windows-950-2000.cnv",
    "ibm-1375_P100-2008.cnv",
}
# Dictionaries of the scripts written without spaces: Chinese and Japanese only.
DICTIONARIES = {"cjdict.dict"}


def wanted(name: str) -> bool:
    """Whether the item ``name`` ("icudt73l/coll/zh.res") is kept."""
    item = name.split("/", 1)[1] if "/" in name else name
    base = item.rsplit("/", 1)[-1]
    if base.endswith(".cnv"):
        return base in CONVERTERS
    if base.endswith(".dict"):
        return base in DICTIONARIES
    if LOCALE_NAME.fullmatch(base):
        return bool(LOCALES.fullmatch(base))
    return True


def read(package: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The header and the (name, item) pairs of a little-endian common data package."""
    (header_size,) = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    table = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for number, (name_at, data_at) in enumerate(table):
        end = table[number + 1][1] if number + 1 < count else len(package) - header_size
        name_start = header_size + name_at
        name = package[name_start : package.index(b"\0", name_start)]
        items.append((name, package[header_size + data_at : header_size + end]))
    return package[:header_size], items


def _padded(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % ALIGN)


def write(header: bytes, items: list[tuple[bytes, bytes]]) -> bytes:
    """A common data package of ``items`` (sorted by name, as ICU searches them)."""
    items = sorted(items)
    names = b"".join(name + b"\0" for name, _data in items)
    table_size = 4 + 8 * len(items)
    data_start = len(_padded(b"\0" * (table_size + len(names))))
    name_at, data_at = table_size, data_start
    entries, blobs = [], []
    for name, data in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        blob = _padded(data)
        blobs.append(blob)
        data_at += len(blob)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + _padded(toc) + b"".join(blobs)


def _symbol(library: Path) -> tuple[str, int, int] | None:
    """The data symbol's name, file offset and size, read with nm and readelf."""
    listed = subprocess.run(
        ["nm", "-DS", "--defined-only", str(library)], capture_output=True, text=True
    )
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", listed.stdout, re.M)
    if listed.returncode or found is None:
        return None
    address, size = int(found[1], 16), int(found[2], 16)
    segments = subprocess.run(["readelf", "-lW", str(library)], capture_output=True, text=True)
    for line in segments.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, virtual, size_in_file = (int(fields[i], 16) for i in (1, 2, 4))
            if virtual <= address < virtual + size_in_file:
                return found[3], address - virtual + offset, size
    return None


def trimmed(library: Path, work: Path) -> Path | None:
    """A copy of ``library`` holding the wanted items only, or None if it cannot be made."""
    symbol = _symbol(library)
    if symbol is None:
        return None
    name, offset, size = symbol
    with library.open("rb") as file:
        file.seek(offset)
        package = file.read(size)
    try:
        header, items = read(package)
    except (ValueError, struct.error):
        return None
    work.mkdir(parents=True, exist_ok=True)
    data = work / "icudata.dat"
    data.write_bytes(write(header, [(n, item) for n, item in items if wanted(n.decode())]))
    source = work / "icudata.S"
    source.write_text(
        f"\t.section .rodata\n\t.globl {name}\n\t.type {name}, @object\n\t.balign {ALIGN}\n"
        f'{name}:\n\t.incbin "{data}"\n\t.size {name}, . - {name}\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    output = work / library.name
    command = ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}"]
    built = subprocess.run([*command, "-o", str(output), str(source)], capture_output=True)
    return output if built.returncode == 0 else None
