# timeline: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
TEMPEVAL ?= ../shared/data/tempeval3/train
OUT    ?= out

.PHONY: help install demo test lint unit browser-deps bench eval schemas serve clean

help:
	@echo "make demo     create .venv, install, build examples/ into $(OUT)/ (open $(OUT)/timeline.html)"
	@echo "make test     install if needed, run ruff and the whole pytest suite"
	@echo "make install  create .venv and install timeline with its test tools"
	@echo "make bench    speed/memory benchmarks (installs the optional peers); results in bench/results/"
	@echo "make eval     score the temporal engine on TempEval-3 TimeBank + AQUAINT"
	@echo "make schemas  regenerate schemas/*.schema.json from the models"
	@echo "make serve    run the HTTP service on 127.0.0.1:8000"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing timeline and its dependencies into $(VENV) (about a minute; log: $(VENV)/install.log)..."
	@$(BIN)/python -m pip install --upgrade pip > $(VENV)/install.log 2>&1 || true
	@$(BIN)/python -m pip install -e '.[test]' >> $(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "install failed: see $(VENV)/install.log"; exit 1; }
	@$(BIN)/python -c "import timeline" && rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: install
	$(BIN)/timeline build examples --manifest examples/manifest.csv --out $(OUT)
	@echo
	@echo "Open $(abspath $(OUT))/timeline.html in a browser."

browser-deps:
	@scripts/setup-browser.sh

lint: install
	$(BIN)/ruff check timeline tests bench

unit: install
	$(BIN)/pytest -q -n 2 --doctest-modules tests timeline bench

test: install browser-deps lint unit

bench: install
	@$(BIN)/python -m pip install -e '.[test,bench]' >> $(VENV)/install.log 2>&1 \
		|| echo "bench: the optional peers could not be installed (see $(VENV)/install.log); going on without them"
	$(BIN)/python -m bench.run

eval: install
	$(BIN)/python -m timeline.temporal.tempeval $(TEMPEVAL)/TimeBank $(TEMPEVAL)/AQUAINT --out bench/results/tempeval.json

schemas: install
	$(BIN)/python -m timeline.schemas schemas

serve: install
	$(BIN)/timeline serve

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache build *.egg-info
