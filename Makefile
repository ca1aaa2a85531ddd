# Fangtan — `make run` starts the app, `make test` runs every check. Both create .venv when missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TS := resources/translations/fangtan_zh_CN.ts
QM := resources/translations/fangtan_zh_CN.qm

.PHONY: run test lint translations bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Fangtan needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

run: $(VENV)/.installed
	$(BIN)/fangtan

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

# Refresh the translation source from the code, then compile it.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -locations none -no-obsolete ui/*.py app/errors.py app/exporting/options.py app/importing/notes.py -ts $(TS) \
		-source-language en -target-language zh_CN
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/startup.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
