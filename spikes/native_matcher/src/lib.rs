//! Spike (issue 16): the extractor's hot matcher in Rust.
//!
//! `Matcher(patterns)` compiles the pattern strings the Python side hands over (taken from
//! `claims.extract.prose` / `numbers` / `dates`, so both sides run the same regexes) and
//! `Matcher.find_candidates(text, scan, paragraphs)` walks them exactly as
//! `reference.find_candidates_py` does: the paragraph prefilter, then per sentence holding a
//! trigger the date scans and the number scans, with the same guards. Offsets in and out are
//! code points, as in Python.
//!
//! A pattern the `regex` crate accepts is run by it; one with look-around (which `regex`
//! does not support) by `fancy-regex`, a backtracking VM that hands the look-around-free
//! parts to `regex`. `Matcher.engines()` says which ran each pattern.

use pyo3::exceptions::{PyKeyError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use std::collections::HashMap;

type Span = (usize, usize);

enum Pat {
    /// Run by the `regex` crate; `anchored` is `^(?:...)`, for Python's `.match` at a position.
    Plain { re: regex::Regex, anchored: regex::Regex },
    /// Look-around: run by `fancy-regex`.
    Fancy(fancy_regex::Regex),
}

fn vm_error(e: fancy_regex::Error) -> PyErr {
    PyRuntimeError::new_err(format!("fancy-regex: {e}"))
}

impl Pat {
    fn new(pattern: &str) -> PyResult<Self> {
        match regex::Regex::new(pattern) {
            Ok(re) => {
                let anchored = regex::Regex::new(&format!("^(?:{pattern})"))
                    .map_err(|e| PyValueError::new_err(e.to_string()))?;
                Ok(Pat::Plain { re, anchored })
            }
            Err(_) => fancy_regex::Regex::new(pattern)
                .map(Pat::Fancy)
                .map_err(|e| PyValueError::new_err(format!("{e}: {pattern}"))),
        }
    }

    fn engine(&self) -> &'static str {
        match self {
            Pat::Plain { .. } => "regex",
            Pat::Fancy(_) => "fancy-regex",
        }
    }

    /// The leftmost match in `hay` starting at or after `pos` (Python's `search(text, pos,
    /// len(hay))`: what precedes `pos` is seen by look-behind and `\b`).
    fn find_at(&self, hay: &str, pos: usize) -> PyResult<Option<Span>> {
        match self {
            Pat::Plain { re, .. } => Ok(re.find_at(hay, pos).map(|m| (m.start(), m.end()))),
            Pat::Fancy(re) => Ok(re.find_from_pos(hay, pos).map_err(vm_error)?.map(|m| (m.start(), m.end()))),
        }
    }

    fn is_match_at(&self, hay: &str, pos: usize) -> PyResult<bool> {
        Ok(self.find_at(hay, pos)?.is_some())
    }

    /// A match starting exactly at `pos` (Python's `match(text, pos, len(hay))`). The plain
    /// form runs on the slice from `pos`: right for patterns that do not look before their
    /// start (checked for the ones it is used on: `not_figure_after`).
    fn match_at(&self, hay: &str, pos: usize) -> PyResult<Option<Span>> {
        match self {
            Pat::Plain { anchored, .. } => Ok(anchored.find(&hay[pos..]).map(|m| (pos + m.start(), pos + m.end()))),
            Pat::Fancy(re) => {
                Ok(re.find_from_pos(hay, pos).map_err(vm_error)?.map(|m| (m.start(), m.end())).filter(|m| m.0 == pos))
            }
        }
    }

    /// Like `find_at`, with the spans of the named groups asked for (None: not taking part).
    fn captures_at(&self, hay: &str, pos: usize, names: &[&str]) -> PyResult<Option<(Span, Vec<Option<Span>>)>> {
        match self {
            Pat::Plain { re, .. } => {
                let mut locs = re.capture_locations();
                if re.captures_read_at(&mut locs, hay, pos).is_none() {
                    return Ok(None);
                }
                let whole = locs.get(0).unwrap();
                let index: HashMap<&str, usize> =
                    re.capture_names().enumerate().filter_map(|(i, n)| n.map(|n| (n, i))).collect();
                let groups = names.iter().map(|n| index.get(n).and_then(|&i| locs.get(i))).collect();
                Ok(Some((whole, groups)))
            }
            Pat::Fancy(re) => match re.captures_from_pos(hay, pos).map_err(vm_error)? {
                None => Ok(None),
                Some(caps) => {
                    let m = caps.get(0).unwrap();
                    let groups = names.iter().map(|n| caps.name(n).map(|g| (g.start(), g.end()))).collect();
                    Ok(Some(((m.start(), m.end()), groups)))
                }
            },
        }
    }

    /// Every non-overlapping match in `hay[..]` from `pos` on (Python's `finditer`).
    fn each(&self, hay: &str, pos: usize, mut f: impl FnMut(Span)) -> PyResult<()> {
        let mut at = pos;
        while at <= hay.len() {
            match self.find_at(hay, at)? {
                None => break,
                Some((s, e)) => {
                    f((s, e));
                    at = if e > s { e } else { next_boundary(hay, e) };
                }
            }
        }
        Ok(())
    }
}

fn next_boundary(s: &str, at: usize) -> usize {
    let mut i = at + 1;
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Code-point offsets to UTF-8 byte offsets and back (identity for ASCII text).
struct Offsets {
    ascii: bool,
    char_to_byte: Vec<usize>,
    byte_to_char: Vec<usize>,
}

impl Offsets {
    fn new(s: &str) -> Self {
        if s.is_ascii() {
            return Offsets { ascii: true, char_to_byte: Vec::new(), byte_to_char: Vec::new() };
        }
        let mut char_to_byte = Vec::with_capacity(s.len() + 1);
        let mut byte_to_char = vec![0; s.len() + 1];
        for (ci, (b, ch)) in s.char_indices().enumerate() {
            char_to_byte.push(b);
            for k in 0..ch.len_utf8() {
                byte_to_char[b + k] = ci;
            }
        }
        let n = char_to_byte.len();
        char_to_byte.push(s.len());
        byte_to_char[s.len()] = n;
        Offsets { ascii: false, char_to_byte, byte_to_char }
    }

    fn byte(&self, c: usize) -> usize {
        if self.ascii { c } else { self.char_to_byte[c.min(self.char_to_byte.len() - 1)] }
    }

    fn chr(&self, b: usize) -> usize {
        if self.ascii { b } else { self.byte_to_char[b] }
    }
}

/// `numbers._DIGIT_RE` ported by hand to the `regex` crate (which has no look-around): the
/// look-behind and the look-aheads inside the digit groups become checks on the characters
/// around, the footnote markers and the scale word are anchored `regex` matches. Returns the
/// spans of the match and of its groups `d`, `fn`, `scale` from `pos` on in `hay`.
struct DigitsPort {
    digit: regex::Regex,
    footnotes: regex::Regex,
    scale: regex::Regex,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && decimal(c))
}

/// A Unicode decimal digit (category Nd), as Python's `\d` and `regex`'s `\d` take it.
fn decimal(c: char) -> bool {
    let mut buf = [0u8; 4];
    DECIMAL.with(|re| re.is_match(c.encode_utf8(&mut buf)))
}

thread_local! {
    static DECIMAL: regex::Regex = regex::Regex::new(r"^\d$").unwrap();
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl DigitsPort {
    /// `footnote` is `numbers.FOOTNOTE` (the rest of `_DIGIT_RE` is written out below).
    fn new(footnote: &str) -> PyResult<Self> {
        Ok(DigitsPort {
            digit: regex::Regex::new(r"\d").unwrap(),
            footnotes: regex::Regex::new(&format!("(?i)^(?:{footnote})*"))
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
            scale: regex::Regex::new(r"(?i)^\s*(million|thousand|billion|bn)").unwrap(),
        })
    }

    fn digits_end(hay: &str, mut i: usize) -> usize {
        while let Some(c) = hay[i..].chars().next() {
            if !is_digit(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// `\d{1,3}(?:(?:,|[ \xa0\u202f](?=\d{3}(?!\d)))\d{3})+(?!\d)` at `start` (a digit run
    /// `start..run_end`), with the regex's backtracking worked out.
    fn grouped(hay: &str, start: usize, run_end: usize) -> Option<usize> {
        if hay[start..run_end].chars().count() > 3 {
            return None;
        }
        let mut ends = Vec::new();
        let mut at = run_end;
        loop {
            let mut it = hay[at..].chars();
            let sep = match it.next() {
                Some(c @ (',' | ' ' | '\u{a0}' | '\u{202f}')) => c,
                _ => break,
            };
            let g = at + sep.len_utf8();
            let g_end = Self::digits_end(hay, g);
            let n = hay[g..g_end].chars().count();
            if n < 3 {
                break;
            }
            if sep != ',' && n != 3 {
                break; // the look-ahead: exactly three digits after a space
            }
            // `,\d{3}` takes three digits even when more follow.
            let three = hay[g..].char_indices().nth(3).map_or(hay.len(), |(k, _)| g + k);
            ends.push(three);
            at = three;
            if n > 3 {
                break;
            }
        }
        // `(?!\d)` after the last group, else one group fewer (a separator follows it).
        while let Some(&end) = ends.last() {
            if hay[end..].chars().next().map_or(false, is_digit) {
                ends.pop();
            } else {
                return Some(end);
            }
        }
        None
    }

    fn captures_at(&self, hay: &str, pos: usize) -> Option<(Span, [Option<Span>; 3])> {
        let mut at = pos;
        while let Some(m) = self.digit.find_at(hay, at) {
            let s = m.start();
            at = m.end();
            let mut before = hay[..s].chars().rev();
            let prev = before.next();
            if prev.map_or(false, |c| is_word(c) || ".,[/:^".contains(c)) {
                continue;
            }
            if prev == Some('-') && before.next().map_or(false, |c| c.is_ascii_alphabetic()) {
                continue;
            }
            let run_end = Self::digits_end(hay, s);
            let d_end = match Self::grouped(hay, s, run_end) {
                Some(e) => e,
                None => {
                    let mut e = run_end;
                    if hay[e..].starts_with('.') {
                        let f = Self::digits_end(hay, e + 1);
                        if f > e + 1 {
                            e = f;
                        }
                    }
                    e
                }
            };
            let fn_end = d_end + self.footnotes.find(&hay[d_end..]).map_or(0, |f| f.end());
            let mut end = fn_end;
            let mut scale = None;
            if let Some(c) = self.scale.captures(&hay[fn_end..]) {
                let w = c.get(1).unwrap();
                let after = fn_end + w.end();
                if !hay[after..].chars().next().map_or(false, |c| is_word(c) || c == '-') {
                    scale = Some((fn_end + w.start(), after));
                    end = after;
                }
            }
            return Some(((s, end), [Some((s, d_end)), Some((d_end, fn_end)), scale]));
        }
        None
    }
}

const KINDS: [&str; 13] = [
    "trigger", "glued_range", "glued", "day_range", "simple", "season", "century", "ad", "numeric",
    "relative", "digits", "words", "unused",
];
const TRIGGER: usize = 0;
const GLUED_RANGE: usize = 1;
const GLUED: usize = 2;
const DAY_RANGE: usize = 3;
const SIMPLE: usize = 4;
const SEASON: usize = 5;
const CENTURY: usize = 6;
const AD: usize = 7;
const NUMERIC: usize = 8;
const RELATIVE: usize = 9;
const DIGITS: usize = 10;
const WORDS: usize = 11;

#[pyclass]
struct Matcher {
    pats: HashMap<String, Pat>,
    digits_port: DigitsPort,
    /// Whether `find_candidates` runs `digits` through the hand port (else fancy-regex).
    #[pyo3(get, set)]
    use_port: bool,
    kinds: Vec<PyObject>,
}

impl Matcher {
    fn pat(&self, name: &str) -> &Pat {
        &self.pats[name]
    }

    /// The date scans of `dates._simple_partials` and `find_dates` over sentence `[lo, hi)`
    /// (byte offsets into `text`).
    fn dates(&self, text: &str, off: &Offsets, lo: usize, hi: usize, out: &mut Vec<(usize, usize, usize)>) -> PyResult<()> {
        let hay = &text[..hi];
        let seg = &text[lo..hi];
        let months = self.pat("month_hint").is_match_at(hay, lo)?;
        let era = ["BC", "AD", "CE", "B.", "A.", "C."].iter().any(|w| seg.contains(w));
        if months {
            let glued_lo = off.byte(off.chr(lo).saturating_sub(5));
            if text[glued_lo..hi].contains("Date") {
                let mut labels = Vec::new();
                self.pat("glued_label").each(hay, glued_lo, |m| labels.push(m))?;
                for (_, g_end) in labels {
                    if let Some((s, e)) = self.pat("day_range_glued").match_at(hay, g_end)? {
                        out.push((s, e, GLUED_RANGE));
                    } else if let Some((s, e)) = self.pat("simple_glued").match_at(hay, g_end)? {
                        out.push((s, e, GLUED));
                    }
                }
            }
            self.pat("day_range").each(hay, lo, |(s, e)| out.push((s, e, DAY_RANGE)))?;
            let simple = self.pat("simple");
            let mut at = lo;
            while let Some(((s, e), groups)) = simple.captures_at(hay, at, &["bm"])? {
                let skip = groups[0].map_or(false, |(a, b)| {
                    let bm = &hay[a..b];
                    bm.starts_with("May") && !bm[3..].starts_with('.')
                });
                if !skip {
                    out.push((s, e, SIMPLE));
                }
                at = if e > s { e } else { next_boundary(hay, e) };
            }
        }
        if ["pring", "ummer", "utumn", "inter"].iter().any(|w| seg.contains(w)) {
            self.pat("season").each(hay, lo, |(s, e)| out.push((s, e, SEASON)))?;
        }
        if seg.contains("entur") {
            self.pat("century").each(hay, lo, |(s, e)| out.push((s, e, CENTURY)))?;
        }
        if era {
            self.pat("ad").each(hay, lo, |(s, e)| out.push((s, e, AD)))?;
        }
        let numeric = self.pat(if era { "numeric" } else { "numeric_no_era" });
        numeric.each(hay, lo, |(s, e)| out.push((s, e, NUMERIC)))?;
        if self.pat("relative_hint").is_match_at(hay, lo)? {
            self.pat("relative").each(hay, lo, |(s, e)| out.push((s, e, RELATIVE)))?;
        }
        Ok(())
    }

    /// `_DIGIT_RE` from `pos`: the hand port, or fancy-regex when the port is switched off.
    fn digits(&self, hay: &str, pos: usize) -> PyResult<Option<(Span, Vec<Option<Span>>)>> {
        if self.use_port {
            Ok(self.digits_port.captures_at(hay, pos).map(|(m, g)| (m, g.to_vec())))
        } else {
            self.pat("digits").captures_at(hay, pos, &["d", "fn", "scale"])
        }
    }

    /// The scans of `numbers.find_numbers` over sentence `[lo, hi)`; `low` is its lower case.
    fn numbers(&self, text: &str, lo: usize, hi: usize, low: &str, out: &mut Vec<(usize, usize, usize)>) -> PyResult<()> {
        let hay = &text[..hi];
        let not_figure = self.pat("not_figure_after");
        let mut at = lo;
        while let Some(((s, e), g)) = self.digits(hay, at)? {
            let d = g[0].unwrap();
            let has_fn = g[1].map_or(false, |(a, b)| b > a);
            let has_scale = g[2].map_or(false, |(a, b)| b > a);
            // As in find_numbers: matched on the whole text, not the sentence.
            if !(not_figure.match_at(text, d.1)?.is_some() && !has_fn) {
                out.push((d.0, if has_scale { e } else { d.1 }, DIGITS));
            }
            at = if e > s { e } else { next_boundary(hay, e) };
        }
        if self.pat("hint").find_at(low, 0)?.is_none() {
            return Ok(());
        }
        self.pat("words").each(hay, lo, |(s, e)| out.push((s, e, WORDS)))
    }
}

#[pymethods]
impl Matcher {
    #[new]
    fn new(py: Python<'_>, patterns: HashMap<String, String>) -> PyResult<Self> {
        let needed = [
            "trigger", "trigger_i", "digit", "hint", "words", "digits", "not_figure_after", "month_hint",
            "glued_label", "day_range_glued", "simple_glued", "day_range", "simple", "season", "century", "ad",
            "numeric", "numeric_no_era", "relative_hint", "relative",
        ];
        let mut pats = HashMap::new();
        for name in needed {
            let p = patterns.get(name).ok_or_else(|| PyKeyError::new_err(name.to_string()))?;
            pats.insert(name.to_string(), Pat::new(p)?);
        }
        let footnote = patterns.get("footnote").ok_or_else(|| PyKeyError::new_err("footnote"))?;
        let kinds = KINDS.iter().map(|k| pyo3::types::PyString::intern(py, k).into_py(py)).collect();
        Ok(Matcher { pats, digits_port: DigitsPort::new(footnote)?, use_port: true, kinds })
    }

    /// Which crate runs each pattern: `regex` or `fancy-regex` (look-around).
    fn engines(&self) -> HashMap<String, &'static str> {
        self.pats.iter().map(|(k, p)| (k.clone(), p.engine())).collect()
    }

    /// How many matches pattern `name` has in each of `spans` of `text` together, scanned as
    /// Python's `finditer(text, s, e)` does (for timing one pattern against Python's `re`).
    fn count(&self, name: &str, text: &str, spans: Vec<(usize, usize)>) -> PyResult<usize> {
        let off = Offsets::new(text);
        let mut n = 0;
        if name == "digits_port" {
            for (s, e) in spans {
                let hay = &text[..off.byte(e)];
                let mut at = off.byte(s);
                while let Some(((a, b), _)) = self.digits_port.captures_at(hay, at) {
                    n += 1;
                    at = if b > a { b } else { next_boundary(hay, b) };
                }
            }
            return Ok(n);
        }
        let pat = self.pats.get(name).ok_or_else(|| PyKeyError::new_err(name.to_string()))?;
        for (s, e) in spans {
            pat.each(&text[..off.byte(e)], off.byte(s), |_| n += 1)?;
        }
        Ok(n)
    }

    /// Every candidate as `(start, end, kind)`, code-point offsets, in the order
    /// `reference.find_candidates_py` gives them. `paragraphs` is `[(lo, hi, [(s, e), ...])]`.
    fn find_candidates<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        scan: Option<&str>,
        paragraphs: Vec<(usize, usize, Vec<(usize, usize)>)>,
    ) -> PyResult<&'py PyList> {
        let off = Offsets::new(text);
        let scan_off = scan.map(Offsets::new);
        let (trigger, hay, hay_off) = match (scan, scan_off.as_ref()) {
            (Some(s), Some(o)) => (self.pat("trigger"), s, o),
            _ => (self.pat("trigger_i"), text, &off),
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // byte offsets into `text` (or the scan)
        let mut out: Vec<(usize, usize, usize)> = Vec::new(); // code points
        for (lo, hi, spans) in paragraphs {
            let ends: Vec<usize> = spans.iter().map(|&(_, e)| e).collect();
            let mut wanted = vec![false; spans.len()];
            let h = &hay[..hay_off.byte(hi)];
            let mut triggers = Vec::new();
            trigger.each(h, hay_off.byte(lo), |m| triggers.push(m))?;
            for (s, e) in triggers {
                let (cs, ce) = (hay_off.chr(s), hay_off.chr(e));
                out.push((cs, ce, TRIGGER));
                let k = ends.partition_point(|&x| x <= cs);
                if k < spans.len() {
                    wanted[k] = true;
                }
            }
            for (k, &(s, e)) in spans.iter().enumerate() {
                if !wanted[k] {
                    continue;
                }
                let (sb, eb) = (off.byte(s), off.byte(e));
                let lowered;
                let low: &str = match (scan, scan_off.as_ref()) {
                    (Some(sc), Some(o)) => &sc[o.byte(s)..o.byte(e)],
                    _ => {
                        lowered = text[sb..eb].to_lowercase();
                        &lowered
                    }
                };
                found.clear();
                self.dates(text, &off, sb, eb, &mut found)?;
                let has_figure = self.pat("digit").is_match_at(&text[..eb], sb)?
                    || self.pat("hint").find_at(low, 0)?.is_some()
                    || low.contains(" a ")
                    || low.contains(" an ")
                    || low.starts_with("a ")
                    || low.starts_with("an ");
                if has_figure {
                    self.numbers(text, sb, eb, low, &mut found)?;
                }
                out.extend(found.iter().map(|&(s, e, k)| (off.chr(s), off.chr(e), k)));
            }
        }
        let items: Vec<&PyTuple> = out
            .into_iter()
            .map(|(s, e, k)| PyTuple::new(py, &[s.into_py(py), e.into_py(py), self.kinds[k].clone_ref(py)]))
            .collect();
        Ok(PyList::new(py, items))
    }
}

#[pymodule]
fn native_matcher(_py: Python<'_>, m: &PyModule) -> PyResult<()> {
    m.add_class::<Matcher>()?;
    Ok(())
}
