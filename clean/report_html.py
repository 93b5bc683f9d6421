"""The `clean report` page: one HTML file holding its data, its style and its script.

The data goes in once, as JSON in two `<script type="application/json">` blocks (the figures,
and the sampled documents) that no browser runs; every `<`, `>` and `&` in it is written as a
JSON escape, so no text of the input can close the block or open a tag. The page's one script builds the view from that data with DOM calls
that take text as text (textContent, createTextNode), never as markup. A Content-Security-Policy
allows nothing but that script (by a nonce drawn for each page) and its style sheet: no network,
no other script, no inline handler, so even a mistake in the escaping would run nothing.
"""

from __future__ import annotations

import io
import json
import re
import secrets
from importlib import resources
from typing import BinaryIO

_PLACEHOLDER = re.compile(r"\{\{(NONCE|DATA|SAMPLE)\}\}")
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


def write_page(stream: BinaryIO, data: dict, sample: list[str], nonce: str | None = None) -> None:
    """Write the page for `data` (see `report.Collector.data`) and the sampled documents, each
    already written by `data_json`, to a binary stream, one piece at a time: the page of a
    large sample is never held whole in memory."""
    nonce = nonce or secrets.token_urlsafe(18)
    # One pass over the template: a placeholder's name inside the data is never substituted.
    for n, piece in enumerate(_PLACEHOLDER.split(template())):
        if n % 2 == 0:  # the template's own text; odd pieces are the placeholders' names
            stream.write(piece.encode("utf-8"))
        elif piece == "NONCE":
            stream.write(nonce.encode())
        elif piece == "DATA":
            stream.write(data_json(data).encode("utf-8"))
        elif piece == "SAMPLE":
            stream.write(b"[")
            for n, doc in enumerate(sample):
                stream.write(b"," + doc.encode("utf-8") if n else doc.encode("utf-8"))
            stream.write(b"]")


def render_page(data: dict, sample: list[str], nonce: str | None = None) -> str:
    """The page as a string (for tests and small reports)."""
    out = io.BytesIO()
    write_page(out, data, sample, nonce)
    return out.getvalue().decode("utf-8")


def page_data(page: str) -> dict:
    """The data embedded in a page, with its sampled documents under "sample" (for tests and
    tools that read reports)."""
    blocks = {}
    for name in ("report-data", "report-sample"):
        m = re.search(f'<script type="application/json" id="{name}">(.*?)</script>', page, re.S)
        if m is None:
            raise ValueError(f"no {name} in the page")
        blocks[name] = json.loads(m.group(1))
    return {**blocks["report-data"], "sample": blocks["report-sample"]}
