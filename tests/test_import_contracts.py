"""The import contracts of pyproject.toml (`make lint` runs them): shown to fail when the
change layer's cycle comes back or the bottom layer imports an app, on a copy of the code
with the import it forbids."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy(tmp_path):
    for package in ("catalog", "comparisons", "config", "presentation"):
        shutil.copytree(
            PROJECT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(PROJECT / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("catalog/models.py", "from catalog import changes", "the change layer points one way"),
        ("catalog/signals.py", "import config.page_cache", "the change layer points one way"),
        ("catalog/changes.py", "import catalog.similar", "the change layer calls neither"),
        ("presentation/seo.py", "import catalog.formatting", "above presentation"),
    ],
)
def test_an_import_against_the_layers_breaks_a_contract(copy, module, line, contract):
    assert lint_imports(copy).returncode == 0
    with (copy / module).open("a") as file:
        file.write(f"\n{line}  # noqa\n")

    broken = lint_imports(copy)
    assert broken.returncode != 0
    assert contract in broken.stdout
    assert "BROKEN" in broken.stdout
