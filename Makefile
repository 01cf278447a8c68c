# Thin wrappers over the `ecomcourse` CLI, run inside the project's environment in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv lab demo hub test test-fast release data bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,hub]'
	npm ci --no-audit --no-fund --loglevel=error  # JupyterHub's configurable-http-proxy, for `make hub`
	touch $(STAMP)

lab: venv  ## open the student editions in JupyterLab
	cd notebooks && ../$(BIN)/jupyter lab

hub: venv  ## (as root) a class on JupyterHub at http://127.0.0.1:8000/: accounts, both editions, grading on submit
	$(BIN)/ecomcourse hub start --students 3

demo: venv  ## release, simulate a class, grade it with the course's engine, print the table
	$(BIN)/ecomcourse demo

# Tests are per chapter (`pytest -k ch04_data_analysis` runs one chapter's). loadgroup sends the tests
# of one autograded class (xdist_group "<chapter>-<lang>") or one engine run to the same worker, so each
# is graded once, and spreads the rest over both cores.
test: venv  ## lint, hygiene, data, release, notebooks through real nbgrader, the engine, browsers
	$(BIN)/ruff check src tests scripts grader/nbgrader_config.py
	$(BIN)/python -m pytest -n 2 --dist loadgroup -ra --durations=15

test-fast: venv  ## under 3 minutes: lint, hygiene, registry agreement, data checks, unit tests (not `slow`)
	$(BIN)/ruff check src tests scripts grader/nbgrader_config.py
	$(BIN)/python -m pytest -m "not slow" -n 2 --dist loadgroup -ra

release: venv  ## regenerate notebooks/zh and notebooks/en from solutions/
	$(BIN)/ecomcourse release --lang all

data: venv  ## regenerate datasets/ from the seed
	$(BIN)/ecomcourse data

# Only what the project regenerates. An instructor's submissions, autograded notebooks, feedback
# and gradebook go only with `make clean DELETE_GRADING_WORK=yes`.
clean:  ## remove caches, the demo and bench workspaces and build output
	rm -rf build bench grader/demo grader/bench .pytest_cache .ruff_cache
	find . -path ./.venv -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
ifeq ($(DELETE_GRADING_WORK),yes)
	@echo "DELETE_GRADING_WORK=yes: removing every collected submission, autograded notebook, feedback file and grade"
	rm -rf grader/submitted grader/autograded grader/feedback grader/gradebook.db
endif

bench: venv  ## engine vs plain nbgrader vs the execution floor; table + bench/results.json
	$(BIN)/ecomcourse bench
