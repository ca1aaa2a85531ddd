"""PyInstaller hook of jieba for setup/fangtan.spec: its dictionary and tables, without
the model of its paddle mode (lac_small, 13 MB), which Fangtan does not use, and without
the pickled HMM tables of finalseg and posseg (6.5 MB): jieba reads those only on Jython;
on CPython it imports the same tables from the modules beside them (prob_*.py and
char_state_tab.py), which are in the bundle's archive."""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

datas = [
    (source, target)
    for source, target in collect_data_files("jieba")
    if "lac_small" not in Path(target).parts and Path(source).suffix != ".p"
]
