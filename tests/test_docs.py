"""Every example in README.md and docs/*.md runs, so the documentation cannot drift from the code.

How a page's fenced blocks are read (docs/README.md says the same for writers):

- ```console: lines opening with `$ ` are commands (a line ending in `\\` goes on), run by bash
  in the page's working directory with this interpreter's `clean` first on PATH. The lines under
  a command, up to the next `$ `, are its output: stdout and stderr as they come. When a command shows no
  output only its exit status is checked (0; write `cmd; echo "exit $?"` to show another).
  `...` in a line stands for any text on that line; a line that is only `...` for any lines.
- ```python: run with exec, in one namespace per page, in the same working directory.
- ```text and ```json: diagrams, formats and sample output, not run.
- Any other fence (untagged, sh, bash) is refused, so a command cannot hide from the test.
- `<!-- not run: REASON -->` on the line before a fence keeps a console or python block from
  running (it needs a network, a cluster or data outside the repository); the reason is required.
- `<!-- requires: MODULE ... -->` runs a block only where those modules import (an optional
  extra such as `bench`); elsewhere the test warns that it did not run it.
- `<!-- slow -->` on the line before a fence runs it only in the second, longer test of its page
  (benchmarks, Ray); every page's examples are marked slow for pytest, except the README's.

Each page runs in a fresh directory holding a copy of tests/fixtures/docs/ and links to the
repository's bench/, tests/ and fuzz/, so the paths the pages give from the repository's top
(`bench/zyte-dev`, `tests/fixtures/seeds/...`) work as written. Blocks of one page run in order
and share their files: a profile learned in one block is used by the next.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "docs"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN_KINDS = {"console", "python"}
SHOWN_KINDS = {"text", "json"}
# Read-only links: a page that writes `clean/` or `out/` writes into its own directory, never
# into the package (which is why the package folder is not linked).
LINKED = ("bench", "tests", "fuzz", "pyproject.toml", ".ci")

FENCE = re.compile(r"^```(\S*)\s*$")
NOT_RUN = re.compile(r"^<!--\s*not run:\s*(.*?)\s*-->\s*$")
SLOW = re.compile(r"^<!--\s*slow\s*-->\s*$")
REQUIRES = re.compile(r"^<!--\s*requires:\s*(.*?)\s*-->\s*$")


@dataclass
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    kind: str
    body: list[str]
    not_run: str | None = None
    slow: bool = False
    requires: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


@dataclass
class Command:
    text: str
    output: list[str] = field(default_factory=list)


def blocks_of(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").split("\n")
    blocks, i = [], 0
    for n, line in enumerate(lines, 1):
        # An indented fence (inside a list item) would be read by no one here: none is allowed.
        assert not re.match(r"^\s+```", line), f"{page.name}:{n}: an indented fence; start it at the margin"
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, kind = i, m.group(1)
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        assert j < len(lines), f"{page.name}:{start + 1}: fence never closed"
        block = Block(page, start + 1, kind, lines[start + 1 : j])
        # The markers sit on the lines just above the fence, in any order.
        k = start - 1
        while k >= 0 and lines[k].startswith("<!--"):
            if nr := NOT_RUN.match(lines[k]):
                block.not_run = nr.group(1)
            elif SLOW.match(lines[k]):
                block.slow = True
            elif rq := REQUIRES.match(lines[k]):
                block.requires = tuple(rq.group(1).split())
            k -= 1
        blocks.append(block)
        i = j + 1
    return blocks


def commands_of(block: Block) -> list[Command]:
    commands: list[Command] = []
    lines = iter(block.body)
    for line in lines:
        if line.startswith("$ "):
            text = line[2:]
            while text.endswith("\\"):
                text += "\n" + next(lines)
            commands.append(Command(text))
        else:
            assert commands, f"{block.where}: output before the first `$ ` command: {line!r}"
            commands[-1].output.append(line)
    assert commands, f"{block.where}: a console block with no `$ ` command"
    return commands


def output_pattern(expected: list[str]) -> re.Pattern:
    """A regex for the shown output: `...` in a line is any text on it; a `...` line any lines."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(r"[^\n]*".join(re.escape(p) for p in line.rstrip().split("...")) + r"\n")
    return re.compile("".join(parts))


def normalised(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def run_console(block: Block, cwd: Path, env: dict) -> None:
    for command in commands_of(block):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command.text],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900,
        )
        shown = done.stdout
        assert done.returncode == 0, (
            f"{block.where}: `{command.text}` exited {done.returncode}\n{shown[-3000:]}"
        )
        expected = [line for line in command.output]
        while expected and not expected[-1].strip():
            expected.pop()
        if expected:
            got = normalised(shown)
            assert output_pattern(expected).fullmatch(got), (
                f"{block.where}: `{command.text}` printed\n{got[:3000]}\nwhere the page shows\n"
                + "\n".join(expected)
            )


def run_python(block: Block, cwd: Path, namespace: dict) -> None:
    code = compile("\n".join(block.body), block.where, "exec")
    here = os.getcwd()
    os.chdir(cwd)
    try:
        exec(code, namespace)
    finally:
        os.chdir(here)


def workdir(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    for name in LINKED:
        if (ROOT / name).exists():
            (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def environment() -> dict:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("CLEAN_ARTIFACTS", None)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    return env


def run_page(page: Path, tmp_path: Path, slow: bool) -> int:
    cwd, env, namespace, ran = workdir(tmp_path), environment(), {"__name__": "__docs__"}, 0
    for block in blocks_of(page):
        if block.kind not in RUN_KINDS or block.not_run is not None or (block.slow and not slow):
            continue
        missing = [m for m in block.requires if importlib.util.find_spec(m) is None]
        if missing:  # an optional extra (bench) that this environment lacks
            warnings.warn(f"{block.where} not run: {', '.join(missing)} not installed")
            continue
        if block.kind == "console":
            run_console(block, cwd, env)
        else:
            run_python(block, cwd, namespace)
        ran += 1
    return ran


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_fences_are_known(page):
    for block in blocks_of(page):
        assert block.kind in RUN_KINDS | SHOWN_KINDS, (
            f"{block.where}: fence ```{block.kind}: use console or python (run), text or json (shown)"
        )
        if block.not_run is not None:
            assert block.kind in RUN_KINDS, f"{block.where}: only console and python blocks are run"
            assert block.not_run, f"{block.where}: `not run` needs its reason"
        if block.kind == "console":
            commands_of(block)


# Each command is a process that imports clean (about a second on a busy machine), so a page of
# twenty commands is slow by this suite's measure; the README's few run in the quick loop too.
QUICK_PAGES = {ROOT / "README.md"}


@pytest.mark.parametrize("page", [p if p in QUICK_PAGES else pytest.param(p, marks=pytest.mark.slow)
                                  for p in PAGES], ids=page_id)
def test_page_examples(page, tmp_path):
    run_page(page, tmp_path, slow=False)


SLOW_PAGES = [p for p in PAGES if any(b.slow for b in blocks_of(p))]


@pytest.mark.slow
@pytest.mark.parametrize("page", SLOW_PAGES, ids=page_id)
def test_page_examples_with_slow_ones(page, tmp_path):
    run_page(page, tmp_path, slow=True)


def test_not_run_examples_are_few():
    """Most examples run: a page that stops running its examples fails here, not silently."""
    blocks = [b for p in PAGES for b in blocks_of(p) if b.kind in RUN_KINDS]
    skipped = [b.where for b in blocks if b.not_run is not None]
    assert len(skipped) * 4 <= len(blocks), f"{len(skipped)} of {len(blocks)} examples not run: {skipped}"


def test_readme_setup_commands_are_true():
    """README's two set-up commands: the test one is CI's, and what follows `pip install .` runs."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"^\$ pip install \. && (clean .+)$", text, re.M)
    second = re.search(r"^\$ (pip install .*python -m pytest.*)$", text, re.M)
    assert first and second, "README lost its set-up commands"

    def plain(command: str) -> str:  # CI's quiet flags change nothing a reader must type
        return re.sub(r"\s+--(?:quiet|locked)\b", "", command).strip()

    ci = {plain(line) for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()}
    for step in second.group(1).split(" && "):
        assert plain(step) in ci, f"README's `{step}` is not a step of .ci/run"
    done = subprocess.run(["bash", "-c", first.group(1)], cwd=ROOT, env=environment(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip(), done.stderr


def test_readme_is_a_front_door():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")
    assert len(lines) <= 110, f"README.md has {len(lines)} lines; the reference belongs in docs/"


def test_links_between_pages_resolve():
    for page in PAGES:
        for target in re.findall(r"\]\(((?!https?:)[^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page_id(page)}: link to missing {target}"


def test_matcher():
    assert output_pattern(["a ... c"]).fullmatch("a b c\n")
    assert output_pattern(["a", "...", "z"]).fullmatch("a\nb\nc\nz\n")
    assert output_pattern(["a", "...", "z"]).fullmatch("a\nz\n")
    assert not output_pattern(["a", "z"]).fullmatch("a\nb\nz\n")
    assert not output_pattern(["a ... c"]).fullmatch("a b\nc\n")
