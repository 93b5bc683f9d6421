//! The extension module `clean._core`: Python strs in, tuples of code-point offsets and strs out.
//! The text is read in place from the str's own storage (no copy, no UTF-8 round trip), and lone
//! surrogates, which a Python str may hold and UTF-8 may not, pass through unchanged.

use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::string::PyStringData;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

use crate::block_model as bm;
use crate::judges;
use crate::lines as ln;
use crate::main_content as mc;
use crate::segment as seg;

/// Run `$body` with `$t` bound to the str's storage as a slice of its own code units.
macro_rules! with_units {
    ($s:expr, |$t:ident| $body:expr) => {{
        // SAFETY: CPython (not the limited API), the GIL is held and the str outlives the slice.
        match unsafe { $s.data() }? {
            PyStringData::Ucs1($t) => $body,
            PyStringData::Ucs2($t) => $body,
            PyStringData::Ucs4($t) => $body,
        }
    }};
}

fn widen<T: seg::Unit>(units: &[T]) -> Vec<u32> {
    units.iter().map(|&u| u.into()).collect()
}

fn code_points(s: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    Ok(with_units!(s, |t| widen(t)))
}

/// The code points of every str an iterable (a stoplist) yields.
fn word_list(words: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<u32>>> {
    let mut found = Vec::new();
    for word in words.try_iter()? {
        found.push(code_points(word?.cast::<PyString>()?)?);
    }
    Ok(found)
}

/// The code points of every list of a {name: list of str} dict (a language's stoplist, a
/// vocabulary's sections), with its name.
fn named_word_lists(lists: &Bound<'_, PyDict>) -> PyResult<Vec<(String, Vec<Vec<u32>>)>> {
    lists
        .iter()
        .map(|(name, words)| Ok((name.extract::<String>()?, word_list(&words)?)))
        .collect()
}

/// A str of the given code points, stored as narrowly as they allow.
fn new_str<'py>(py: Python<'py>, text: &[u32]) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: the buffer holds `text.len()` UCS-4 units; CPython copies it (and narrows it).
    unsafe {
        let ptr = ffi::PyUnicode_FromKindAndData(
            ffi::PyUnicode_4BYTE_KIND as _,
            text.as_ptr().cast(),
            text.len() as ffi::Py_ssize_t,
        );
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked())
    }
}

fn token(newline_token: Option<&Bound<'_, PyString>>) -> PyResult<Vec<u32>> {
    newline_token.map_or(Ok(Vec::new()), code_points)
}

/// segment(text, newline_token=None, cls=None) -> list of (index, start, end, text, blank_before,
/// link_share), each a `cls` (the `Block` named tuple) when one is given, made here rather than
/// again in Python.
#[pyfunction]
#[pyo3(signature = (text, newline_token=None, cls=None))]
fn segment<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    newline_token: Option<&Bound<'py, PyString>>,
    cls: Option<&Bound<'py, PyType>>,
) -> PyResult<Bound<'py, PyList>> {
    let token = token(newline_token)?;
    let blocks = with_units!(text, |t| seg::segment(t, &token));
    // `tuple.__new__(cls, fields)`, as a named tuple's own constructor is built on.
    let tuple_new = py.get_type::<PyTuple>().getattr(intern!(py, "__new__"))?;
    let out = PyList::empty(py);
    for (index, b) in blocks.iter().enumerate() {
        let item = (
            index,
            b.start,
            b.end,
            new_str(py, &b.text)?,
            b.blank_before,
            b.link_share,
        )
            .into_pyobject(py)?;
        match cls {
            Some(cls) => out.append(tuple_new.call1((cls, item))?)?,
            None => out.append(item)?,
        }
    }
    Ok(out)
}

/// split_lines(text, newline_token=None) -> list of (start, end, normalised text)
#[pyfunction]
#[pyo3(signature = (text, newline_token=None))]
fn split_lines<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    newline_token: Option<&Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyList>> {
    let token = token(newline_token)?;
    let lines = with_units!(text, |t| seg::split_lines(t, &token));
    let out = PyList::empty(py);
    for line in &lines {
        out.append((line.start, line.end, new_str(py, &line.text)?).into_pyobject(py)?)?;
    }
    Ok(out)
}

#[pyfunction]
fn normalise<'py>(py: Python<'py>, line: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let text = with_units!(line, |t| seg::normalise(t));
    new_str(py, &text)
}

/// wrap_width(lengths) -> the hard-wrap column, or None; from the lines' lengths.
#[pyfunction]
fn wrap_width(lengths: Vec<usize>) -> Option<usize> {
    seg::wrap_width(lengths.into_iter())
}

/// looks_like_markdown(texts) -> bool, over the lines' normalised texts.
#[pyfunction]
fn looks_like_markdown(texts: Vec<Bound<'_, PyString>>) -> PyResult<bool> {
    let lines = texts.iter().map(code_points).collect::<PyResult<Vec<_>>>()?;
    Ok(seg::looks_like_markdown(lines.iter().map(|l| &l[..])))
}

/// strip_markdown(text) -> (stripped text, characters of link text in it)
#[pyfunction]
fn strip_markdown<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<(Bound<'py, PyString>, usize)> {
    let (stripped, linked) = seg::strip_markdown(&code_points(text)?);
    Ok((new_str(py, &stripped)?, linked))
}

/// unlink(text, image) -> (text with links replaced by their text or images removed, link characters)
#[pyfunction]
fn unlink<'py>(py: Python<'py>, text: &Bound<'py, PyString>, image: bool) -> PyResult<(Bound<'py, PyString>, usize)> {
    let (out, linked) = seg::unlink(&code_points(text)?, image);
    Ok((new_str(py, &out)?, linked))
}

#[pyfunction]
fn unemphasise<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    new_str(py, &seg::unemphasise(&code_points(text)?))
}

fn py_index(positions: &[usize], i: isize) -> PyResult<usize> {
    let n = positions.len() as isize;
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(PyIndexError::new_err("list index out of range"));
    }
    Ok(positions[k as usize])
}

/// to_source_ranges(text, start, end, source, ranges) -> ranges of the source, for (start, end)
/// ranges of a block's text whose span in the source is start..end.
#[pyfunction]
fn to_source_ranges<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
    source: &Bound<'py, PyString>,
    ranges: Vec<(isize, isize)>,
) -> PyResult<Bound<'py, PyList>> {
    let verbatim = with_units!(source, |s| with_units!(text, |t| seg::is_verbatim(t, start, end, s)));
    if verbatim {
        let base = start as isize;
        return PyList::new(py, ranges.iter().map(|&(a, b)| (base + a, base + b)));
    }
    if start > end {
        return Err(PyValueError::new_err("a block's start is after its end"));
    }
    let positions = with_units!(source, |s| with_units!(text, |t| seg::source_positions(
        t, start, end, s
    )));
    let mut out = Vec::with_capacity(ranges.len());
    for &(a, b) in &ranges {
        let from = py_index(&positions, a)?;
        let to = if b > a { py_index(&positions, b - 1)? + 1 } else { from };
        out.push((from, to));
    }
    PyList::new(py, out)
}

/// A language's stoplist: Stoplist(words), the words lower-cased.
#[pyclass(frozen, module = "clean._core")]
struct Stoplist(ln::Stoplist);

#[pymethods]
impl Stoplist {
    #[new]
    fn new(words: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Stoplist(ln::Stoplist::new(word_list(words)?)))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }
}

/// The words a date line may hold beside its digits, and the month names among them:
/// DateWords(allowed, months), casefolded (src/judges/dates.rs).
#[pyclass(frozen, module = "clean._core")]
struct DateWords(judges::dates::DateWords);

#[pymethods]
impl DateWords {
    #[new]
    fn new(allowed: &Bound<'_, PyAny>, months: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(DateWords(judges::dates::DateWords {
            allowed: ln::Stoplist::new(word_list(allowed)?),
            months: ln::Stoplist::new(word_list(months)?),
        }))
    }
}

/// is_date(text, words) -> whether `text` is nothing but a date or time (src/judges/dates.rs).
#[pyfunction]
fn is_date(text: &Bound<'_, PyString>, words: &DateWords) -> PyResult<bool> {
    Ok(judges::dates::is_date(&code_points(text)?, &words.0))
}

/// is_month_year(text, words) -> whether `text` is a date of a month and a year only.
#[pyfunction]
fn is_month_year(text: &Bound<'_, PyString>, words: &DateWords) -> PyResult<bool> {
    Ok(judges::dates::is_month_year(&code_points(text)?, &words.0))
}

/// is_labelled_date(text, words) -> whether `text`, after a date's label, is a date.
#[pyfunction]
fn is_labelled_date(text: &Bound<'_, PyString>, words: &DateWords) -> PyResult<bool> {
    Ok(judges::dates::is_labelled_date(&code_points(text)?, &words.0))
}

/// opens_with_date_label(text) -> whether `text` opens with a date's label and goes on after it.
#[pyfunction]
fn opens_with_date_label(text: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(judges::dates::opens_with_date_label(&judges::Subject::new(
        &code_points(text)?,
    )))
}

/// metadata_field(text) -> whether `text` is one field of the kinds a source line holds.
#[pyfunction]
fn metadata_field(text: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(judges::metadata::is_field(&judges::Subject::new(&code_points(text)?)))
}

/// is_age(text) -> whether `text` is a post's age ("3 hours ago").
#[pyfunction]
fn is_age(text: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(judges::dates::is_age(&code_points(text)?))
}

type FeatureFields<'py> = (
    usize,
    usize,
    f64,
    bool,
    usize,
    f64,
    bool,
    Bound<'py, PyString>,
    bool,
    bool,
);

fn feature_fields<'py>(py: Python<'py>, f: &ln::Features) -> PyResult<FeatureFields<'py>> {
    let last = new_str(py, f.last.as_slice())?;
    Ok((
        f.chars,
        f.words,
        f.stop_ratio,
        f.ends_sentence,
        f.sentences,
        f.upper_ratio,
        f.unspaced,
        last,
        f.prose,
        f.title_shaped,
    ))
}

/// features(text, stoplist) -> (chars, words, stop_ratio, ends_sentence, sentences, upper_ratio,
/// unspaced, last, prose, title_shaped)
#[pyfunction]
fn features<'py>(py: Python<'py>, text: &Bound<'py, PyString>, stop: &Stoplist) -> PyResult<FeatureFields<'py>> {
    let f = with_units!(text, |t| ln::features(t, &stop.0));
    feature_fields(py, &f)
}

/// lines(texts, stoplist, cls) -> (lines, feats, line_of, held): three tuples, each distinct text
/// in order of first appearance with its features, `(text, cls(*features))` (`cls` the `Features`
/// named tuple); each text's features, the same objects; and the index of each text's entry in
/// `lines`; and `held`, the same lines as the core holds them (`Lines`), for the families'
/// calls. Made here whole, so a document takes them as they are instead of building them again
/// in Python.
#[pyfunction]
fn lines<'py>(
    py: Python<'py>,
    texts: Vec<Bound<'py, PyString>>,
    stop: &Stoplist,
    cls: &Bound<'py, PyType>,
) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyTuple>, Bound<'py, PyTuple>, Lines)> {
    // `tuple.__new__(cls, fields)`, as a named tuple's own constructor is built on.
    let tuple_new = py.get_type::<PyTuple>().getattr(intern!(py, "__new__"))?;
    let seen = PyDict::new(py);
    let mut distinct: Vec<(Bound<'py, PyString>, Bound<'py, PyAny>)> = Vec::new();
    let mut feats = Vec::with_capacity(texts.len());
    let mut line_of = Vec::with_capacity(texts.len());
    let mut held = Vec::new();
    for text in &texts {
        let k = match seen.get_item(text)? {
            Some(k) => k.extract::<usize>()?,
            None => {
                let (codes, f) = with_units!(text, |t| (widen(t), ln::features(t, &stop.0)));
                let fields = feature_fields(py, &f)?;
                held.push((codes, f));
                let f = tuple_new.call1((cls, fields))?;
                seen.set_item(text, distinct.len())?;
                distinct.push((text.clone(), f));
                distinct.len() - 1
            }
        };
        feats.push(distinct[k].1.clone());
        line_of.push(k);
    }
    Ok((
        PyTuple::new(py, distinct)?,
        PyTuple::new(py, feats)?,
        PyTuple::new(py, line_of)?,
        Lines(held),
    ))
}

/// key(text) -> the comparison key: case-folded, every run of other than letters and digits
/// one space, none at either end.
#[pyfunction]
fn key<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let k = with_units!(text, |t| ln::key(t));
    new_str(py, &k)
}

/// Languages({code: words}): every stoplist, for guessing a text's language.
#[pyclass(frozen, module = "clean._core")]
struct Languages(ln::Languages);

#[pymethods]
impl Languages {
    #[new]
    fn new(lists: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Languages(
            ln::Languages::new(named_word_lists(lists)?).map_err(PyValueError::new_err)?,
        ))
    }

    /// detect(text, sample) -> the code of the language whose stoplist covers most of the first
    /// `sample` words, or None
    fn detect(&self, text: &Bound<'_, PyString>, sample: usize) -> PyResult<Option<String>> {
        Ok(with_units!(text, |t| self.0.detect(t, sample)).map(str::to_owned))
    }
}

/// judge_lines(lines, seams, dates) -> {family: [its judge's answer for each line, in order]},
/// for every family whose line judge is native (src/judges/), `lines` a document's distinct
/// lines (`Lines`, or (text, features) tuples), `seams` the Stoplist of the words a sentence
/// capitalises only at its start in the document's language, `dates` the DateWords of every
/// language. The answers:
/// - "footer": whether the line is a copyright or legal notice;
/// - "tracking": None, ("tracking-id", None) or ("markup", the span a lost tag holds, or None
///   for the whole line);
/// - "social": None, "share" (a share or follow line) or "tail" (a call to follow inside the
///   line, residue where the text ends);
/// - "notice": None, "wherever" (the archive's or a redirect's notice) or "stand-in" (an error
///   page's, a browser check's or a sharing form's sentence);
/// - "player": None or a list of (span, tail): a glued phrase's span, or None for the whole
///   line, and whether it goes only where it closes the text;
/// - "comments": None or (signature, kind, no_thread), what the line is to a comment section:
///   signature None, "author", "votes" or "posted-at" (a time closing a line that is a date or an
///   age), kind None, "header", "note" or "blog-footer", and whether it
///   is a count with no thread after it ("0 Comments");
/// - "navigation": None or (kind, span): kind "label" (the whole line), "pager" (the whole line
///   if it closes the text), "open" (a short line no pattern took: another language's label may
///   be), "kicker" (as "open", shaped as a kicker: furniture where the text opens) or "edit" (as
///   "open", a wiki's edit link closing it: its span, or None for the whole line);
/// - "captions": None, "open" (no verdict, but one `captions` may give) or a
///   list of (reason, span, caption): reason "caption" or "credit", the span it covers or None
///   for the whole line, and the caption kept for the article as a span of the line, or None;
/// - "prompts": None or (kind, span): kind "button" (a cookie banner's button, a prompt only near
///   a banner), "advert", "banner" (a cookie banner), "newsletter", "affiliate" (span None) or
///   "cookie" (a banner glued after the story: its span, to the line's end);
/// - "metadata": None (a line too long to be metadata) or (first, line): first what the line is
///   first, None or ("fields", [(field, start, end)]) for a source line, field "source",
///   "byline" or "date" and the span of its value, ("url", "sure") for a URL residue wherever
///   it stands or ("url", "head") for a bare URL, residue where the body would open with it, or
///   ("date", (form, span)) for a date line, form "bare" (a date's label alone), "labelled"
///   (span: the date after its label), "clock" (a time of day alone) or "whole" (span None);
///   line None or (reason "metadata" or "byline", the span of a byline's names or None, whether
///   it goes only where the text ends, whether it is sure only near the text's edges, whether it
///   is an address, a phone or a sign-off);
/// - "record-field": None or (named, valued), for a line shaped as a field of a record ("Pages:
///   312", "Dauer:"), whatever its length: whether its label is of a few words, whether its value
///   stands beside it;
/// - "related": None or (kind, span, inline, glued, stamp): kind None, "more" (a header offering
///   more of the site's stories), "header" (a header over a list) or "line" (a pointer to other
///   stories: the span glued into the line, or None for the whole line), whether it is a pointer
///   of the "Read more: <headline>" kind, whether a teaser's headline glued to its summary opens
///   the line, and whether it stamps a teaser: None, "age" or "date".
#[pyfunction]
fn judge_lines<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    seams: &Stoplist,
    dates: &DateWords,
) -> PyResult<Bound<'py, PyDict>> {
    use judges::comments::{Kind, Signature};
    use judges::notice::Notice;
    use judges::player::Found;
    use judges::social::Share;
    use judges::tracking::Residue;
    let lines = distinct_lines(lines)?;
    let footer = PyList::empty(py);
    let tracking = PyList::empty(py);
    let social = PyList::empty(py);
    let notice = PyList::empty(py);
    let player = PyList::empty(py);
    let comments = PyList::empty(py);
    let navigation = PyList::empty(py);
    let captions = PyList::empty(py);
    let prompts = PyList::empty(py);
    let metadata = PyList::empty(py);
    let record_field = PyList::empty(py);
    let related = PyList::empty(py);
    for (text, f) in lines.iter() {
        let f = judges::Features {
            words: f.words,
            prose: f.prose,
            sentences: f.sentences,
            ends_sentence: f.ends_sentence,
            title_shaped: f.title_shaped,
        };
        let judged = judges::judge(text, f, &seams.0, &dates.0);
        footer.append(judged.footer)?;
        tracking.append(judged.tracking.map(|r| match r {
            Residue::TrackingId => ("tracking-id", None),
            Residue::Markup(span) => ("markup", span),
        }))?;
        social.append(judged.social.map(|share| match share {
            Share::Line => "share",
            Share::Tail => "tail",
        }))?;
        notice.append(judged.notice.map(|kind| match kind {
            Notice::Wherever => "wherever",
            Notice::StandIn => "stand-in",
        }))?;
        if judged.player.is_empty() {
            player.append(py.None())?;
        } else {
            let found: Vec<(Option<(usize, usize)>, bool)> = judged
                .player
                .iter()
                .map(|f| match *f {
                    Found::Line => (None, false),
                    Found::Tail => (None, true),
                    Found::Span(a, b) => (Some((a, b)), false),
                })
                .collect();
            player.append(found)?;
        }
        let line = &judged.comments;
        if line.signature.is_none() && line.kind.is_none() && !line.no_thread {
            comments.append(py.None())?;
        } else {
            comments.append((
                line.signature.map(|s| match s {
                    Signature::Author => "author",
                    Signature::Votes => "votes",
                    Signature::PostedAt => "posted-at",
                }),
                line.kind.map(|k| match k {
                    Kind::Header => "header",
                    Kind::Note => "note",
                    Kind::BlogFooter => "blog-footer",
                }),
                line.no_thread,
            ))?;
        }
        navigation.append(judged.navigation.map(|found| match found {
            judges::navigation::Found::Label => ("label", None),
            judges::navigation::Found::Pager => ("pager", None),
            judges::navigation::Found::Open => ("open", None),
            judges::navigation::Found::Kicker => ("kicker", None),
            judges::navigation::Found::EditLink(span) => ("edit", span),
        }))?;
        match &judged.captions {
            judges::captions::Answer::None => captions.append(py.None())?,
            judges::captions::Answer::Open => captions.append("open")?,
            judges::captions::Answer::Found(found) => {
                let found: Vec<_> = found
                    .iter()
                    .map(|f| {
                        let reason = match f.reason {
                            judges::captions::Reason::Caption => "caption",
                            judges::captions::Reason::Credit => "credit",
                        };
                        (reason, f.span, f.caption)
                    })
                    .collect();
                captions.append(found)?;
            }
        }
        prompts.append(judged.prompts.map(|found| match found {
            judges::prompts::Prompt::Button => ("button", None),
            judges::prompts::Prompt::Advert => ("advert", None),
            judges::prompts::Prompt::Banner => ("banner", None),
            judges::prompts::Prompt::Newsletter => ("newsletter", None),
            judges::prompts::Prompt::Affiliate => ("affiliate", None),
            judges::prompts::Prompt::Cookie(start, end) => ("cookie", Some((start, end))),
        }))?;
        let metadata_first = |first: &judges::metadata::First| -> PyResult<Bound<'py, PyAny>> {
            use judges::dates::DateLine;
            use judges::metadata::{Field, First, Url};
            Ok(match first {
                First::Fields(found) => {
                    let found: Vec<_> = found
                        .iter()
                        .map(|&(field, (a, b))| {
                            let name = match field {
                                Field::Source => "source",
                                Field::Byline => "byline",
                                Field::Date => "date",
                            };
                            (name, a, b)
                        })
                        .collect();
                    ("fields", found).into_pyobject(py)?.into_any()
                }
                First::Url(url) => ("url", if *url == Url::Sure { "sure" } else { "head" })
                    .into_pyobject(py)?
                    .into_any(),
                First::Date(date) => {
                    let (form, span) = match *date {
                        DateLine::Bare => ("bare", None),
                        DateLine::Labelled(a, b) => ("labelled", Some((a, b))),
                        DateLine::Clock => ("clock", None),
                        DateLine::Whole => ("whole", None),
                    };
                    ("date", (form, span)).into_pyobject(py)?.into_any()
                }
            })
        };
        let found = match &judged.metadata {
            None => None,
            Some(found) => Some((
                found.first.as_ref().map(metadata_first).transpose()?,
                found.line.map(|line| {
                    let reason = match line.reason {
                        judges::metadata::Reason::Metadata => "metadata",
                        judges::metadata::Reason::Byline => "byline",
                    };
                    (reason, line.name, line.tail, line.edge_only, line.contact)
                }),
            )),
        };
        metadata.append(found)?;
        record_field.append(judged.record_field.map(|field| (field.named, field.valued)))?;
        let answer = judged.related;
        if answer.verdict.is_none() && !answer.glued && answer.stamp.is_none() {
            related.append(py.None())?;
        } else {
            use judges::related::Verdict;
            let (kind, span) = match answer.verdict {
                None => (None, None),
                Some(Verdict::More) => (Some("more"), None),
                Some(Verdict::Header) => (Some("header"), None),
                Some(Verdict::Line) => (Some("line"), None),
                Some(Verdict::Span(start, end)) => (Some("line"), Some((start, end))),
            };
            let stamp = answer.stamp.map(|stamp| match stamp {
                judges::related::Stamp::Age => "age",
                judges::related::Stamp::Date => "date",
            });
            related.append((kind, span, answer.inline, answer.glued, stamp))?;
        }
    }
    let out = PyDict::new(py);
    out.set_item("footer", footer)?;
    out.set_item("tracking", tracking)?;
    out.set_item("social", social)?;
    out.set_item("notice", notice)?;
    out.set_item("player", player)?;
    out.set_item("comments", comments)?;
    out.set_item("navigation", navigation)?;
    out.set_item("captions", captions)?;
    out.set_item("prompts", prompts)?;
    out.set_item("metadata", metadata)?;
    out.set_item("record-field", record_field)?;
    out.set_item("related", related)?;
    Ok(out)
}

/// headline(lines, line_of) -> [(block, reason, score, span), ...]: the headline family's
/// verdicts on a document (src/judges/headline.rs), `lines` its distinct lines as (text,
/// features) and `line_of` which of them each block is; reason "title" (the block is the
/// headline, or a candidate at score 0.5), "duplicate-title" (a copy of the candidate whose
/// block the span gives twice) or "repeated-line" (said twice: the span, or None for the whole
/// block), in the order the family yields them.
#[pyfunction]
fn headline<'py>(py: Python<'py>, lines: &Bound<'py, PyAny>, line_of: Vec<usize>) -> PyResult<Bound<'py, PyList>> {
    use judges::headline::Reason;
    let found = distinct_lines(lines)?;
    check_lines(found.len(), &[], &line_of)?;
    let out = PyList::empty(py);
    for v in judges::headline::detect(&found, &line_of) {
        let reason = match v.reason {
            Reason::Title => "title",
            Reason::DuplicateTitle => "duplicate-title",
            Reason::RepeatedLine => "repeated-line",
        };
        out.append((v.block, reason, v.score, v.span))?;
    }
    Ok(out)
}

/// The related judge's answer on a line from its Python form in `judge_lines`.
fn related_answer(answer: &Bound<'_, PyAny>) -> PyResult<judges::related::Answer> {
    use judges::related::{Answer, Stamp, Verdict};
    if answer.is_none() {
        return Ok(Answer::default());
    }
    let answer = answer.cast::<PyTuple>()?;
    let kind = answer.get_item(0)?;
    let span: Option<(usize, usize)> = answer.get_item(1)?.extract()?;
    let verdict = if kind.is_none() {
        None
    } else {
        Some(match (kind.cast::<PyString>()?.to_str()?, span) {
            ("more", _) => Verdict::More,
            ("header", _) => Verdict::Header,
            ("line", None) => Verdict::Line,
            ("line", Some((start, end))) => Verdict::Span(start, end),
            (other, _) => return Err(PyValueError::new_err(format!("no related verdict {other:?}"))),
        })
    };
    let stamp = answer.get_item(4)?;
    let stamp = if stamp.is_none() {
        None
    } else {
        Some(match stamp.cast::<PyString>()?.to_str()? {
            "age" => Stamp::Age,
            "date" => Stamp::Date,
            other => return Err(PyValueError::new_err(format!("no stamp {other:?}"))),
        })
    };
    Ok(Answer {
        verdict,
        inline: answer.get_item(2)?.extract()?,
        glued: answer.get_item(3)?.extract()?,
        stamp,
    })
}

/// related(lines, line_of, answers, worded, stop) -> [(block, score, span, where), ...]: the
/// related family's verdicts on a document (src/judges/related.rs, `detect`), in the order the
/// family yields them. `lines` are its distinct lines (`Lines`, or (text, features) tuples),
/// `line_of` which of them each block is, `answers` the related judge's answer on each line
/// (`judge_lines`), `worded` None or what the document's language's words make of each line
/// (None, "header" or "pointer"), `stop` the language's Stoplist; `where` is "", "tail" or
/// "page".
#[pyfunction]
fn related<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: &Bound<'py, PyAny>,
    worded: Option<Vec<Option<String>>>,
    stop: &Stoplist,
) -> PyResult<Bound<'py, PyList>> {
    use judges::related::{Place, Worded};
    let distinct = distinct_lines(lines)?;
    let answers = answers
        .try_iter()?
        .map(|a| related_answer(&a?))
        .collect::<PyResult<Vec<_>>>()?;
    let worded = worded
        .map(|worded| {
            worded
                .iter()
                .map(|w| match w.as_deref() {
                    None => Ok(None),
                    Some("header") => Ok(Some(Worded::Header)),
                    Some("pointer") => Ok(Some(Worded::Pointer)),
                    Some(other) => Err(PyValueError::new_err(format!("no worded line {other:?}"))),
                })
                .collect::<PyResult<Vec<_>>>()
        })
        .transpose()?;
    let n = distinct.len();
    check_lines(n, &[answers.len(), worded.as_ref().map_or(n, Vec::len)], &line_of)?;
    let found: Vec<judges::related::Line> = distinct
        .iter()
        .zip(answers)
        .map(|((text, f), answer)| judges::related::Line { text, f, answer })
        .collect();
    let out = PyList::empty(py);
    for v in judges::related::detect(&found, worded.as_deref(), &line_of, &stop.0) {
        let place = match v.place {
            Place::Anywhere => "",
            Place::Tail => "tail",
            Place::Page => "page",
        };
        out.append((v.block, v.score, v.span, place))?;
    }
    Ok(out)
}

/// captions(lines, line_of, answers, credit_openers, caption_labels) -> [(block, reason, span,
/// caption), ...]: the captions family's verdicts on a document (src/judges/captions.rs, `detect`),
/// `lines` its distinct lines (`Lines`, or (text, features) tuples), `line_of` which of them each
/// block is, `answers` the line judge's answer on each (`judge_lines`'s "captions"), and
/// `credit_openers` and `caption_labels` the distinct lines the language's data takes for a credit
/// opened by one of its openers or a caption's label; reason "caption" or "credit", the span it
/// covers (None for the whole block) and the caption kept for the article as a span of the block's
/// text, or None, in the order the family yields them.
#[pyfunction]
fn captions<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: &Bound<'py, PyAny>,
    credit_openers: Vec<usize>,
    caption_labels: Vec<usize>,
) -> PyResult<Bound<'py, PyList>> {
    use judges::captions::{Answer, Found, Line, Reason, Vocabulary};
    let distinct = distinct_lines(lines)?;
    let mut judged = Vec::with_capacity(distinct.len());
    for answer in answers.try_iter()? {
        let answer = answer?;
        judged.push(if answer.is_none() {
            Answer::None
        } else if answer.is_instance_of::<PyString>() {
            Answer::Open
        } else {
            let found: Vec<(String, Option<(usize, usize)>, Option<(usize, usize)>)> = answer.extract()?;
            Answer::Found(
                found
                    .into_iter()
                    .map(|(reason, span, caption)| Found {
                        reason: if reason == "caption" {
                            Reason::Caption
                        } else {
                            Reason::Credit
                        },
                        span,
                        caption,
                    })
                    .collect(),
            )
        });
    }
    let n = distinct.len();
    check_lines(n, &[judged.len()], &line_of)?;
    if credit_openers.iter().chain(&caption_labels).any(|&k| k >= n) {
        return Err(PyIndexError::new_err("a line that is not among the lines"));
    }
    let mut vocabulary = vec![Vocabulary::default(); n];
    credit_openers.iter().for_each(|&k| vocabulary[k].credit_opener = true);
    caption_labels.iter().for_each(|&k| vocabulary[k].caption_label = true);
    let found: Vec<Line> = distinct
        .iter()
        .zip(&judged)
        .zip(&vocabulary)
        .map(|(((text, f), answer), &vocabulary)| Line {
            text,
            f,
            answer,
            vocabulary,
        })
        .collect();
    let out = PyList::empty(py);
    for v in judges::captions::detect(&found, &line_of) {
        let reason = match v.reason {
            Reason::Caption => "caption",
            Reason::Credit => "credit",
        };
        out.append((v.block, reason, v.span, v.caption))?;
    }
    Ok(out)
}

/// The comments judge's answer on a line from its Python form in `judge_lines`.
fn comments_answer(answer: &Bound<'_, PyAny>) -> PyResult<judges::comments::Line> {
    use judges::comments::{Kind, Line, Signature};
    if answer.is_none() {
        return Ok(Line::default());
    }
    let (signature, kind, no_thread): (Option<String>, Option<String>, bool) = answer.extract()?;
    let signature = match signature.as_deref() {
        None => None,
        Some("author") => Some(Signature::Author),
        Some("votes") => Some(Signature::Votes),
        Some("posted-at") => Some(Signature::PostedAt),
        Some(other) => return Err(PyValueError::new_err(format!("no signature {other:?}"))),
    };
    let kind = match kind.as_deref() {
        None => None,
        Some("header") => Some(Kind::Header),
        Some("note") => Some(Kind::Note),
        Some("blog-footer") => Some(Kind::BlogFooter),
        Some(other) => return Err(PyValueError::new_err(format!("no comments kind {other:?}"))),
    };
    Ok(Line {
        signature,
        kind,
        no_thread,
    })
}

/// comments(lines, line_of, answers, worded) -> [(block, score), ...]: the comments family's
/// verdicts on a document (src/judges/comments.rs, `detect`), in the order the family yields them.
/// `lines` are its distinct lines (`Lines`, or (text, features) tuples: their length and whether
/// they are prose are read), `line_of` which of them each block is, `answers` the comments judge's
/// answer on each line (`judge_lines`), `worded` None or what the document's language's words make
/// of each line (None, "header" or "note").
#[pyfunction]
fn comments<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: &Bound<'py, PyAny>,
    worded: Option<Vec<Option<String>>>,
) -> PyResult<Bound<'py, PyList>> {
    use judges::comments::{Judged, Worded};
    let distinct = distinct_lines(lines)?;
    let answers = answers
        .try_iter()?
        .map(|a| comments_answer(&a?))
        .collect::<PyResult<Vec<_>>>()?;
    let n = distinct.len();
    let worded = match worded {
        None => vec![None; n],
        Some(worded) => worded
            .iter()
            .map(|w| match w.as_deref() {
                None => Ok(None),
                Some("header") => Ok(Some(Worded::Header)),
                Some("note") => Ok(Some(Worded::Note)),
                Some(other) => Err(PyValueError::new_err(format!("no worded line {other:?}"))),
            })
            .collect::<PyResult<Vec<_>>>()?,
    };
    check_lines(n, &[answers.len(), worded.len()], &line_of)?;
    let found: Vec<Judged> = distinct
        .iter()
        .zip(answers)
        .zip(worded)
        .map(|(((_, f), answer), worded)| Judged {
            chars: f.chars,
            prose: f.prose,
            answer,
            worded,
        })
        .collect();
    PyList::new(py, judges::comments::detect(&found, &line_of))
}

/// The navigation judge's answer on a line from its Python form in `judge_lines`.
fn navigation_answer(answer: &Bound<'_, PyAny>) -> PyResult<Option<judges::navigation::Found>> {
    use judges::navigation::Found;
    if answer.is_none() {
        return Ok(None);
    }
    let (kind, span): (String, Option<(usize, usize)>) = answer.extract()?;
    Ok(Some(match kind.as_str() {
        "label" => Found::Label,
        "pager" => Found::Pager,
        "open" => Found::Open,
        "kicker" => Found::Kicker,
        "edit" => Found::EditLink(span),
        other => return Err(PyValueError::new_err(format!("no navigation kind {other:?}"))),
    }))
}

/// navigation(lines, line_of, answers, worded) -> [(block, score, span, where), ...]: the
/// navigation family's verdicts on a document (src/judges/navigation.rs, `detect`), in the order
/// the family yields them. `lines` are its distinct lines (`Lines`, or (text, features) tuples),
/// `line_of` which of them each block is, `answers` the navigation judge's answer on each line
/// (`judge_lines`), `worded` None or whether the document's language's words take each line for a
/// label; `where` is "", "tail" or "head".
#[pyfunction]
fn navigation<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: &Bound<'py, PyAny>,
    worded: Option<Vec<bool>>,
) -> PyResult<Bound<'py, PyList>> {
    use judges::navigation::{Line, Place};
    let answers = answers
        .try_iter()?
        .map(|a| navigation_answer(&a?))
        .collect::<PyResult<Vec<_>>>()?;
    let distinct = distinct_lines(lines)?;
    let n = distinct.len();
    check_lines(n, &[answers.len(), worded.as_ref().map_or(n, Vec::len)], &line_of)?;
    let found: Vec<Line> = distinct
        .iter()
        .zip(answers)
        .enumerate()
        .map(|(k, ((text, f), answer))| {
            let worded = worded.as_ref().is_some_and(|w| w[k]);
            Line::new(text.as_slice(), f.chars, f.words, f.ends_sentence, answer, worded)
        })
        .collect();
    let out = PyList::empty(py);
    for v in judges::navigation::detect(&found, &line_of) {
        let place = match v.place {
            Place::Anywhere => "",
            Place::Tail => "tail",
            Place::Head => "head",
        };
        out.append((v.block, v.score, v.span, place))?;
    }
    Ok(out)
}

/// player(lines, line_of, answers) -> [(block, score, span, where), ...]: the player family's
/// verdicts on a document (src/judges/player.rs, `detect`), in the order the family yields them.
/// `lines` are its distinct lines (`Lines`, or (text, features) tuples), `line_of` which of
/// them each block is, `answers` the player judge's answer on each line (`judge_lines`); `where`
/// is "" or "tail".
#[pyfunction]
fn player<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    use judges::player::{Found, Line};
    let distinct = distinct_lines(lines)?;
    let answers = answers
        .try_iter()?
        .map(|answer| {
            let answer = answer?;
            if answer.is_none() {
                return Ok(Vec::new());
            }
            Ok(answer
                .extract::<Vec<(Option<(usize, usize)>, bool)>>()?
                .into_iter()
                .map(|(span, tail)| match (span, tail) {
                    (_, true) => Found::Tail,
                    (Some((a, b)), false) => Found::Span(a, b),
                    (None, false) => Found::Line,
                })
                .collect())
        })
        .collect::<PyResult<Vec<Vec<Found>>>>()?;
    check_lines(distinct.len(), &[answers.len()], &line_of)?;
    let found: Vec<Line> = distinct
        .iter()
        .zip(answers)
        .map(|((text, f), answer)| Line::new(text.as_slice(), f.words, f.ends_sentence, f.last, answer))
        .collect();
    let out = PyList::empty(py);
    for v in judges::player::detect(&found, &line_of) {
        let (score, span, place) = match v.found {
            Found::Line => (1.0, None, ""),
            Found::Tail => (0.5, None, "tail"),
            Found::Span(a, b) => (1.0, Some((a, b)), ""),
        };
        out.append((v.block, score, span, place))?;
    }
    Ok(out)
}

/// footer(lines, line_of, answers, worded) -> [(block, score, where), ...]: the footer family's
/// verdicts on a document (src/judges/footer.rs, `detect`), in the order the family yields them.
/// `lines` are its distinct lines (`Lines`, or (text, features) tuples), `line_of` which of
/// them each block is, `answers` whether the footer judge takes each line for a notice
/// (`judge_lines`), `worded` None or whether the document's language's words do; `where` is ""
/// or "tail".
#[pyfunction]
fn footer<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    answers: Vec<bool>,
    worded: Option<Vec<bool>>,
) -> PyResult<Bound<'py, PyList>> {
    use judges::footer::{about_name, Line};
    let distinct = distinct_lines(lines)?;
    let n = distinct.len();
    check_lines(n, &[answers.len(), worded.as_ref().map_or(n, Vec::len)], &line_of)?;
    let found: Vec<Line> = distinct
        .iter()
        .enumerate()
        .map(|(k, (text, f))| Line {
            notice: answers[k] || worded.as_ref().is_some_and(|w| w[k]),
            about: about_name(text.as_slice(), f.words),
            words: f.words,
            prose: f.prose,
            text,
        })
        .collect();
    let out = PyList::empty(py);
    for (block, tail) in judges::footer::detect(&found, &line_of) {
        out.append(if tail { (block, 0.5, "tail") } else { (block, 1.0, "") })?;
    }
    Ok(out)
}

/// dateline_opening(text) -> whether a dateline and a wire's name open the line ("WASHINGTON
/// (AP) —", "(CNN)"): the story's own first paragraph, whatever its shape.
#[pyfunction]
fn dateline_opening(text: &Bound<'_, PyString>) -> PyResult<bool> {
    Ok(judges::headline::dateline_opening(&code_points(text)?))
}

/// metadata_byline(text) -> the span of a byline's names in `text`, or None if it is no byline
/// (src/judges/metadata.rs): for the bylines opened by another language's word.
#[pyfunction]
fn metadata_byline(text: &Bound<'_, PyString>) -> PyResult<Option<(usize, usize)>> {
    let codes = code_points(text)?;
    Ok(judges::metadata::byline(&codes))
}

/// metadata(lines, line_of, kinds, tails, contacts, fields, dates) -> (kept, contacts, split): what
/// the lines around make of a document's metadata lines (src/judges/metadata.rs, `around`). `lines`
/// are its distinct lines (`Lines`, or (text, features) tuples: their text, length, word count and
/// whether they end a sentence are read), `line_of` which of them each block is, `kinds` what the
/// line judges made of each line (None, "metadata", "byline", "date" or "url"), `tails` whether
/// they made it residue only where the text ends, `contacts` whether it is an address, a phone or a
/// sign-off, `fields` the record-field answer on each line (`judge_lines`). `kept`: the blocks that
/// are the text's own after all (a chronology's headings, a record's fields), sorted; `contacts`:
/// the blocks of a contact's name above its address, in the order found; `split`: the dates split
/// over short blocks, as (first block, blocks, the date joined).
type MetadataAround<'py> = (Vec<usize>, Vec<usize>, Vec<(usize, usize, Bound<'py, PyString>)>);

#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn metadata<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    line_of: Vec<usize>,
    kinds: Vec<Option<String>>,
    tails: Vec<bool>,
    contacts: Vec<bool>,
    fields: Vec<Option<(bool, bool)>>,
    dates: &DateWords,
) -> PyResult<MetadataAround<'py>> {
    use judges::metadata::{Judged, Kind, RecordField};
    let distinct = distinct_lines(lines)?;
    let n = distinct.len();
    check_lines(n, &[kinds.len(), tails.len(), contacts.len(), fields.len()], &line_of)?;
    let judged = distinct
        .iter()
        .map(|(text, f)| (text.as_slice(), f.chars, f.words, f.ends_sentence))
        .zip(kinds)
        .zip(fields)
        .zip(tails.into_iter().zip(contacts))
        .map(
            |((((text, chars, words, ends_sentence), kind), field), (tail, contact))| {
                let kind = match kind.as_deref() {
                    None => None,
                    Some("metadata") => Some(Kind::Metadata),
                    Some("byline") => Some(Kind::Byline),
                    Some("date") => Some(Kind::Date),
                    Some("url") => Some(Kind::Url),
                    Some(other) => return Err(PyValueError::new_err(format!("no metadata reason {other:?}"))),
                };
                Ok(Judged {
                    text,
                    chars,
                    words,
                    kind,
                    field: field.map(|(named, valued)| RecordField { named, valued }),
                    ends_sentence,
                    tail,
                    contact,
                })
            },
        )
        .collect::<PyResult<Vec<_>>>()?;
    let found = judges::metadata::around(&judged, &line_of, &dates.0);
    let split = found
        .split
        .into_iter()
        .map(|(i, size, joined)| Ok((i, size, new_str(py, &joined)?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok((found.kept, found.contacts, split))
}

/// A language's sections of lines (src/judges/vocabulary.rs): Vocabulary({section: entries}),
/// the entries as the vocabulary file writes them (`*` any text, `{n}` a number).
#[pyclass(frozen, module = "clean._core")]
struct Vocabulary(judges::vocabulary::Vocabulary);

#[pymethods]
impl Vocabulary {
    #[new]
    fn new(sections: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Vocabulary(judges::vocabulary::Vocabulary::new(named_word_lists(
            sections,
        )?)))
    }

    /// matches(section, text) -> whether the section lists the line `text` (False for a section
    /// the vocabulary lacks)
    fn matches(&self, section: &str, text: &Bound<'_, PyString>) -> PyResult<bool> {
        Ok(with_units!(text, |t| self.0.matches(section, t)))
    }

    /// judge(lines) -> {section: [whether it lists each line]}, for every section, `lines` a
    /// document's distinct lines (`Lines`, or (text, features) tuples)
    fn judge<'py>(&self, py: Python<'py>, lines: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let lines = distinct_lines(lines)?;
        let answers = self.0.judge(lines.iter().map(|(text, _)| text.as_slice()));
        let out = PyDict::new(py);
        for (name, answer) in self.0.names().zip(answers) {
            out.set_item(name, answer)?;
        }
        Ok(out)
    }
}

/// The blocks of a page dump as the main block and the block model weigh them: Page(lines, line_of,
/// blocks), `lines` a Document's distinct lines (`Lines`, or (text, features) tuples), `line_of`
/// which of them each block prints, `blocks` the blocks (their `blank_before` and `link_share` are
/// read).
#[pyclass(frozen, module = "clean._core")]
struct Page(mc::Page);

/// A document's distinct lines, their code points and features, as the core measured them
/// (`lines`): the document holds them, and hands them to each family's call instead of its
/// (text, features) tuples, which the call would read again.
#[pyclass(frozen, module = "clean._core")]
struct Lines(Vec<(Vec<u32>, ln::Features)>);

#[pymethods]
impl Lines {
    /// From (text, features) tuples, as a `Document` keeps its lines.
    #[new]
    fn new(lines: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Lines(distinct_lines(lines)?.to_vec()))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }
}

/// The distinct lines a call reads: those a `Lines` holds, or read from (text, features) tuples.
enum Read<'a> {
    Held(&'a [(Vec<u32>, ln::Features)]),
    Made(Vec<(Vec<u32>, ln::Features)>),
}

impl std::ops::Deref for Read<'_> {
    type Target = [(Vec<u32>, ln::Features)];

    fn deref(&self) -> &Self::Target {
        match self {
            Read::Held(lines) => lines,
            Read::Made(lines) => lines,
        }
    }
}

/// A document's distinct lines as the families' calls are handed them: (text, features) each.
fn distinct_lines<'a>(lines: &'a Bound<'_, PyAny>) -> PyResult<Read<'a>> {
    if let Ok(held) = lines.cast::<Lines>() {
        return Ok(Read::Held(&held.get().0));
    }
    lines
        .try_iter()?
        .map(|line| {
            let line = line?;
            let line = line.cast::<PyTuple>()?;
            Ok((
                code_points(line.get_item(0)?.cast::<PyString>()?)?,
                line_features(line.get_item(1)?.cast::<PyTuple>()?)?,
            ))
        })
        .collect::<PyResult<_>>()
        .map(Read::Made)
}

/// That each per-line answer list (`answered`, their lengths) holds one for each of the
/// document's `n` distinct lines, and every block's line (`line_of`) is one of them.
fn check_lines(n: usize, answered: &[usize], line_of: &[usize]) -> PyResult<()> {
    if answered.iter().any(|&len| len != n) {
        return Err(PyValueError::new_err("an answer for every line"));
    }
    if line_of.iter().any(|&k| k >= n) {
        return Err(PyIndexError::new_err("a block's line is not among the lines"));
    }
    Ok(())
}

/// A line's features from the fields of `clean.document.Features` (a tuple, in its order).
fn line_features(f: &Bound<'_, PyTuple>) -> PyResult<ln::Features> {
    let last = f.get_item(7)?;
    let last = last.cast::<PyString>()?;
    let last = with_units!(last, |t| t.first().map(|&c| c.into()));
    Ok(ln::Features {
        chars: f.get_item(0)?.extract()?,
        words: f.get_item(1)?.extract()?,
        stop_ratio: f.get_item(2)?.extract()?,
        ends_sentence: f.get_item(3)?.extract()?,
        sentences: f.get_item(4)?.extract()?,
        upper_ratio: f.get_item(5)?.extract()?,
        unspaced: f.get_item(6)?.extract()?,
        last,
        prose: f.get_item(8)?.extract()?,
        title_shaped: f.get_item(9)?.extract()?,
    })
}

impl Page {
    fn flagged(&self, flagged: Vec<bool>) -> PyResult<Vec<bool>> {
        if flagged.len() != self.0.len() {
            return Err(PyValueError::new_err("a flag for every block"));
        }
        Ok(flagged)
    }

    fn main(&self, main: Option<(usize, usize)>) -> PyResult<Option<(usize, usize)>> {
        match main {
            Some((first, last)) if first > last || last >= self.0.len() => {
                Err(PyValueError::new_err("the main block is a range of the page's blocks"))
            }
            _ => Ok(main),
        }
    }
}

#[pymethods]
impl Page {
    #[new]
    fn new(lines: &Bound<'_, PyAny>, line_of: Vec<usize>, blocks: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = lines.py();
        let distinct: Vec<mc::Line> = distinct_lines(lines)?
            .iter()
            .map(|(text, f)| mc::Line {
                text: text.clone(),
                f: f.clone(),
            })
            .collect();
        let mut found = Vec::with_capacity(line_of.len());
        for (block, &line) in blocks.try_iter()?.zip(&line_of) {
            let block = block?;
            found.push(mc::Block {
                line,
                blank_before: block.getattr(intern!(py, "blank_before"))?.extract()?,
                link_share: block.getattr(intern!(py, "link_share"))?.extract()?,
            });
        }
        if found.len() != line_of.len()
            || blocks.len()? != line_of.len()
            || line_of.iter().any(|&k| k >= distinct.len())
        {
            return Err(PyValueError::new_err("a line of `lines` for every block"));
        }
        Ok(Page(mc::Page {
            lines: distinct,
            blocks: found,
        }))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// main_block(flagged) -> (first, last) of the main block, or None
    fn main_block(&self, flagged: Vec<bool>) -> PyResult<Option<(usize, usize)>> {
        Ok(mc::main_block(&self.0, &self.flagged(flagged)?))
    }

    /// headline_anchors() -> the blocks that print a part of the page's title again
    fn headline_anchors(&self) -> Vec<usize> {
        mc::headline_anchors(&self.0)
    }

    /// features(flagged, main) -> a row of the block model's features (BLOCK_FEATURES) per block
    fn features(&self, flagged: Vec<bool>, main: Option<(usize, usize)>) -> PyResult<Vec<Vec<f64>>> {
        let rows = bm::features(&self.0, &self.flagged(flagged)?, self.main(main)?);
        Ok(rows.iter().map(|row| row.to_vec()).collect())
    }

    /// probabilities(model, flagged, main) -> the model's probability that each block is the article's
    fn probabilities(
        &self,
        model: &BlockModel,
        flagged: Vec<bool>,
        main: Option<(usize, usize)>,
    ) -> PyResult<Vec<f64>> {
        Ok(bm::probabilities(
            &self.0,
            &model.0,
            &self.flagged(flagged)?,
            self.main(main)?,
        ))
    }

    /// article_blocks(model, flagged, main) -> whether each block is the article's
    fn article_blocks(
        &self,
        model: &BlockModel,
        flagged: Vec<bool>,
        main: Option<(usize, usize)>,
    ) -> PyResult<Vec<bool>> {
        Ok(bm::article_blocks(
            &self.0,
            &model.0,
            &self.flagged(flagged)?,
            self.main(main)?,
        ))
    }
}

/// BlockModel(features, weights, threshold, drop_inside, keep_outside, length_power): the block
/// model's weights for the features named (they must be BLOCK_FEATURES) and how it decides.
#[pyclass(frozen, module = "clean._core")]
struct BlockModel(bm::Model);

#[pymethods]
impl BlockModel {
    #[new]
    fn new(
        features: Vec<String>,
        weights: Vec<f64>,
        threshold: f64,
        drop_inside: f64,
        keep_outside: f64,
        length_power: f64,
    ) -> PyResult<Self> {
        bm::Model::new(&features, &weights, threshold, drop_inside, keep_outside, length_power)
            .map(BlockModel)
            .map_err(PyValueError::new_err)
    }
}

/// block_value(chars, prose, flagged) -> how much a block argues for the stretch around it being
/// the article
#[pyfunction]
fn block_value(chars: usize, prose: bool, flagged: bool) -> f64 {
    mc::block_value(chars, prose, flagged)
}

/// best_stretch(values) -> (first, last) of the stretch with the largest positive sum, or
/// (len(values), -1) when no value is positive
#[pyfunction]
fn best_stretch(values: Vec<f64>) -> (usize, isize) {
    match mc::best_stretch(&values) {
        Some((first, last)) => (first, last as isize),
        None => (values.len(), -1),
    }
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("UNICODE_VERSION", crate::tables::UNICODE_VERSION)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(split_lines, m)?)?;
    m.add_function(wrap_pyfunction!(normalise, m)?)?;
    m.add_function(wrap_pyfunction!(wrap_width, m)?)?;
    m.add_function(wrap_pyfunction!(looks_like_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(strip_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(unlink, m)?)?;
    m.add_function(wrap_pyfunction!(unemphasise, m)?)?;
    m.add_function(wrap_pyfunction!(to_source_ranges, m)?)?;
    m.add_function(wrap_pyfunction!(features, m)?)?;
    m.add_function(wrap_pyfunction!(lines, m)?)?;
    m.add_function(wrap_pyfunction!(key, m)?)?;
    m.add_function(wrap_pyfunction!(judge_lines, m)?)?;
    m.add_function(wrap_pyfunction!(metadata_byline, m)?)?;
    m.add_function(wrap_pyfunction!(metadata, m)?)?;
    m.add_function(wrap_pyfunction!(is_date, m)?)?;
    m.add_function(wrap_pyfunction!(is_month_year, m)?)?;
    m.add_function(wrap_pyfunction!(is_age, m)?)?;
    m.add_function(wrap_pyfunction!(is_labelled_date, m)?)?;
    m.add_function(wrap_pyfunction!(opens_with_date_label, m)?)?;
    m.add_function(wrap_pyfunction!(metadata_field, m)?)?;
    m.add("MAX_DATE_WORDS", judges::dates::MAX_DATE_WORDS)?;
    m.add_function(wrap_pyfunction!(headline, m)?)?;
    m.add_function(wrap_pyfunction!(related, m)?)?;
    m.add_function(wrap_pyfunction!(captions, m)?)?;
    m.add_function(wrap_pyfunction!(comments, m)?)?;
    m.add_function(wrap_pyfunction!(navigation, m)?)?;
    m.add_function(wrap_pyfunction!(player, m)?)?;
    m.add_function(wrap_pyfunction!(footer, m)?)?;
    m.add_function(wrap_pyfunction!(dateline_opening, m)?)?;
    m.add_class::<Stoplist>()?;
    m.add_class::<DateWords>()?;
    m.add_class::<Languages>()?;
    m.add_class::<Page>()?;
    m.add_class::<Vocabulary>()?;
    m.add_class::<Lines>()?;
    m.add_class::<BlockModel>()?;
    m.add_function(wrap_pyfunction!(block_value, m)?)?;
    m.add_function(wrap_pyfunction!(best_stretch, m)?)?;
    m.add("BLOCK_FEATURES", PyTuple::new(m.py(), bm::FEATURES)?)?;
    m.add("BLOCK_OWN", PyTuple::new(m.py(), bm::OWN)?)?;
    m.add("BLOCK_PLACE", PyTuple::new(m.py(), bm::PLACE)?)?;
    Ok(())
}
