"""What `pip install .` gives: the whole command (HTML, WARC, zstd) under a distribution name of
its own, a licence, type information, and an `import clean` that loads none of it."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
tomllib = pytest.importorskip("tomllib")  # Python 3.11+
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DISTRIBUTION = PROJECT["name"]
# The import names of the packages every HTML page, WARC file or .zst file needs.
STACK = {"trafilatura": "trafilatura", "lxml": "lxml", "lxml_html_clean": "lxml_html_clean",
         "beautifulsoup4": "bs4", "warcio": "warcio", "zstandard": "zstandard"}


def _names(requirements) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0].lower().replace("-", "_") for r in requirements}


def test_the_default_install_is_the_whole_command():
    required = _names(PROJECT["dependencies"])
    assert {name.lower() for name in STACK} <= required
    extras = PROJECT["optional-dependencies"]
    assert not {"html", "zstd"} & set(extras)
    for extra in extras.values():  # no extra repeats what every install has
        assert not _names(extra) & required


def test_import_clean_loads_none_of_the_stack():
    code = ("import sys, clean, clean.cli, clean.html, clean.warc, clean.compression\n"
            f"print(sorted(m for m in {sorted(set(STACK.values()) | {'justext', 'htmldate'})!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_distribution_name_is_not_the_taken_one_and_every_hint_uses_it():
    # `clean` on the public index is an unrelated project: `pip install clean` installs it.
    assert DISTRIBUTION != "clean" and DISTRIBUTION.startswith("clean")
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "clean").rglob("*.py")),
             *sorted((ROOT / "tests").glob("*.py"))]
    wrong = re.compile(r"(?:pip install|install) +'?clean(?:\[|\s|'|$)|'clean\[")
    for path in files:
        if path == Path(__file__):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not wrong.search(line), f"{path.name}:{n}: {line.strip()}"
    scale_out = (ROOT / "docs" / "scale-out.md").read_text(encoding="utf-8")
    assert f"pip install '{DISTRIBUTION}[ray]'" in scale_out


def test_version_option_names_the_distribution():
    from click.testing import CliRunner

    from clean import __version__
    from clean.cli import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_licence_and_type_marker_are_shipped():
    assert PROJECT["license"] == "MIT"
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "the clean authors" in licence
    assert (ROOT / "clean" / "py.typed").is_file()
    # maturin packs every file of the package folder that git does not ignore: the marker must be tracked.
    tracked = subprocess.run(["git", "ls-files", "clean/py.typed"], cwd=ROOT, capture_output=True, text=True)
    assert tracked.returncode != 0 or tracked.stdout.strip() == "clean/py.typed"


@pytest.mark.slow
def test_the_wheel_carries_the_licence_and_py_typed(tmp_path):
    """Builds the wheel as pip does (maturin fetched into an isolated build environment, the crate compiled)."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp_path, ROOT],
                   check=True, capture_output=True, timeout=600)
    wheel, = tmp_path.glob("*.whl")
    assert wheel.name.startswith(DISTRIBUTION.replace("-", "_") + "-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "clean/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "clean/data/block_model.json" in names
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert f"Name: {DISTRIBUTION}" in metadata and "Requires-Dist: trafilatura" in metadata


@pytest.mark.slow
def test_the_quick_loop_leaves_out_the_slow_tests_only():
    """`pytest -m "not slow"` (README's quick loop) collects the unit and command tests and none of
    the property, timing and memory runs; the marker is registered, so it is not a typo."""
    markers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["markers"]
    assert any(m.startswith("slow:") for m in markers)
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not slow", "-p", "no:cacheprovider"],
        cwd=ROOT, capture_output=True, text=True, timeout=600).stdout
    ids = [line for line in collected.splitlines() if "::" in line]
    assert any(i.startswith("tests/test_library.py::") for i in ids)
    assert any(i.startswith("tests/test_cli.py::") for i in ids)
    for heavy in ("test_properties.py", "test_fuzz_core.py", "test_linear_time.py", "test_ray.py",
                  "test_memory_stays_flat", "test_a_hint_gate_never_hides_a_match"):
        assert not any(heavy in i for i in ids), heavy
