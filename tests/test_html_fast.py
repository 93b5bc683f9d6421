"""The fast HTML path: --extractor resiliparse (clean.html_fast), library and command."""

import json

import pytest

pytest.importorskip("resiliparse")
pytest.importorskip("trafilatura")

from clean import Cleaner  # noqa: E402
from clean.html import HtmlInput, HtmlOptions, PageError, page_cleaner  # noqa: E402
from clean.html_fast import ResiliparseCleaner  # noqa: E402
from tests.test_cli import run  # noqa: E402
from tests.test_html import PARAGRAPHS, TITLE, article_page  # noqa: E402


@pytest.fixture(scope="module")
def pages():
    return page_cleaner(Cleaner(), HtmlOptions(extractor="resiliparse"))


def test_the_option_chooses_the_extractor(pages):
    assert isinstance(pages, ResiliparseCleaner)
    assert not isinstance(page_cleaner(Cleaner(), HtmlOptions()), ResiliparseCleaner)
    with pytest.raises(ValueError, match="extractor"):
        HtmlOptions(extractor="fast")


def test_the_article_is_kept_and_the_page_around_it_goes(pages):
    page = pages.clean(article_page())
    text = page.article.text
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "Home" not in text and "Copyright" not in text
    assert page.article.extractor == "resiliparse"
    # the headline the text opens with, taken out of the body, not the <title> with its site name
    assert page.article.title == TITLE and not text.startswith(TITLE)


def test_removals_point_into_the_extracted_text(pages):
    page = pages.clean(article_page())
    for removal in page.article.removed:
        assert 0 <= removal.start < removal.end <= len(page.source)


def test_a_page_in_another_encoding_is_decoded(pages):
    body = "<p>" + "Le conseil municipal a voté mardi l’extension de la ligne de tramway. " * 4 + "</p>"
    html = f'<html><head><meta charset="windows-1252"><title>Été</title></head><body><article>{body}</article></body></html>'
    page = pages.clean(html.encode("cp1252"))
    assert "a voté mardi l’extension" in page.article.text


def test_a_page_without_main_text_falls_back_to_its_full_text(pages):
    page = pages.clean("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert page.article.extractor == "fulltext"
    assert any("fallback" in note for note in page.article.notes)


def test_another_language_is_rejected(pages):
    fast = ResiliparseCleaner(Cleaner(), HtmlOptions(extractor="resiliparse", target_lang="de"))
    page = fast.clean(article_page())
    assert page.article.text == "" and page.article.notes[0].startswith("rejected: not in 'de'")


def test_binary_data_is_refused(pages):
    with pytest.raises(PageError, match="binary"):
        pages.clean(b"\x00\x01\x02" * 100)


def test_a_few_stray_nul_bytes_are_dropped_and_counted_as_on_the_default_path(pages):
    html = article_page().encode()
    cut = html.index(b"<p>") + 3
    page = pages.clean(html[:cut] + b"\x00\x00" + html[cut:])
    assert page.nul_bytes == 2
    assert all(paragraph in page.article.text for paragraph in PARAGRAPHS)


def test_detected_html_goes_the_fast_path():
    html = HtmlInput(Cleaner(), HtmlOptions(extractor="resiliparse"))
    assert html.wants(article_page())
    assert html.clean(article_page()).article.extractor == "resiliparse"


def test_command(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    out = json.loads(run("--extractor", "resiliparse", "--format", "json", path).stdout)
    assert out["extractor"] == "resiliparse"
    assert PARAGRAPHS[0] in out["body"][0] or PARAGRAPHS[0] in "\n".join(out["body"])


def test_command_refuses_an_unknown_extractor(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    proc = run("--extractor", "fast", path, check_code=2)
    assert b"--extractor" in proc.stderr


def test_the_comment_section_is_left_out_unless_asked_for():
    comments = ('<section id="comments" class="comments"><h3>3 comments</h3><div class="comment"><p>Marvellous '
                'news for everyone who lives up north, finally a bus after midnight that runs often.</p></div>'
                '</section><h2>Related stories</h2>')
    page = article_page().replace("<h2>Related stories</h2>", comments)
    left_out = page_cleaner(Cleaner(), HtmlOptions(extractor="resiliparse")).clean(page)
    asked = page_cleaner(Cleaner(), HtmlOptions(extractor="resiliparse", include_comments=True)).clean(page)
    assert "Marvellous" not in left_out.source and "Marvellous" in asked.source
    assert left_out.article.text.startswith(PARAGRAPHS[0][:40]) and PARAGRAPHS[-1] in left_out.article.text


def test_a_page_given_as_text_is_parsed_as_that_text(pages):
    """A JSONL record's page is text already: its charset declaration no longer applies."""
    page = article_page().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace(PARAGRAPHS[0], PARAGRAPHS[0] + " Norway’s café")
    as_text = pages.clean(page)
    assert "Norway’s café" in as_text.article.text
    assert pages.clean(page.encode("cp1252")).article.text == as_text.article.text  # as served
    with_surrogate = pages.clean(page.replace("Norway’s", "Norway\ud800s"))  # a lone surrogate is replaced
    assert "Norway\ufffd\ufffd\ufffds café" in with_surrogate.article.text


def test_a_page_given_as_text_is_checked_as_bytes_are(pages):
    from clean.html import MAX_PAGE_BYTES

    html = article_page()
    cut = html.index("<p>") + 3
    page = pages.clean(html[:cut] + "\x00\x00" + html[cut:])
    assert page.nul_bytes == 2 and all(paragraph in page.article.text for paragraph in PARAGRAPHS)
    assert pages.clean(html).nul_bytes == 0
    with pytest.raises(PageError, match="binary"):
        pages.clean("\x00\x01\x02" * 100)
    with pytest.raises(PageError, match="too large"):
        pages.clean("<p>" + "é" * (MAX_PAGE_BYTES // 2))  # fewer characters than the limit, more bytes
