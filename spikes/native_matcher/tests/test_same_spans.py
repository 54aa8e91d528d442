"""The native matcher gives the same candidates as the Python path (skipped when the
extension is not built: `spikes/native_matcher/build.sh`). Not part of the repository's test
run (its testpaths are `tests/`); run it with `pytest spikes/native_matcher/tests`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

native_matcher = pytest.importorskip("native_matcher", reason="the spike's extension is not built")

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
import compare  # noqa: E402
import reference as R  # noqa: E402


@pytest.fixture(scope="module", params=[True, False], ids=["digits-hand-port", "digits-fancy-regex"])
def matcher(request):
    m = native_matcher.Matcher(R.PATTERNS)
    m.use_port = request.param
    return m


def test_seeds(matcher):
    n, bad, kinds = compare.compare(compare.seed_documents(), matcher)
    assert n == 2 and bad == 0 and kinds["digits"] and kinds["trigger"]


def test_test_sentences(matcher):
    n, bad, kinds = compare.compare(compare.test_sentence_documents(), matcher)
    assert bad == 0 and kinds["day_range"] and kinds["century"]


def test_perf_corpora(matcher, tmp_path):
    n, bad, _ = compare.compare(compare.synth_documents(tmp_path, 60), matcher)
    assert n == 60 and bad == 0
    n, bad, _ = compare.compare(compare.bench_documents(0.3), matcher)
    assert n > 5 and bad == 0


@pytest.mark.parametrize("text", [
    "Über 1 200 Soldaten – 3,400 killed[12] and 1.5 million displaced; 12.5 km, 3rd, T-72, 10:30.",
    "On 8–11 August 2008 “some 2,000” troops; the 19th century; 44 BC; in the spring; Date14 January 1994.",
    "İstanbul: twenty-one killed, hundreds of thousands fled, a dozen tanks — ‘1,2345’ 1\u00a0000 2\u202f500,000.",
])
def test_edge_texts(matcher, text):
    from claims.readers import read_text

    document = read_text(f"= T =\n\n{text}\n", path="t.txt")
    prepared = R.prepare(document)
    assert R.find_candidates_py(prepared) == matcher.find_candidates(prepared.text, prepared.scan, prepared.paragraphs)
