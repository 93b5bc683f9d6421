import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# The suite's property tests draw the same examples on every run, so a pass or a failure is the
# code's and not the draw's; HYPOTHESIS_PROFILE=explore draws new ones each run, to look further
# (the atheris harnesses in fuzz/ are for long searches).
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

FIXTURES = Path(__file__).parent / "fixtures"


def load_cases():
    """Every fixture case: tests/fixtures/seeds.json and tests/fixtures/cases/*.json."""
    cases = []
    for path in [FIXTURES / "seeds.json", *sorted((FIXTURES / "cases").glob("*.json"))]:
        for n, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            if "input_file" in case:
                case["input"] = (FIXTURES / case["input_file"]).read_text(encoding="utf-8")
            case["id"] = f"{path.stem}[{n}] {case['label']}"
            cases.append(case)
    return cases


@pytest.fixture(params=["fastwarc", "warcio"])
def warc_reader(request, monkeypatch):
    """A WARC test taking this fixture runs once per reader: the command reads the variable."""
    if request.param == "fastwarc":
        pytest.importorskip("fastwarc")  # the resiliparse extra
    monkeypatch.setenv("CLEAN_WARC_READER", request.param)
    return request.param
