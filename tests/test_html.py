"""HTML pages, JSONL records carrying HTML and WARC files: library and command."""

import gzip
import io
import json
import threading
import time

import pytest

# trafilatura, BeautifulSoup and warcio are dependencies: an installation without them is broken,
# and its HTML tests fail rather than skip.
from clean import Cleaner
from clean.html import (
    HtmlCleaner, HtmlOptions, PageError, PageIndex, PageTimeout, looks_like_html, page_residue,
    run_with_limit,
)
from tests.test_cli import run

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the northern tram line by six kilometres, "
    "ending a debate that had divided residents of the outer districts for almost a decade.",
    "Supporters said the extension would cut commuting times for about forty thousand people, "
    "while opponents argued that the money should have gone to bus routes that already exist.",
    "Construction is expected to begin next spring and to last three years, according to the "
    "transport department, which will publish a detailed schedule before the end of the month.",
    "The mayor said the decision showed that the council could still agree on large projects, "
    "and promised that local businesses would be compensated for the disruption during the works.",
]
TITLE = "Council approves tram extension after decade of debate"


def article_page(title=TITLE, paragraphs=PARAGRAPHS, related=True, doctype=True) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    links = ""
    if related:
        links = "".join(
            f'<p><a href="/news/{n}">Another story about the city number {n} and its people</a></p>'
            for n in range(1, 5))
    return (("<!DOCTYPE html>\n" if doctype else "") +
            f"""<html lang="en"><head><meta charset="utf-8"><title>{title} | City Times</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="City Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-19T08:00:00Z">
<link rel="canonical" href="https://example.com/news/tram-extension">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
<h2>Related stories</h2>
{links}
</article>
<footer><p>Copyright 2019 City Times. All rights reserved.</p></footer>
</body></html>""")


@pytest.fixture(scope="module")
def pages():
    return HtmlCleaner()


# --- detection ------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body>x</body></html>",
    b"  \n<!doctype HTML>\n<html>",
    b"\xef\xbb\xbf<html lang='en'><head>",
    b"<!-- saved page -->\n<html>",
    b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN'>",
    "\ufeff<!DOCTYPE html>".encode("utf-16-le"),
    "<!DOCTYPE html><p>caf\u00e9</p>",
])
def test_html_documents_are_detected(data):
    assert looks_like_html(data)


@pytest.mark.parametrize("data", [
    b"The <b>council</b> voted on Tuesday.",
    b"<p>A fragment is not a page</p>",
    b"html is a markup language",
    b"",
    b"<?xml version='1.0'?><rss></rss>",
])
def test_text_with_tags_is_not_taken_for_html(data):
    assert not looks_like_html(data)


# --- the library ----------------------------------------------------------------------------------

def test_page_gives_body_and_merged_metadata(pages):
    page = pages.clean(article_page())
    a = page.article
    assert a.body == tuple(PARAGRAPHS)
    assert a.title == TITLE
    assert a.byline == "Jane Doe"
    assert a.date == "2019-11-19"
    assert a.sitename == "City Times"
    assert a.url == "https://example.com/news/tram-extension"
    assert a.extractor == "trafilatura" and a.notes == ()
    meta = a.metadata()
    assert meta["extractor"] == "trafilatura" and meta["url"] == a.url


def test_removals_point_into_the_extracted_text(pages):
    page = pages.clean(article_page())
    reasons = {r.reason for r in page.article.removed}
    assert {"title", "related"} <= reasons
    kept = page.source
    for r in sorted(page.article.removed, key=lambda r: -r.start):
        kept = kept[:r.start] + kept[r.end:]
    # What is left of the source once every removal is cut is exactly the body, spaces aside.
    assert " ".join(kept.split()) == " ".join(" ".join(page.article.body).split())


def test_metadata_title_removes_the_headline_line():
    anchors = PageIndex({}, {})
    text = f"{TITLE}\n{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}"
    cuts = page_residue(text, TITLE + " | City Times", anchors, frozenset({"title"}))
    assert cuts == [(0, len(TITLE), "title")]
    # A first line that is prose is not taken for a headline, whatever the metadata says.
    assert page_residue(f"{PARAGRAPHS[0]}\n{TITLE}", TITLE, anchors, frozenset({"title"})) == []


def test_standfirst_in_a_heading_goes_with_the_headline(pages):
    dek = "The northern line will reach the outer districts by 2024, the council decided."
    page = article_page(related=False).replace(
        f"<h1>{TITLE}</h1>", f"<header><h1>{TITLE}</h1><h2 class='sub-head'>{dek}</h2></header>").replace(
        "<link rel", f'<meta property="og:description" content="{dek}">\n<link rel')
    a = pages.clean(page).article
    assert a.body == tuple(PARAGRAPHS) and a.title == TITLE
    # The same description on a lead paragraph (a <p>) is article text and stays.
    lead = article_page(related=False).replace(
        "<link rel", f'<meta property="og:description" content="{PARAGRAPHS[0]}">\n<link rel')
    assert pages.clean(lead).article.body == tuple(PARAGRAPHS)


def test_link_lists_are_related_at_the_end_or_when_long():
    import lxml.html

    links = [f"Story number {n} about something else entirely" for n in range(5)]
    tree = lxml.html.fromstring("<div>" + "".join(f"<a href='/{n}'>{t}</a>" for n, t in enumerate(links)) + "</div>")
    anchors = PageIndex.of(tree)
    enabled = frozenset({"related"})
    text = "\n".join([PARAGRAPHS[0], *links[:2]])
    assert [r for _, _, r in page_residue(text, None, anchors, enabled)] == ["related", "related"]
    # Two link lines inside the text are kept; three are a list.
    text = "\n".join([PARAGRAPHS[0], *links[:2], PARAGRAPHS[1]])
    assert page_residue(text, None, anchors, enabled) == []
    text = "\n".join([PARAGRAPHS[0], *links[:3], PARAGRAPHS[1]])
    assert len(page_residue(text, None, anchors, enabled)) == 3
    # A teaser line (the link's text, then its standfirst) is a link line too.
    text = "\n".join([PARAGRAPHS[0], f"- {links[3]} What happened next", links[4]])
    assert len(page_residue(text, None, anchors, enabled)) == 2
    # Teasers closing the text: a headline link, then a standfirst that is no link.
    teasers = [f"- {link} and what the people living there have to say about it" for link in links[:3]]
    text = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], *teasers])
    assert [r for _, _, r in page_residue(text, None, anchors, enabled)] == ["related"] * 3
    assert page_residue("\n".join([PARAGRAPHS[0], *teasers[:2]]), None, anchors, enabled) == []
    # With the reason switched off nothing is cut.
    assert page_residue(text, None, anchors, frozenset()) == []


SECOND_HALF = [
    "Residents of the northern districts welcomed the vote, though several shop owners along the "
    "planned route said they feared a long period of roadworks outside their doors.",
    "Engineers from the transport department will survey the route during the winter, and the "
    "first contracts are due to be signed before the summer holidays begin.",
    "Opposition members promised to follow the costs closely and asked for a public report on "
    "the progress of the works every six months until the line opens.",
]


def test_a_body_split_over_several_elements_is_taken_whole(pages):
    half = lambda ps: '<div class="article-body">' + "".join(f"<p>{p}</p>" for p in ps) + "</div>"
    html = (f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><main>"
            f'<div class="grid">{half(PARAGRAPHS)}<aside class="rail"><div class="ad">Advertisement</div></aside></div>'
            '<div class="row ad-row"><span>Advertisement</span></div>'
            f'<div class="grid">{half(SECOND_HALF)}</div></main><footer><p>Copyright</p></footer></body></html>')
    page = pages.clean(html)
    assert page.article.body == tuple(PARAGRAPHS + SECOND_HALF)
    # trafilatura keeps the first half only; the second is taken in, and the note says so.
    assert page.article.notes == ("continued: 3 paragraphs from the rest of a body split over several elements",)
    assert page.source.endswith(SECOND_HALF[-1])


def test_boxes_inside_the_article_named_for_residue(pages):
    box = ('<div class="story-cta"><p>Get the best of the city in your inbox every '
           'morning, with the stories our editors pick for you.</p></div>')
    html = article_page(related=False).replace(f"<p>{PARAGRAPHS[1]}</p>", f"<p>{PARAGRAPHS[1]}</p>{box}")
    page = pages.clean(html)
    assert page.article.body == tuple(PARAGRAPHS)
    assert "newsletter" in {r.reason for r in page.article.removed}


def test_keep_switches_off_page_residue_too():
    page = HtmlCleaner(Cleaner(keep=["related", "headline"])).clean(article_page())
    assert not {"title", "related"} & {r.reason for r in page.article.removed}
    assert "Another story about the city number 1" in page.article.text


def test_fallback_to_full_text_when_trafilatura_finds_nothing():
    html = ("<html><body><div id='footer'>" + " ".join(PARAGRAPHS) + "</div>"
            "<div id='footer2'><a href='/'>Home</a></div></body></html>")
    # In its balanced mode trafilatura takes a page holding nothing but a footer for empty.
    page = HtmlCleaner(options=HtmlOptions(favor="balanced")).clean(html)
    a = page.article
    assert a.extractor == "fulltext"
    assert a.notes and a.notes[0].startswith("fallback: trafilatura found no main text")
    assert "tram line" in a.text
    assert a.metadata()["notes"] == list(a.notes)


def test_fallback_when_trafilatura_fails(monkeypatch, pages):
    import trafilatura.core

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura.core, "bare_extraction", broken)
    page = pages.clean(article_page())
    assert page.article.extractor == "fulltext"
    assert "trafilatura failed (RecursionError)" in page.article.notes[0]
    assert PARAGRAPHS[0] in page.article.text


def test_options_pass_through():
    with_tables = "<table><tr><td>Line 7</td><td>Northern terminus to the airport, opening in 2024</td></tr></table>"
    html = article_page(paragraphs=PARAGRAPHS[:2] + [with_tables] + PARAGRAPHS[2:], related=False)
    html = html.replace("<p><table>", "<table>").replace("</table></p>", "</table>")
    assert "Northern terminus" in HtmlCleaner().clean(html).article.text
    no_tables = HtmlCleaner(options=HtmlOptions(include_tables=False)).clean(html).article.text
    assert "Northern terminus" not in no_tables and PARAGRAPHS[0] in no_tables
    rejected = HtmlCleaner(options=HtmlOptions(target_lang="de")).clean(article_page()).article
    assert rejected.body == () and "language" in rejected.notes[0]
    with pytest.raises(ValueError):
        HtmlOptions(favor="maybe")


# --- hostile pages --------------------------------------------------------------------------------

@pytest.mark.slow
def test_deeply_nested_page_ends_quickly(pages):
    html = b"<html><body>" + b"<div>" * 100_000 + b"Deep text at the bottom of the page." + b"</div>" * 100_000 + b"</body></html>"
    started = time.monotonic()
    page = pages.clean(html)
    assert time.monotonic() - started < 30
    assert page.article.extractor in ("trafilatura", "fulltext")


@pytest.mark.slow
def test_huge_page(pages):
    html = article_page(paragraphs=PARAGRAPHS * 1500, related=False)  # about 1 MB
    started = time.monotonic()
    page = pages.clean(html)
    assert time.monotonic() - started < 60
    assert PARAGRAPHS[0] in page.article.text


def test_not_html_at_all(pages):
    page = pages.clean("\n".join(PARAGRAPHS))
    assert page.article.extractor == "fulltext"
    assert "not an HTML document" in page.article.notes[0]
    assert PARAGRAPHS[0] in page.article.text


def test_binary_junk_is_refused(pages):
    import random

    rng = random.Random(5)  # one generator: a new one per byte would give one byte value repeated
    junk = bytes(rng.randrange(256) for _ in range(50_000)) + b"\x00"
    with pytest.raises(PageError, match="binary"):
        pages.clean(junk)


def test_oversized_page_is_refused(pages, monkeypatch):
    import clean.html

    monkeypatch.setattr(clean.html, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(PageError, match="too large"):
        pages.clean(article_page())


def test_time_limit_in_the_main_thread_and_elsewhere():
    def slow():
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pass

    started = time.monotonic()
    with pytest.raises(PageTimeout):
        run_with_limit(slow, 0.2)
    assert time.monotonic() - started < 5
    assert run_with_limit(lambda: 42, 5) == 42

    outcome = []

    def worker():
        try:
            run_with_limit(lambda: time.sleep(3), 0.2)
        except PageTimeout:
            outcome.append("timeout")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert outcome == ["timeout"]


def test_page_over_its_time_limit_raises(pages, monkeypatch):
    slow = HtmlCleaner(options=HtmlOptions(page_timeout=0.05))
    monkeypatch.setattr(slow, "_clean", lambda page, url: time.sleep(5))
    with pytest.raises(PageTimeout):
        slow.clean(article_page())


# --- the command ----------------------------------------------------------------------------------

def test_html_file_and_auto_detection(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    expected = "\n\n".join(PARAGRAPHS) + "\n"
    assert run(path).stdout.decode() == expected  # detected
    assert run("--html", path).stdout.decode() == expected
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert run(packed).stdout.decode() == expected
    # --no-html cleans the markup as text: the tags stay.
    assert "<p>" in run("--no-html", path).stdout.decode()


def test_html_on_stdin_and_json_format():
    data = article_page().encode()
    assert run("-", stdin=data).stdout.decode() == "\n\n".join(PARAGRAPHS) + "\n"
    obj = json.loads(run("--format", "json", "-", stdin=data).stdout)
    assert obj["title"] == TITLE and obj["extractor"] == "trafilatura"
    assert obj["url"] == "https://example.com/news/tram-extension"
    for start, end, reason in obj["removed"]:
        assert obj["extracted"][start:end].strip()
    explained = run("--explain", "--no-color", "-", stdin=data).stdout.decode()
    assert "- title" in explained and "- related" in explained


def test_page_without_doctype_needs_html_flag():
    html = article_page(doctype=False).replace('<html lang="en">', "<div>")
    fragment = html[html.index("<div>"):]
    assert "<p>" not in run("--html", "-", stdin=fragment.encode()).stdout.decode()


def test_binary_page_with_html_flag_exits_2():
    proc = run("--html", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100, check_code=2)
    assert b"binary" in proc.stderr and b"Traceback" not in proc.stderr


def _guarded_sleep(catch):
    def work():
        for _ in range(20):
            try:
                time.sleep(0.05)
            except catch:
                pass
        return "finished"
    return work


# Extractors wrap their steps in `except Exception`; the limit must still stop the page, and
# work that swallows even BaseException is still reported as over its limit.
@pytest.mark.parametrize("catch", [Exception, BaseException])
def test_time_limit_is_not_swallowed_by_a_catch_all_in_the_work(catch):
    with pytest.raises(PageTimeout):
        run_with_limit(_guarded_sleep(catch), 0.1)


def test_page_timeout_option_skips_with_a_warning(tmp_path):
    path = tmp_path / "nested.html"
    path.write_bytes(b"<html><body>" + b"<div><span>" * 60_000 + b"x" + b"</span></div>" * 60_000)
    proc = run("--page-timeout", "0.01", path)
    assert b"longer than" in proc.stderr and b"Traceback" not in proc.stderr


def test_jsonl_records_carrying_html():
    records = [
        {"id": 1, "url": "https://example.com/a", "html": article_page()},
        {"id": 2, "text": "A plain text record.\n\nIt is cleaned as text.", "html": "<p>ignored</p>"},
        {"id": 3, "html": ["not", "a", "string"]},
    ]
    stdin = "\n".join(json.dumps(r) for r in records).encode() + b"\n"
    proc = run("--jsonl", stdin=stdin)
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert first["text"] == "\n\n".join(PARAGRAPHS)
    assert first["html"] == records[0]["html"]  # other fields pass through
    assert first["metadata"]["clean"]["title"] == TITLE
    assert first["metadata"]["clean"]["extractor"] == "trafilatura"
    second = json.loads(lines[1])
    assert second["text"] == "A plain text record.\n\nIt is cleaned as text."
    assert "extractor" not in second["metadata"]["clean"]
    assert json.loads(lines[2]) == records[2]  # no text, no HTML: passed through
    assert b":3: no string field 'text'" in proc.stderr


def test_jsonl_html_flag_and_key():
    records = [{"id": 1, "page": article_page(), "text": "old"}, {"id": 2, "text": "no page here"}]
    stdin = "\n".join(json.dumps(r) for r in records).encode() + b"\n"
    proc = run("--jsonl", "--html", "--html-key", "page", stdin=stdin)
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert lines[0]["text"] == "\n\n".join(PARAGRAPHS)
    assert lines[1] == records[1]
    assert b":2: no string field 'page'" in proc.stderr
    strict = run("--jsonl", "--html", "--html-key", "page", "--strict", stdin=stdin, check_code=1)
    assert b"Traceback" not in strict.stderr


def test_jsonl_binary_html_is_passed_through():
    stdin = json.dumps({"id": 1, "html": "\x00\x01\x02 junk"}).encode() + b"\n"
    proc = run("--jsonl", "--html", stdin=stdin)
    assert json.loads(proc.stdout) == {"id": 1, "html": "\x00\x01\x02 junk"}
    assert b"binary" in proc.stderr


def write_warc(path, pages):
    """A gzip WARC with a warcinfo record and, per page, a request and a response record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "clean tests"}))
        for url, status, mime, body in pages:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.com")], is_http_request=True))
            writer.write_record(request)
            headers = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Not Found'}",
                                       [("Content-Type", mime)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_file(tmp_path, warc_reader):
    warc = tmp_path / "crawl.warc.gz"
    second = [p.replace("tram", "ferry") for p in PARAGRAPHS]
    write_warc(warc, [
        ("https://example.com/a", 200, "text/html; charset=utf-8", article_page().encode()),
        ("https://example.com/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("https://example.com/b", 200, "text/html", article_page("Ferry service resumes", second).encode()),
        ("https://example.com/gone", 404, "text/html", b"<html><body>Not found</body></html>"),
    ])
    proc = run("--warc", warc)
    lines = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["url"] for r in lines] == ["https://example.com/a", "https://example.com/b"]
    assert lines[0]["text"] == "\n\n".join(PARAGRAPHS)
    assert lines[1]["text"] == "\n\n".join(second)
    assert lines[1]["metadata"]["clean"]["title"] == "Ferry service resumes"
    for r in lines:
        assert r["warc_record_id"].startswith("<urn:uuid:") and r["date"]
    summary = proc.stderr.decode()
    assert "4 WARC responses read, 2 HTML pages cleaned" in summary
    assert "not-html=1" in summary and "status-404=1" in summary


def test_warc_not_a_warc(tmp_path, warc_reader):
    path = tmp_path / "x.warc"
    path.write_text("\n".join(PARAGRAPHS))
    proc = run("--warc", path, check_code=2)
    assert b"not a WARC file" in proc.stderr and b"Traceback" not in proc.stderr
    proc = run("--warc", tmp_path / "missing.warc.gz", check_code=2)
    assert b"Traceback" not in proc.stderr
