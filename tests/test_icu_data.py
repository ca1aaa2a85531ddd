"""The bundle's ICU data (setup/icu_data.py): a common data package read and written back
unchanged, the items of other languages left out, and a library built around what is kept
that exports the same symbol with the Chinese and English data in it."""

import importlib.util
import os
import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def icu_data():
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "setup" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def package(items: list[tuple[bytes, bytes]]) -> bytes:
    """A small little-endian common data package, laid out as ICU's own tools write one."""
    header = bytearray(32)
    struct.pack_into("<HBB", header, 0, 32, 0xDA, 0x27)
    struct.pack_into("<HH4B", header, 4, 20, 0, 0, 0, 2, 0)
    header[12:16] = b"CmnD"
    return icu_data().write(bytes(header), items)


ITEMS = [
    (b"icudt73l/coll/fr.res", b"F" * 40),
    (b"icudt73l/coll/root.res", b"R" * 17),
    (b"icudt73l/coll/zh.res", b"Z" * 33),
    (b"icudt73l/cjdict.dict", b"C" * 5),
    (b"icudt73l/de_CH.res", b"D" * 9),
    (b"icudt73l/en_GB.res", b"E" * 9),
    (b"icudt73l/gb18030.cnv", b"G" * 21),
    (b"icudt73l/ibm-37_P100-1995.cnv", b"I" * 21),
    (b"icudt73l/thaidict.dict", b"T" * 5),
    (b"icudt73l/uprops.icu", b"U" * 64),
    (b"icudt73l/zh_Hant_TW.res", b"H" * 3),
]


def test_a_package_reads_back_as_written_with_its_items_aligned():
    module = icu_data()
    written = package(ITEMS)
    header, items = module.read(written)
    assert len(header) == 32
    assert [name for name, _ in items] == sorted(name for name, _ in ITEMS)
    for name, data in items:  # each item padded to 16 bytes, and found at a 16-byte offset
        assert data.rstrip(b"\0") == dict(ITEMS)[name]
        assert written.index(data) % 16 == 0
    assert module.write(header, items) == written


def test_other_languages_and_their_scripts_are_left_out():
    module = icu_data()
    kept = [name.decode() for name, _ in ITEMS if module.wanted(name.decode())]
    assert kept == [
        "icudt73l/coll/root.res",
        "icudt73l/coll/zh.res",
        "icudt73l/cjdict.dict",
        "icudt73l/en_GB.res",
        "icudt73l/gb18030.cnv",
        "icudt73l/uprops.icu",
        "icudt73l/zh_Hant_TW.res",
    ]


def qt_icu_data() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@pytest.mark.skipif(sys.platform != "linux", reason="the library is rebuilt on Linux only")
def test_the_library_built_holds_the_data_kept_under_the_same_symbol(tmp_path):
    missing = [tool for tool in ("nm", "readelf", "cc") if shutil.which(tool) is None]
    if missing:  # the bundle would keep ICU whole: on CI that is a failure, not a skip
        message = f"{', '.join(missing)} missing: the bundle's ICU data is not cut down"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    module = icu_data()
    original = qt_icu_data()
    if original is None:
        pytest.skip("this Qt brings no ICU data library")
    built = module.trimmed(original, tmp_path)
    assert built is not None and built.name == original.name
    name, offset, size = module._symbol(built)
    assert name == module._symbol(original)[0]
    assert built.stat().st_size < original.stat().st_size / 2
    with built.open("rb") as file:
        file.seek(offset)
        _header, items = module.read(file.read(size))
    names = {item.decode().split("/", 1)[1] for item, _ in items}
    assert {"coll/zh.res", "zh.res", "en.res", "root.res", "brkitr/cjdict.dict"} <= names
    assert not names & {"coll/fr.res", "de.res", "brkitr/thaidict.dict"}
