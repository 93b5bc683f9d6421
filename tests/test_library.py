"""The library surface: clean_text, Cleaner options, the immutable Article."""

import dataclasses
from pathlib import Path

import pytest

from clean import REASONS, Article, Cleaner, Removal, clean_text

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
XINHUA = (SEEDS / "000_59105e75d0756e0d.txt").read_text(encoding="utf-8")
AP = (SEEDS / "004_c910254738e46e95.txt").read_text(encoding="utf-8")


def test_article_is_immutable():
    article = clean_text(AP)
    assert isinstance(article, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"  # type: ignore[misc]
    assert isinstance(article.body, tuple) and isinstance(article.removed, tuple)
    assert all(isinstance(r, Removal) for r in article.removed)


def test_removed_reasons_are_documented_codes():
    reference = (Path(__file__).parent.parent / "docs" / "reasons.md").read_text(encoding="utf-8")
    for text in (XINHUA, AP):
        for r in clean_text(text).removed:
            assert r.reason in REASONS
            assert f"`{r.reason}`" in reference


def test_keep_captions_leaves_them_in_the_body():
    default = clean_text(AP)
    kept = Cleaner(keep={"captions"}).clean(AP)
    assert "(AP Photo)" not in default.text and "(AP Photo)" in kept.text
    assert default.captions and not {r.reason for r in kept.removed} & {"caption", "credit"}


def test_drop_dateline_cuts_it_and_keeps_it_as_metadata():
    article = Cleaner(drop={"dateline"}).clean(XINHUA)
    assert article.dateline == "QARA, Syria, Aug. 29 (Xinhua) --"
    assert article.text.startswith("Livid with shock")


def test_unknown_reason_is_refused():
    with pytest.raises(ValueError, match="unknown reason"):
        Cleaner(keep={"nonsense"})
    with pytest.raises(ValueError):
        Cleaner(mode="whatever")


def test_metadata_dict_shape():
    meta = clean_text(XINHUA).metadata()
    assert set(meta) >= {"title", "byline", "date", "source", "dateline", "captions", "removed"}
    assert meta["date"] == "2017-08-30 00:23:26"
    assert all(len(span) == 3 for span in meta["removed"])


def test_removed_bytes_add_up_per_reason():
    article = clean_text(XINHUA)
    per_reason = article.removed_bytes(XINHUA)
    assert sum(per_reason.values()) == sum(len(XINHUA[r.start:r.end].encode()) for r in article.removed)


def test_empty_and_blank_text():
    assert clean_text("").body == ()
    assert clean_text(" \n\n \t ").text == ""


def test_newline_token_maps_to_line_breaks():
    raw = AP.replace("\n", " NEWLINE_CHAR ")
    article = clean_text(raw, newline_token="NEWLINE_CHAR")
    assert article.text == clean_text(AP).text


def test_one_name_as_a_string_is_that_name_not_its_letters():
    assert Cleaner(keep="captions").clean(AP).text == Cleaner(keep={"captions"}).clean(AP).text
    assert Cleaner(keep="captions").keep == {"caption", "credit"}
    assert Cleaner(drop="dateline").clean(XINHUA).text.startswith("Livid with shock")
    with pytest.raises(ValueError, match="'nonsense'"):
        Cleaner(drop="nonsense")


@pytest.mark.parametrize("data", [b"By Jane Doe\nThe story.", bytearray(b"text")])
def test_bytes_are_refused_with_a_clear_type_error(data):
    with pytest.raises(TypeError, match=r"str.*decode"):
        clean_text(data)
    with pytest.raises(TypeError, match=r"str.*decode"):
        Cleaner().clean(data)
    with pytest.raises(TypeError, match=r"\(str\), not NoneType"):
        clean_text(None)


@pytest.mark.parametrize("name", ["text", "title", "body", "not_a_field"])
def test_assigning_to_an_article_says_it_is_immutable(name):
    article = clean_text(AP)
    with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to '{name}'.*immutable"):
        setattr(article, name, "changed")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete"):
        delattr(article, "title")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.removed[0].start = 0  # type: ignore[misc]
    # Copies are made as before, and survive pickling (worker processes send them back).
    import pickle

    assert dataclasses.replace(article, title="t").title == "t"
    assert pickle.loads(pickle.dumps(article)) == article


def test_cleaner_repr_shows_its_options():
    assert repr(Cleaner()) == "Cleaner()"
    shown = repr(Cleaner(keep="captions", drop={"dateline"}, lang="en", mode="page", newline_token="NL"))
    assert shown == ("Cleaner(keep=('caption', 'credit'), drop=('dateline',), newline_token='NL', lang='en', "
                     "mode='page')")
    # The repr is a call that builds the same options.
    again = eval(shown, {"Cleaner": Cleaner})  # noqa: S307
    assert repr(again) == shown and again.enabled == Cleaner(keep="captions", drop="dateline").enabled


@pytest.mark.parametrize("adapter, missing, extra", [
    ("ray", ["ray", "numpy"], "ray"),  # Ray Data's batches are numpy arrays
    ("ray", ["numpy"], "ray"),
    ("datatrove", ["datatrove"], "datatrove"),
])
def test_adapter_without_its_packages_names_the_extra(adapter, missing, extra):
    """Run in a fresh interpreter in which the adapter's packages cannot be imported."""
    import subprocess
    import sys

    code = "".join(f"sys.modules[{name!r}] = None\n" for name in missing)
    code = (f"import sys\n{code}try:\n    import clean.{adapter}\n"
            "except ImportError as e:\n    print(type(e).__name__, e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith(f"ImportError clean.{adapter} needs ")
    assert f"pip install 'clean-article[{extra}]'" in out
