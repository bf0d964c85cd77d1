"""The rooms of the code: import rules checked by import-linter.

core imports none of our apps; news, stats and the other apps never import
each other or portal; portal assembles the site. pyproject.toml holds the
contracts; CI runs `lint-imports`, and these tests prove that it would fail.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = [
    "core",
    "news",
    "stats",
    "backups",
    "documents",
    "questions",
    "schedule",
    "portal",
]


def copy_tree(tmp_path):
    for name in PACKAGES:
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def lint(folder):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def add_import(path, line):
    path.write_text(f"{line}\n" + path.read_text())


def test_the_code_keeps_its_import_contracts(tmp_path):
    result = lint(copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_core_importing_an_app_breaks_a_contract(tmp_path):
    tree = copy_tree(tmp_path)
    add_import(tree / "core" / "text.py", "import news.models  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "core imports none of the apps BROKEN" in result.stdout


def test_news_importing_stats_breaks_a_contract(tmp_path):
    tree = copy_tree(tmp_path)
    add_import(tree / "news" / "views.py", "from stats import figures  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "the apps are independent BROKEN" in result.stdout


def test_an_app_importing_portal_breaks_a_contract(tmp_path):
    tree = copy_tree(tmp_path)
    add_import(tree / "stats" / "figures.py", "import portal.models  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "no app imports portal BROKEN" in result.stdout
