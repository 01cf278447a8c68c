"""Static review of the code a student wrote: what to flag for a human to look at.

Grading runs the student's code in the same kernel as the tests, so code that rewires
comparisons, builtins or the notebook machinery could fake a pass. Such code is not proof of
cheating; it is flagged so an instructor reads it.
"""

from __future__ import annotations

import ast

from nbformat import NotebookNode

GUARDED_MODULES = {"checks", "np", "numpy", "pd", "pandas", "math", "builtins", "__builtins__", "sys",
                   "IPython", "operator", "unittest", "nbgrader", "ecomcourse"}
SUSPICIOUS_NAMES = {"__builtins__", "builtins", "get_ipython", "excepthook", "ctypes", "gc", "inspect",
                    "sys.modules", "__import__"}
OUTSIDE_MODULES = {"socket", "subprocess", "urllib", "http", "requests", "ftplib", "smtplib", "shutil"}
OUTSIDE_CALLS = {"system", "popen", "spawnl", "execv", "execl", "kill", "remove", "unlink", "rmtree", "fork"}


def review(nb: NotebookNode) -> list[str]:
    """Reasons to flag the student-written code cells of ``nb`` (empty when nothing stands out)."""
    reasons: list[str] = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade") or meta.get("locked"):
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        if any(line.lstrip().startswith("!") for line in cell.source.splitlines()):
            reasons.append("runs shell commands (!)")
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        reasons += _review_tree(tree)
    return sorted(set(reasons))


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return _dotted(node.func) + "()"
    return "?"


def _review_tree(tree: ast.AST) -> list[str]:
    reasons = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                name = _dotted(target)
                if isinstance(target, ast.Attribute) and name.split(".")[0] in GUARDED_MODULES:
                    reasons.append(f"replaces {name}")
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in {"setattr", "delattr"} and node.args and _dotted(node.args[0]).split(".")[0] in GUARDED_MODULES:
                reasons.append(f"{name} on {_dotted(node.args[0])}")
            if name.split(".")[-1] in OUTSIDE_CALLS and name.split(".")[0] in {"os", "shutil", "subprocess"}:
                reasons.append(f"calls {name}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in OUTSIDE_MODULES:
                    reasons.append(f"imports {module}")
                if module.split(".")[0] in {"builtins", "ctypes", "gc", "inspect"}:
                    reasons.append(f"imports {module}")
        elif isinstance(node, ast.Name) and node.id in SUSPICIOUS_NAMES:
            reasons.append(f"uses {node.id}")
        elif isinstance(node, ast.Attribute) and _dotted(node) in SUSPICIOUS_NAMES | {"sys.excepthook"}:
            reasons.append(f"uses {_dotted(node)}")
        elif isinstance(node, ast.FunctionDef) and node.name == "__eq__":
            reasons.append("defines __eq__ (an answer that claims to equal anything?)")
    return reasons
