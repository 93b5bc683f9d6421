import json
from pathlib import Path

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
