"""An installed Fangtan is complete, and `make` installs the system packages it needs.

Every package on disk is listed in pyproject.toml, with its data files; the set-up script
finds the libraries Qt lacks and names the packages that bring them.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOP_LEVEL = ("app", "ui", "models", "seeds", "resources")


def test_listed_packages_match_the_folders():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in TOP_LEVEL
        for init in (ROOT / top).rglob("__init__.py")
    }
    # A folder of data files only is a package too (setuptools ships only listed packages),
    # with its files named in package-data.
    data_only = listed - on_disk
    assert on_disk <= listed
    assert data_only <= set(config["tool"]["setuptools"]["package-data"])
    for package in data_only:
        assert ROOT.joinpath(*package.split(".")).is_dir(), package


def test_every_data_folder_inside_a_package_is_listed():
    """Otherwise setuptools warns at every install that it would leave the folder out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    for package, patterns in setuptools["package-data"].items():
        assert package in listed
        for pattern in patterns:
            for file in ROOT.joinpath(*package.split(".")).glob(pattern):
                folder = ".".join(file.parent.relative_to(ROOT).parts)
                assert folder in listed, f"{file.relative_to(ROOT)}: {folder} is not listed"


def test_shipped_data_files_exist():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for package, patterns in config["tool"]["setuptools"]["package-data"].items():
        folder = ROOT.joinpath(*package.split("."))
        for pattern in patterns:
            assert list(folder.glob(pattern)), f"{package}: nothing matches {pattern}"


# --- setup/system-packages.sh: the system packages `make run` and `make test` install ---

SCRIPT = ROOT / "setup" / "system-packages.sh"
SH = shutil.which("sh") or "/bin/sh"
# On CI (.ci/run installs make and shellcheck) a missing tool fails the test instead of skipping it.
IN_CI = bool(os.environ.get("CI"))
# What the script runs besides the package tools, which each test fakes or leaves out.
TOOLS = ("awk", "cat", "env", "getconf", "head", "id", "mktemp", "paste", "rm", "sort", "uname")

# ldd on Qt's xcb plugin on a bare Debian 12 (Qt's own message names only libxcb-cursor0).
BARE_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffc5a3f2000)
\tlibQt6XcbQpa.so.6 => /v/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f3c1a000000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f3c19ff0000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f3c19fe0000)
\tlibxcb-keysyms.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3c19c00000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f3c1a400000)
"""


def fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def tools(
    tmp_path: Path, *, apt: bool = True, dnf: bool = False, font: bool = True, root: bool = True
) -> Path:
    """A PATH folder with the real basic tools and fake package tools that log their calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in TOOLS:
        (folder / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "calls.log"
    fake(folder, "fc-list", 'echo "Fake Hei,假黑"' if font else "true")
    if apt:
        # Installing empties the ldd output, or moves the next round's output in place.
        fake(
            folder,
            "apt-get",
            f"""echo "apt-get $*" >> {log}
case " $* " in *" install "*)
  if [ -f {tmp_path}/ldd.next ]; then mv {tmp_path}/ldd.next {tmp_path}/ldd.txt
  else : > {tmp_path}/ldd.txt; fi ;;
esac""",
        )
        fake(folder, "apt-cache", "true")
        (folder / "mv").symlink_to(shutil.which("mv"))
    if dnf:
        fake(folder, "dnf", f'echo "dnf $*" >> {log}')
    if not root:
        (folder / "id").unlink()
        fake(folder, "id", "echo 1000")
        fake(folder, "sudo", f'echo "sudo $*" >> {log}\nexec "$@"')
    return folder


def run_script(*args: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SH, str(SCRIPT), *args],
        env={"PATH": str(path), "LC_ALL": "C.UTF-8"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=ROOT,
    )


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_check_names_the_debian_packages_of_the_missing_xcb_libraries(tmp_path):
    (tmp_path / "ldd.txt").write_text(BARE_DEBIAN_LDD, encoding="utf-8")
    result = run_script("--check", "--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path))
    assert result.returncode == 1, result.stderr
    assert result.stdout == "would install: libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n"
    assert calls(tmp_path) == []


def test_every_library_qt_links_against_has_its_debian_package(tmp_path):
    libraries = {
        "libxcb.so.1": "libxcb1",
        "libxcb-image.so.0": "libxcb-image0",
        "libxcb-render-util.so.0": "libxcb-render-util0",
        "libxcb-randr.so.0": "libxcb-randr0",
        "libxcb-shape.so.0": "libxcb-shape0",
        "libxcb-xkb.so.1": "libxcb-xkb1",
        "libxcb-xfixes.so.0": "libxcb-xfixes0",
        "libxcb-sync.so.1": "libxcb-sync1",
        "libxcb-xinerama.so.0": "libxcb-xinerama0",
        "libxcb-shm.so.0": "libxcb-shm0",
        "libxcb-render.so.0": "libxcb-render0",
        "libxcb-util.so.1": "libxcb-util1",
        "libxcb-dri3.so.0": "libxcb-dri3-0",
        "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
        "libxkbcommon.so.0": "libxkbcommon0",
        "libEGL.so.1": "libegl1",
        "libGL.so.1": "libgl1",
        "libOpenGL.so.0": "libopengl0",
        "libfontconfig.so.1": "libfontconfig1",
        "libfreetype.so.6": "libfreetype6",
        "libdbus-1.so.3": "libdbus-1-3",
        "libglib-2.0.so.0": "libglib2.0-0",
        "libgthread-2.0.so.0": "libglib2.0-0",
        "libX11-xcb.so.1": "libx11-xcb1",
        "libX11.so.6": "libx11-6",
        "libICE.so.6": "libice6",
        "libSM.so.6": "libsm6",
    }
    ldd = "".join(f"\t{library} => not found\n" for library in libraries)
    (tmp_path / "ldd.txt").write_text(ldd, encoding="utf-8")
    result = run_script("--check", "--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path))
    assert result.returncode == 1, result.stderr
    [line] = result.stdout.splitlines()
    prefix, _, packages = line.partition(": ")
    assert prefix == "would install"
    assert sorted(packages.split()) == sorted(set(libraries.values()))


def test_a_library_without_a_known_package_is_named(tmp_path):
    ldd = "\tlibxcb-cursor.so.0 => not found\n\tlibunheard.so.3 => not found\n"
    (tmp_path / "ldd.txt").write_text(ldd, encoding="utf-8")
    result = run_script("--check", "--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "would install: libxcb-cursor0",
        "no Debian package known for: libunheard.so.3",
    ]


def test_a_chinese_font_is_installed_when_fontconfig_has_none(tmp_path):
    (tmp_path / "ldd.txt").write_text("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n", encoding="utf-8")
    result = run_script(
        "--check", "--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path, font=False)
    )
    assert result.returncode == 1
    assert result.stdout == "would install: fonts-wqy-microhei\n"


def test_installs_through_sudo_after_saying_what_and_why_with_one_apt_get_update(tmp_path):
    # Installing libxcb1 lets ldd see one more missing library behind it: a second round.
    (tmp_path / "ldd.txt").write_text("\tlibxcb.so.1 => not found\n", encoding="utf-8")
    (tmp_path / "ldd.next").write_text("\tlibXau.so.6 => not found\n", encoding="utf-8")
    path = tools(tmp_path, root=False)
    result = run_script("--ldd", str(tmp_path / "ldd.txt"), "qt", path=path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Installing libxcb1 with sudo apt-get: Qt needs libxcb.so.1.",
        "Installing libxau6 with sudo apt-get: Qt needs libXau.so.6.",
    ]
    apt_calls = [call for call in calls(tmp_path) if call.startswith("apt-get")]
    assert [call.split()[-1] for call in apt_calls] == ["update", "libxcb1", "libxau6"]
    assert all("install -y --no-install-recommends" in call for call in apt_calls[1:])
    assert len([call for call in calls(tmp_path) if call.startswith("sudo")]) == 3

    # Once everything is there: silent, and no package tool runs at all.
    (tmp_path / "calls.log").unlink()
    again = run_script("--ldd", str(tmp_path / "ldd.txt"), "qt", path=path)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert calls(tmp_path) == []


def test_a_library_that_stays_missing_stops_the_loop(tmp_path):
    (tmp_path / "ldd.txt").write_text("\tlibxcb-cursor.so.0 => not found\n", encoding="utf-8")
    (tmp_path / "ldd.next").write_text("\tlibxcb-cursor.so.0 => not found\n", encoding="utf-8")
    result = run_script("--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path))
    assert result.returncode == 1
    assert "libxcb-cursor.so.0, even after installing libxcb-cursor0" in result.stderr
    assert len([call for call in calls(tmp_path) if " install " in call]) == 1


def test_without_apt_get_it_prints_the_command_to_run_and_installs_nothing(tmp_path):
    (tmp_path / "ldd.txt").write_text(BARE_DEBIAN_LDD, encoding="utf-8")
    with_dnf = run_script(
        "--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path, apt=False, dnf=True)
    )
    assert with_dnf.returncode == 1
    suffix = "()(64bit)" if sys.maxsize > 2**32 else ""
    assert with_dnf.stderr.strip().endswith(
        f"run: dnf install 'libxcb-cursor.so.0{suffix}' 'libxcb-icccm.so.4{suffix}'"
        f" 'libxcb-keysyms.so.1{suffix}'"
    )
    assert calls(tmp_path) == []

    shutil.rmtree(tmp_path / "bin")
    other = run_script("--ldd", str(tmp_path / "ldd.txt"), "qt", path=tools(tmp_path, apt=False))
    assert other.returncode == 1
    assert "Qt needs libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1;" in other.stderr


def test_a_python_without_ensurepip_gets_its_venv_package(tmp_path):
    path = tools(tmp_path)
    fake(
        path,
        "python3",
        """case "$2" in
  *ensurepip*) exit 1 ;;
  *-venv*) echo python3.11-venv ;;
  *base_prefix*) echo True ;;
esac""",
    )
    result = run_script("--check", "venv", "python3", path=path)
    assert (result.returncode, result.stdout) == (1, "would install: python3.11-venv\n")

    installed = run_script("venv", "python3", path=path)
    assert installed.stdout.startswith("Installing python3.11-venv with apt-get: python3 -m venv")
    assert (
        "apt-get -o DPkg::Lock::Timeout=120 install -y --no-install-recommends python3.11-venv"
        in calls(tmp_path)
    )
    assert installed.returncode == 1  # the fake python still lacks ensurepip afterwards
    assert "even after installing python3.11-venv" in installed.stderr


def test_a_python_with_ensurepip_needs_nothing(tmp_path):
    result = run_script("--check", "venv", sys.executable, path=tools(tmp_path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_postgresql_is_found_on_path_or_in_debians_folder_else_installed(tmp_path):
    lib = tmp_path / "postgresql"
    path = tools(tmp_path, root=False)
    missing = run_script("--check", "--postgresql-lib", str(lib), "postgresql", path=path)
    assert (missing.returncode, missing.stdout) == (1, "would install: postgresql\n")
    assert calls(tmp_path) == []

    # The package puts initdb and pg_ctl in /usr/lib/postgresql/VERSION/bin, off PATH.
    fake(
        path,
        "apt-get",
        f"""echo "apt-get $*" >> {tmp_path}/calls.log
case " $* " in *" install "*)
  mkdir -p {lib}/16/bin && printf '#!/bin/sh\n' > {lib}/16/bin/initdb
  cp {lib}/16/bin/initdb {lib}/16/bin/pg_ctl && chmod +x {lib}/16/bin/initdb {lib}/16/bin/pg_ctl ;;
esac""",
    )
    for tool in ("mkdir", "cp", "chmod"):
        (path / tool).symlink_to(shutil.which(tool))
    installed = run_script("--postgresql-lib", str(lib), "postgresql", path=path)
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout == (
        "Installing postgresql with sudo apt-get: the tests need PostgreSQL's server"
        " (initdb and pg_ctl), which is missing.\n"
    )
    apt_calls = [call for call in calls(tmp_path) if call.startswith("apt-get")]
    assert [call.split()[-1] for call in apt_calls] == ["update", "postgresql"]

    (tmp_path / "calls.log").unlink()
    found = run_script("--check", "--postgresql-lib", str(lib), "postgresql", path=path)
    assert (found.returncode, found.stdout, found.stderr) == (0, "nothing missing\n", "")
    shutil.rmtree(lib)
    fake(path, "initdb", "true")
    fake(path, "pg_ctl", "true")
    on_path = run_script("--postgresql-lib", str(lib), "postgresql", path=path)
    assert (on_path.returncode, on_path.stdout, on_path.stderr) == (0, "", "")
    assert calls(tmp_path) == []


def test_without_apt_get_the_command_that_installs_postgresql_is_printed(tmp_path):
    path = tools(tmp_path, apt=False, dnf=True, root=False)
    result = run_script("--postgresql-lib", str(tmp_path / "none"), "postgresql", path=path)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("run: sudo dnf install postgresql-server")
    assert calls(tmp_path) == []


def test_pdftoppm_is_installed_with_poppler_utils_when_missing(tmp_path):
    path = tools(tmp_path, root=False)
    missing = run_script("--check", "test-tools", path=path)
    assert (missing.returncode, missing.stdout) == (1, "would install: poppler-utils\n")
    assert calls(tmp_path) == []

    fake(
        path,
        "apt-get",
        f"""echo "apt-get $*" >> {tmp_path}/calls.log
case " $* " in *" install "*)
  printf '#!/bin/sh\n' > {path}/pdftoppm && chmod +x {path}/pdftoppm ;;
esac""",
    )
    (path / "chmod").symlink_to(shutil.which("chmod"))
    installed = run_script("test-tools", path=path)
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout == (
        "Installing poppler-utils with sudo apt-get: the tests render report pages with"
        " pdftoppm, which is missing.\n"
    )
    apt_calls = [call for call in calls(tmp_path) if call.startswith("apt-get")]
    assert [call.split()[-1] for call in apt_calls] == ["update", "poppler-utils"]

    (tmp_path / "calls.log").unlink()
    found = run_script("--check", "test-tools", path=path)
    assert (found.returncode, found.stdout, found.stderr) == (0, "nothing missing\n", "")
    present = run_script("test-tools", path=path)
    assert (present.returncode, present.stdout, present.stderr) == (0, "", "")
    assert calls(tmp_path) == []


def test_without_apt_get_the_command_that_installs_pdftoppm_is_printed(tmp_path):
    path = tools(tmp_path, apt=False, dnf=True, root=False)
    result = run_script("test-tools", path=path)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("run: sudo dnf install poppler-utils")
    assert calls(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and apt are Linux tools")
def test_this_machine_has_everything_qt_needs():
    result = subprocess.run(
        [SH, str(SCRIPT), "--check", "qt", sys.executable],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=ROOT,
    )
    assert (result.returncode, result.stdout) == (0, "nothing missing\n"), result.stderr


@pytest.mark.skipif(shutil.which("make") is None and not IN_CI, reason="needs make")
def test_make_checks_the_system_packages_before_the_venv_and_after_the_install(tmp_path):
    def dry_run(target: str) -> list[str]:
        venv = tmp_path / "venv"
        result = subprocess.run(
            ["make", "-n", target, f"VENV={venv}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            cwd=ROOT,
        )
        return result.stdout.splitlines()

    def position(lines: list[str], text: str) -> int:
        return next(i for i, line in enumerate(lines) if text in line)

    run = dry_run("run")
    assert position(run, "system-packages.sh venv") < position(run, "-m venv")
    assert position(run, "pip install --quiet -e") < position(run, "system-packages.sh qt")
    assert position(run, "system-packages.sh qt") < position(run, "bin/fangtan")
    test = dry_run("test")
    assert position(test, "system-packages.sh qt") < position(test, "-m pytest")
    assert position(test, "system-packages.sh postgresql") < position(test, "-m pytest")
    assert position(test, "system-packages.sh test-tools") < position(test, "-m pytest")


@pytest.mark.skipif(shutil.which("shellcheck") is None and not IN_CI, reason="needs shellcheck")
def test_the_scripts_are_shellcheck_clean():
    result = subprocess.run(
        ["shellcheck", str(SCRIPT), str(ROOT / ".ci" / "run")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
