"""The package's layers: grading knows nothing of the hub or the benches that measure both."""

from __future__ import annotations

import ast

import pytest

from ecomcourse import paths

PACKAGE = paths.ROOT / "src" / "ecomcourse"


def _imports(path) -> set[str]:  # noqa: ANN001
    """Absolute names of the ``ecomcourse`` modules a file imports."""
    package = ["ecomcourse", *path.relative_to(PACKAGE).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("ecomcourse")}


@pytest.mark.parametrize("lower, upper", [("grading", "ecomcourse.hub"), ("grading", "ecomcourse.bench"),
                                          ("hub", "ecomcourse.bench")])
def test_a_lower_layer_never_imports_a_higher_one(lower, upper):
    offending = {str(path.relative_to(PACKAGE)): sorted(n for n in _imports(path) if n.startswith(upper))
                 for path in (PACKAGE / lower).rglob("*.py")}
    assert {path: names for path, names in offending.items() if names} == {}
