"""`clean report` in a real browser: Debian's headless Chromium, driven by selenium, opens a page
the command wrote, and the charts, the sample, the filters and the escaping are checked as a
reader meets them. A screenshot goes to $CLEAN_ARTIFACTS (default: a temporary folder).

Skipped when chromium, chromedriver or selenium is missing, except when CI is set: there a
missing browser fails the run, so that CI cannot pass without having run it.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from sites import corpus
from test_cli import run
from test_report import HOSTILE_IMG, HOSTILE_SCRIPT

from clean.report_html import page_data

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOSTILE_HOST = "hostile.test"

pytestmark = pytest.mark.slow


def _missing() -> list[str]:
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install '.[test]')")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            missing.append(f"{path} (apt-get install {package})")
    return missing


def artifacts() -> Path:
    folder = Path(os.environ.get("CLEAN_ARTIFACTS") or Path(tempfile.gettempdir()) / "clean-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        reason = "the browser test needs " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so it is not skipped")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM  # with the driver's path given too, selenium-manager has nothing to fetch
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                     "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_OFFLINE", "true")  # and should it be asked anyway, it stays offline
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def hostile_records() -> list[dict]:
    lines = [f"A reader wrote {HOSTILE_SCRIPT} in the comment box of the council's page today.",
             f"The markup {HOSTILE_IMG} was printed as text by the extractor, and it must stay text.",
             "The council voted on Tuesday to keep the library open for another year, its chair said."]
    return [{"id": f"hostile-{n}<b>", "url": f"https://{HOSTILE_HOST}/{n}?q={HOSTILE_IMG}",
             "text": "Advertisement\n" + "\n\n".join(lines) + "\nShare this article"} for n in range(3)]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    records = [{k: r[k] for k in ("id", "url", "text")} for r in corpus(docs_per_site=20)] + hostile_records()
    raw = folder / "raw.jsonl"
    raw.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = folder / "report.html"
    run("report", raw, "-o", out, "--sample", "1000")
    shutil.copy(out, artifacts() / "report.html")
    return out, page_data(out.read_text(encoding="utf-8")), len(records)


@pytest.fixture(scope="module")
def opened(browser, page):
    from selenium.webdriver.support.ui import WebDriverWait

    path, data, count = page
    browser.get(path.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))
    return browser, data, count


def cards(driver) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "#doc-list article.doc")


def card_numbers(driver) -> list[int]:
    return [int(c.get_attribute("data-n")) for c in cards(driver)]


def test_charts_and_sample_render(opened):
    from selenium.webdriver.common.by import By

    driver, data, count = opened
    reasons = [r for r in data["reasons"] if r["spans"]]
    assert len(reasons) >= 3
    assert len(driver.find_elements(By.CSS_SELECTOR, "#reason-chart a.row")) == len(reasons)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#source-chart a.row")) == min(25, len(data["sources"]))
    assert len(cards(driver)) == 50 and len(data["sample"]) == count
    assert f"documents 1–50 of {count}" in driver.find_element(By.ID, "pager-top").text
    # the documents that lost the largest share of their text come first
    shares = {d["n"]: d["share"] for d in data["sample"]}
    numbers = card_numbers(driver)
    shown = [shares[n] for n in numbers]
    assert shown == sorted(shown, reverse=True) and shown[0] == max(shares.values())
    # every removed span of a shown document is in place, struck through, with its reason on hover
    first = next(d for d in data["sample"] if d["n"] == numbers[0])
    marks = cards(driver)[0].find_elements(By.CSS_SELECTOR, "del.rm")
    names = [r["name"] for r in data["reasons"]]
    assert {m.get_attribute("title") for m in marks} == {names[r] for _, r in first["seg"] if r >= 0}
    assert marks[0].value_of_css_property("text-decoration-line") == "line-through"


def test_filters_change_the_documents_shown(opened):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver, data, count = opened
    names = [r["name"] for r in data["reasons"]]
    before = card_numbers(driver)
    # choose a reason: only the documents with such a removal are left
    counts = {}
    for d in data["sample"]:
        for r in d["r"]:
            counts[r] = counts.get(r, 0) + 1
    reason = min((r for r in counts if counts[r] < 50), key=lambda r: (counts[r], r))
    Select(driver.find_element(By.ID, "f-reason")).select_by_value(str(reason))
    shown = card_numbers(driver)
    assert len(shown) == counts[reason] and shown != before
    for card in cards(driver):
        assert card.find_elements(By.CSS_SELECTOR, f'del.rm[data-reason="{names[reason]}"]')
    # click a source's bar: its documents, and the reason filter is reset
    bar = driver.find_element(By.CSS_SELECTOR, f'#source-chart a.row[data-value="{HOSTILE_HOST}"]')
    bar.click()
    assert Select(driver.find_element(By.ID, "f-source")).first_selected_option.get_attribute("value") == HOSTILE_HOST
    assert Select(driver.find_element(By.ID, "f-reason")).first_selected_option.get_attribute("value") == ""
    assert sorted(card_numbers(driver)) == sorted(d["n"] for d in data["sample"] if d["src"] == HOSTILE_HOST)
    # click a reason's bar: its examples
    advert = names.index("advert")
    driver.find_element(By.CSS_SELECTOR, f'#reason-chart a.row[data-value="{advert}"]').click()
    assert Select(driver.find_element(By.ID, "f-reason")).first_selected_option.get_attribute("value") == str(advert)
    assert sorted(card_numbers(driver)) == sorted(d["n"] for d in data["sample"] if advert in d["r"])
    # the kept body is a view of its own
    driver.find_element(By.CSS_SELECTOR, '#f-view button[data-view="kept"]').click()
    assert not driver.find_elements(By.CSS_SELECTOR, "#doc-list del.rm")
    assert driver.find_elements(By.CSS_SELECTOR, "#doc-list .text.kept")
    driver.find_element(By.CSS_SELECTOR, '#f-view button[data-view="marked"]').click()


def test_hostile_input_runs_nothing_and_reads_as_text(opened):
    from selenium.webdriver.common.by import By

    driver, data, count = opened
    driver.find_element(By.CSS_SELECTOR, f'#source-chart a.row[data-value="{HOSTILE_HOST}"]').click()
    assert driver.title == "clean report"
    assert driver.execute_script("return typeof window.PWNED") == "undefined"
    assert driver.execute_script("return document.images.length") == 0
    assert driver.execute_script("return document.scripts.length") == 3  # two of them data
    texts = [c.text for c in cards(driver)]
    assert len(texts) == 3
    for text in texts:
        assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text and "hostile-" in text
    # nothing the page does is refused by its own Content-Security-Policy, and nothing failed
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_screenshot(opened):
    driver, data, count = opened
    driver.execute_script("window.scrollTo(0, 0)")
    height = min(6000, driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(1280, height)
    target = artifacts() / "report.png"
    assert driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000


def test_cleaned_records_without_their_raw_input(browser, tmp_path):
    """Without --original the page says the removed text needs it, and lists the spans."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    raw = tmp_path / "raw.jsonl"
    raw.write_text("".join(json.dumps(r) + "\n" for r in hostile_records()), encoding="utf-8")
    cleaned = tmp_path / "clean.jsonl"
    cleaned.write_bytes(run("--jsonl", raw).stdout)
    out = tmp_path / "report.html"
    run("report", cleaned, "-o", out)
    browser.get(out.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))
    assert "--original" in browser.find_element(By.ID, "notes").text
    assert len(cards(browser)) == 3 and not browser.find_elements(By.CSS_SELECTOR, "del.rm")
    summaries = browser.find_elements(By.CSS_SELECTOR, "#doc-list details.spans summary")
    assert [s.text.split(" ")[:3] for s in summaries] == [["2", "spans", "removed:"]] * 3
    assert all(HOSTILE_SCRIPT in c.text for c in cards(browser))
    assert browser.execute_script("return typeof window.PWNED") == "undefined"
