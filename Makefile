# Fangtan — `make run` starts the app, `make test` runs every check. Both create .venv when missing
# and install the system packages it needs (setup/system-packages.sh) when they are missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TS := resources/translations/fangtan_zh_CN.ts
QM := resources/translations/fangtan_zh_CN.qm
# The files whose strings are translated: one list, read here and by the translation test.
TR_SOURCES = $(wildcard $(shell cat resources/translations/sources.txt))
SYSTEM_PACKAGES := setup/system-packages.sh

.PHONY: run test lint translations bench bundle install-desktop icon clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Fangtan needs Python 3.11 or newer ($(PYTHON) is missing or older)"; exit 1; }
	@sh $(SYSTEM_PACKAGES) venv $(PYTHON)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

# The libraries Qt's plugins load (checked with ldd) and a Chinese font: once per install.
$(VENV)/.system-packages: $(SYSTEM_PACKAGES) $(VENV)/.installed
	@sh $(SYSTEM_PACKAGES) qt $(BIN)/python
	@touch $@

run: $(VENV)/.system-packages
	$(BIN)/fangtan

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(VENV)/.system-packages lint
	@sh $(SYSTEM_PACKAGES) postgresql
	@sh $(SYSTEM_PACKAGES) test-tools
	$(BIN)/python -m pytest

# Refresh the translation source from the code, then compile it.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $(TR_SOURCES) -ts $(TS) \
		-source-language en -target-language zh_CN
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)
	$(BIN)/pyside6-lupdate -locations none -no-obsolete -pluralonly $(TR_SOURCES) -ts resources/translations/fangtan_en.ts \
		-source-language en -target-language en
	$(BIN)/pyside6-lrelease resources/translations/fangtan_en.ts -qm resources/translations/fangtan_en.qm

bench: $(VENV)/.system-packages
	$(BIN)/python benchmarks/startup.py

# The standalone application: dist/fangtan/, with the executable dist/fangtan/fangtan, built
# by PyInstaller (the `bundle` extra) from setup/fangtan.spec; it runs without Python.
BUNDLE := dist/fangtan/fangtan

$(VENV)/.bundle-tools: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,bundle]"
	@touch $@

bundle: $(VENV)/.system-packages $(VENV)/.bundle-tools
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller setup/fangtan.spec

# The PNG of the icon, drawn from its SVG.
icon: $(VENV)/.installed
	$(BIN)/python setup/render_icon.py

# The menu entry, icon and project file type for this user; the entry starts the bundle
# when it is built, the venv's fangtan otherwise.
install-desktop: $(if $(wildcard $(BUNDLE)),,$(VENV)/.installed)
	sh setup/desktop/install.sh $(if $(wildcard $(BUNDLE)),$(BUNDLE),$(BIN)/fangtan)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
