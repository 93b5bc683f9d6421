"""The `clean report` page: one HTML file holding its data, its style and its script.

The data goes in once, as JSON in a `<script type="application/json">` block that no browser
runs; every `<`, `>` and `&` in it is written as a JSON escape, so no text of the input can close
the block or open a tag. The page's one script builds the view from that data with DOM calls
that take text as text (textContent, createTextNode), never as markup. A Content-Security-Policy
allows nothing but that script (by a nonce drawn for each page) and its style sheet: no network,
no other script, no inline handler, so even a mistake in the escaping would run nothing.
"""

from __future__ import annotations

import json
import re
import secrets
from importlib import resources

_PLACEHOLDER = re.compile(r"\{\{(NONCE|DATA)\}\}")
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ESCAPE = re.compile("[<>&\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def data_json(data: dict) -> str:
    """`data` as JSON safe inside a script block. Characters outside JSON syntax (in strings)
    are the only place `<`, `>` or `&` can be, so escaping them everywhere keeps the value. A
    lone surrogate (from escaped or invalid input) cannot be written as UTF-8: it is shown as
    U+FFFD."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = _SURROGATE.sub("\ufffd", text)
    return _ESCAPE.sub(lambda m: _UNSAFE[m.group()], text)


def template() -> str:
    return resources.files("clean").joinpath("data/report.html").read_text(encoding="utf-8")


def render_page(data: dict, nonce: str | None = None) -> str:
    """The page for `data` (see `report.Collector.data`)."""
    nonce = nonce or secrets.token_urlsafe(18)
    values = {"NONCE": nonce, "DATA": data_json(data)}
    # One pass over the template: a placeholder's name inside the data is never substituted.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template())


def page_data(page: str) -> dict:
    """The data embedded in a page (for tests and tools that read reports)."""
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    if m is None:
        raise ValueError("no report data in the page")
    return json.loads(m.group(1))
