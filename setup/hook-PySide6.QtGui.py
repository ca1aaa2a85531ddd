"""PyInstaller hook of PySide6.QtGui for setup/fangtan.spec: the stock one, less the Qt
plugins a desktop bundle does not use. Left out before PyInstaller follows the plugins'
libraries, so that what only they link (GTK's stack for the GTK theme, the embedded
display libraries) stays out too."""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folders left out whole: embedded displays (EGLFS), and the input devices read
# directly from the kernel (evdev, TUIO), which only the framebuffer and EGL platforms left
# out below load.
UNUSED_KINDS = {"egldeviceintegrations", "generic"}
# Plugins left out by name: the framebuffer, VNC, EGL and Vulkan display platforms, and
# the GTK theme (Qt's own dialogs serve instead; a bundled half of GTK's libraries beside
# the system's GTK is a crash waiting to happen).
UNUSED_PLUGINS = {
    "libqeglfs.so",
    "libqlinuxfb.so",
    "libqminimalegl.so",
    "libqvnc.so",
    "libqvkkhrdisplay.so",
    "libqgtk3.so",
}


def used(entry: tuple[str, str]) -> bool:
    source, target = Path(entry[0]), Path(entry[1])
    return target.name not in UNUSED_KINDS and source.name not in UNUSED_PLUGINS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if used(entry)]
