"""PyInstaller hook of lxml for setup/fangtan.spec: the stock one collects every submodule;
this one leaves out those that setup/fangtan.spec excludes (lxml.objectify, lxml.html,
lxml.sax, lxml.builder, lxml.isoschematron: Fangtan reads and writes XML with lxml.etree
only), so that PyInstaller does not warn about them as missing."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("lxml.objectify", "lxml.html", "lxml.sax", "lxml.builder", "lxml.isoschematron")


def used(name: str) -> bool:
    return not any(name == unused or name.startswith(f"{unused}.") for unused in UNUSED)


hiddenimports = collect_submodules("lxml", filter=used)
