"""PyInstaller hook of jieba for setup/fangtan.spec: its dictionary and tables, without
the model of its paddle mode (lac_small, 13 MB), which Fangtan does not use."""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

datas = [
    (source, target)
    for source, target in collect_data_files("jieba")
    if "lac_small" not in Path(target).parts
]
