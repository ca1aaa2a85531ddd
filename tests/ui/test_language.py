"""Every visible string is translated; the language follows the setting and switches live."""

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from ui.window.i18n import Translations, resolve

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fangtan_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "fangtan_zh_CN.qm"


def translation_sources() -> list[str]:
    """The files whose strings are translated, as `make translations` reads them."""
    listed = (TS.parent / "sources.txt").read_text(encoding="utf-8").split()
    return [str(path) for pattern in listed for path in sorted(ROOT.glob(pattern))]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_translation_source_is_complete_and_compiled(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = translation_sources()
    assert any(path.endswith("notes.py") for path in sources)
    result = subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 new and" in result.stdout, "run `make translations`: " + result.stdout
    root = ElementTree.parse(copy).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    unfinished = [
        message.find("source").text
        for message in messages
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_chinese_system_locale_means_chinese_unless_chosen_otherwise(monkeypatch):
    chinese = QLocale("zh_CN")
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: chinese))
    assert resolve("") == "zh_CN"
    assert resolve("en") == "en"
    german = QLocale("de_DE")
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: german))
    assert resolve("") == "en"


def test_chinese_menus_and_live_switch(qtbot, open_window, sample_project):
    QSettings("Fangtan", "Fangtan").setValue("language", "zh_CN")
    translations = Translations(QApplication.instance())
    try:
        translations.install("zh_CN")
        window = open_window(sample_project)
        assert window.file_menu.title() == "文件(&F)"
        assert window.import_action.text() == "导入访谈(&I)…"
        assert window.tag_panel.tree.headerItem().text(0) == "标签"
        assert window.document_list.model().headerData(0, Qt.Orientation.Horizontal) == "标题"
        translations.install("en")
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        assert window.tag_panel.tree.headerItem().text(0) == "Tag"
    finally:
        translations.install("en")


def test_undo_names_follow_the_interface_language(qtbot, open_window, sample_project):
    translations = Translations(QApplication.instance())
    try:
        translations.install("en")
        window = open_window(sample_project)
        view = window.text_view
        start = view.content.text.index("大力推进")
        view.select_span(start, start + 4)
        window.documents.apply_tag(window.tags[0].id)
        assert window.undo_action.text() == "&Undo Tag “产业发展”"
        translations.install("zh_CN")
        qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 标注“产业发展”(&U)")
    finally:
        translations.install("en")
