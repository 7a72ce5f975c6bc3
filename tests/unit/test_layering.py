"""The stages depend on each other in one direction (DESIGN §1):
``frontends → ir ← vm ← bridges``; ``sandbox`` is read by ``vm``.  A front end
never imports the VM, the IR imports nothing of ours, the VM never imports the
bridges or a front end.  Checked on every import statement, lazy ones included."""
import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "ir": {"frontends", "vm", "bridges", "sandbox", "llmspell"},
    "frontends": {"vm", "bridges", "sandbox", "llmspell"},
    "vm": {"frontends", "bridges", "llmspell"},
    "sandbox": {"frontends", "vm", "bridges", "llmspell"},
}


def _imported_stages(path: pathlib.Path, stage_dir: pathlib.Path):
    """Top-level stage names that *path*'s relative imports reach."""
    depth_of_file = len(path.relative_to(stage_dir).parts)     # 1 = directly in the stage folder
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            up = node.level - depth_of_file          # levels above the stage folder
            if up == 1 and node.module:              # from ..<stage>.x import ...
                yield node.module.split(".")[0]
            elif up == 1:                            # from .. import <stage>
                yield from (a.name for a in node.names)


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_only_what_it_may(stage):
    bad = []
    for path in sorted((ROOT / stage).rglob("*.py")):
        for target in _imported_stages(path, ROOT / stage):
            if target in FORBIDDEN[stage]:
                bad.append(f"{path.relative_to(ROOT)} imports {target}")
    assert bad == []


def test_the_check_sees_a_violation(tmp_path):
    """Guard: a front-end file importing the VM, or the IR importing the VM lazily, is caught."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "bad.py").write_text("from ...vm.values import wrap\n")
    (tmp_path / "lazy.py").write_text("def f():\n    from .. import vm\n")
    assert list(_imported_stages(tmp_path / "x" / "bad.py", tmp_path)) == ["vm"]
    assert list(_imported_stages(tmp_path / "lazy.py", tmp_path)) == ["vm"]
