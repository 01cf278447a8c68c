# Thin wrappers over the `ecomcourse` CLI, run inside the project's environment in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv lab demo test release data bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

lab: venv  ## open the student editions in JupyterLab
	cd notebooks && ../$(BIN)/jupyter lab

demo: venv  ## release, simulate a class, grade it with nbgrader, print the table
	$(BIN)/ecomcourse demo

test: venv  ## lint, hygiene, data, release, notebooks through real nbgrader
	$(BIN)/ruff check src tests scripts grader/nbgrader_config.py
	$(BIN)/python -m pytest -n 2 --dist loadfile -ra

release: venv  ## regenerate notebooks/zh and notebooks/en from solutions/
	$(BIN)/ecomcourse release --lang all

data: venv  ## regenerate datasets/ from the seed
	$(BIN)/ecomcourse data

clean:
	rm -rf grader/submitted grader/autograded grader/feedback grader/gradebook.db grader/demo

bench: venv  ## engine vs plain nbgrader vs the execution floor; table + bench/results.json
	$(BIN)/ecomcourse bench
