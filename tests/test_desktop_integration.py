"""Linux desktop integration: the menu entry is valid, the project file type parses, and
setup/desktop/install.sh installs both with the icon and the absolute path of the program;
the scripts around the standalone application are shellcheck clean."""

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "setup" / "desktop"
MIME_TYPE = "application/x-fangtan-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SH = shutil.which("sh") or "/bin/sh"
# On CI (.ci/run installs shellcheck) a missing tool fails the test instead of skipping it.
IN_CI = bool(os.environ.get("CI"))


def entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def validator_errors(path: Path) -> list[str]:
    """desktop-file-validate's errors, or, without it, the keys the specification requires."""
    tool = shutil.which("desktop-file-validate")
    if tool is not None:
        result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
        return [line for line in result.stdout.splitlines() if "error:" in line] + (
            [] if result.returncode == 0 else [f"exit code {result.returncode}"]
        )
    keys = entry(path)
    return [key for key in ("Type", "Name", "Exec") if key not in keys]


def unquoted_program(exec_line: str) -> str:
    """The program of a quoted Exec value, unescaped as the specification says: first the
    string escapes, then the quoting rule; ``%%`` is a literal ``%``."""
    value = exec_line.replace("\\\\", "\\")
    assert value.startswith('"')
    program, quote_end = [], 1
    while value[quote_end] != '"':
        if value[quote_end] == "\\":
            quote_end += 1
        program.append(value[quote_end])
        quote_end += 1
    assert value[quote_end + 1 :] == " gui %f"
    return "".join(program).replace("%%", "%")


def test_the_menu_entry_is_valid_and_opens_project_files():
    path = DESKTOP / "fangtan.desktop"
    assert validator_errors(path) == []
    keys = entry(path)
    assert keys["Type"] == "Application"
    assert keys["Exec"].endswith(" gui %f")
    assert keys["Icon"] == "fangtan"
    assert keys["Terminal"] == "false"
    assert MIME_TYPE in keys["MimeType"].split(";")
    assert keys["Name[zh_CN]"] == "访谈"


def test_the_project_file_type_parses():
    root = ElementTree.parse(DESKTOP / "fangtan-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    [kind] = root.findall(f"{MIME_NS}mime-type")
    assert kind.get("type") == MIME_TYPE
    assert [glob.get("pattern") for glob in kind.findall(f"{MIME_NS}glob")] == ["*.fangtan"]
    assert kind.find(f"{MIME_NS}icon").get("name") == "fangtan"
    assert kind.find(f"{MIME_NS}comment").text == "Fangtan project"


def test_the_icon_png_is_256_pixels_and_drawn_from_the_svg():
    png = (ROOT / "resources" / "icons" / "fangtan-256.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    svg = ElementTree.parse(ROOT / "resources" / "icons" / "fangtan.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"


def test_install_puts_the_program_path_into_the_entry(tmp_path):
    folder = tmp_path / "Fangtan 访谈 $HOME %u"  # a space, a dollar and a percent sign
    folder.mkdir()
    program = folder / "fangtan"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "share"
    result = subprocess.run(
        [SH, str(DESKTOP / "install.sh"), str(program), str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    installed = data / "applications" / "fangtan.desktop"
    assert validator_errors(installed) == []
    keys = entry(installed)
    assert unquoted_program(keys["Exec"]) == str(program)
    assert keys["TryExec"] == str(program)
    assert keys["Name"] == "Fangtan"
    assert (data / "mime" / "packages" / "fangtan.xml").read_bytes() == (
        DESKTOP / "fangtan-mime.xml"
    ).read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "fangtan.svg").is_file()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "fangtan.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*.fangtan" in globs


def test_install_refuses_a_program_that_is_not_there(tmp_path):
    result = subprocess.run(
        [SH, str(DESKTOP / "install.sh"), str(tmp_path / "nothing"), str(tmp_path / "share")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"setup/desktop/install.sh: {tmp_path / 'nothing'} is not an executable"
    ]
    assert not (tmp_path / "share").exists()


@pytest.mark.skipif(shutil.which("shellcheck") is None and not IN_CI, reason="needs shellcheck")
def test_the_bundle_and_desktop_scripts_are_shellcheck_clean():
    result = subprocess.run(
        ["shellcheck", str(DESKTOP / "install.sh"), str(ROOT / "setup" / "bundle-smoke.sh")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
