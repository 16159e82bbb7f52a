# contractml developer entry points. `make demo` and `make test` each set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint datasets bench-compile bench-graphs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: the CPU build 2.13.0; any range-only install pulls CUDA wheels.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev,ray]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/contractml scan examples --exit-zero

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check contractml tests scripts datasets

# Every labelled dataset in one command: the injected real hosts (datasets/realhosts.py:
# cached and resumable, rerun to continue; REAL_LIMIT=N hosts of each source), then the
# graph stores and manifest of every corpus with them, then datasets/card.json (with the
# recorded measurements of datasets/measurements.json).
REAL_OUT   ?= $(HOME)/.cache/contractml/datasets/realhosts
REAL_LIMIT ?= 3500
datasets: setup
	$(BIN)/python -m datasets.realhosts --jobs 2 --out $(REAL_OUT) --limit $(REAL_LIMIT)
	$(BIN)/python -m datasets.build --real-hosts $(REAL_OUT)
	$(BIN)/python -m datasets.card --json datasets/card.json --measurements datasets/measurements.json

bench-compile: setup
	$(BIN)/python scripts/bench_compile.py --out docs/benchmarks/compile.md

bench-graphs: setup
	$(BIN)/python scripts/bench_graphs.py --out docs/benchmarks/graphs.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
