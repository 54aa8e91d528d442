"""One self-contained HTML page: inline CSS, inline SVG, no scripts, no network, printable.

First the grouping (which documents make each event, why, which are versions of one article).
Per event, each finding with its claims side by side; a disputed quantity is one finding with
one interval chart (each estimate on one axis, labelled A, B, ... with its file, line and
claimant; an open arrow for `at least` / `up to`, a diamond for an approximate figure with its
tolerance as a pale band, a bar for a range, a dot for an exact figure), its estimates and what
each pair of them says. Every string that comes from a document goes through ``html.escape``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from html import escape as _escape
from itertools import accumulate

from claims.api import (
    INF,
    Claim,
    Confidence,
    Conflict,
    Interval,
    Outcome,
    Qualifier,
    Quantity,
    Relation,
    claim_strict,
    claim_tolerant,
    describe_claimant,
    describe_value,
    nominal,
    quantity_label,
    relation_lines,
    strict,
    tolerant,
)
from claims.reports import (
    OUTCOME_LABELS, Chart, EventReport, Report, human, place, rule_title, tallied_line, totals_line,
)


def esc(text: object) -> str:
    return _escape(str(text), quote=True)


CSS = """
:root { --ink:#1d2430; --muted:#5b6577; --line:#d5dae3; --bg:#fff; --conflict:#b3261e; --tension:#b26a00;
        --ok:#2f6b3a; --neutral:#35608f; --band:#e8edf5; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 21px; margin: 36px 0 8px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 6px; }
.muted, .legend { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; font-size: 14px; }
th { background: #f3f5f9; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--neutral); border-radius: 4px;
           padding: 10px 14px; margin: 14px 0; break-inside: avoid; }
.finding.conflict { border-left-color: var(--conflict); } .finding.indeterminate { border-left-color: var(--tension); }
.finding.consistent { border-left-color: var(--ok); }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600;
         color: #fff; background: var(--neutral); margin-right: 4px; }
.badge.high { background: var(--conflict); } .badge.medium { background: #c25b00; } .badge.low { background: #8a6d00; }
.badge.info { background: var(--muted); }
.quote { font-family: Georgia, serif; }
.reasons { margin: 2px 0 0 16px; padding: 0; font-size: 12px; color: var(--muted); }
.verdict { background: #eef6ee; border: 1px solid #cfe3cf; padding: 4px 8px; border-radius: 3px; margin: 6px 0; }
.note { background: #fff8e6; border-left: 3px solid #e0b64a; padding: 4px 8px; margin: 6px 0; }
figure { margin: 14px 0; break-inside: avoid; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font-family: system-ui, sans-serif; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; } h2.first { break-before: avoid; }
  .finding, figure, tr { break-inside: avoid; }
}
"""

W, LABEL_W, PLOT_L, PLOT_R, ROW_H, TOP = 980, 300, 310, 820, 28, 30


LOG_ABOVE = 100
"""Estimates spanning more than this factor are drawn on a log scale (labelled so)."""


def _scale(values: list[float]) -> tuple[float, float, bool]:
    """The axis: linear from zero, so 46 and 60 tanks look as close as they are; a log scale
    only when the estimates span more than :data:`LOG_ABOVE` times."""
    finite = [v for v in values if v not in (INF,) and v >= 0]
    hi = max(finite) if finite else 1.0
    lo_pos = min((v for v in finite if v > 0), default=1.0)
    if hi / max(lo_pos, 1e-9) > LOG_ABOVE:
        return math.log10(lo_pos * 0.7), math.log10(hi * 1.3), True
    return 0.0, hi * 1.12 if hi > 0 else 1.0, False


def _ticks(lo: float, hi: float, log: bool) -> list[float]:
    if log:
        out = []
        for e in range(math.floor(lo), math.ceil(hi) + 1):
            for m in (1, 2, 5):
                v = m * 10 ** e
                if lo <= math.log10(v) <= hi:
                    out.append(float(v))
        return out
    span = hi - lo
    raw = span / 6 if span > 0 else 1
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step) * step
    return [start + i * step for i in range(int((hi - start) / step) + 1)]


def _fmt(v: float) -> str:
    if v >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    if v >= 10_000:
        return f"{v / 1000:g}k"
    return f"{v:,.0f}"


LABEL_CHARS = 38
"""Characters per line of a row label at 13 px in :data:`LABEL_W`; longer labels wrap."""


def _wrap(text: str, width: int = LABEL_CHARS) -> list[str]:
    """Lines of at most ``width`` characters, broken at spaces (a longer word on its own line,
    broken only where it must be): a label is never cut short."""
    lines: list[str] = []
    for word in text.split():
        while len(word) > width:
            lines.append(word[:width])
            word = word[width:]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _row_label(report: Report, c: Claim, chart: Chart) -> list[str]:
    """The estimate, where it is stated, who says it and about which side, in full:
    `A · seeds/terter.txt:13` then `Azerbaijani MoD (belligerent) · side: Armenia`."""
    label = chart.labels.get(c.id, "")
    where = f"{label + ' · ' if label else ''}{report.where(c)}"
    side = c.side.name if c.side and c.side.name else "no side given"
    return _wrap(where) + _wrap(f"{describe_claimant(c)} · side: {side}")


_STATE_COLORS = {Outcome.CONFLICT: "#b3261e", Outcome.INDETERMINATE: "#b26a00"}
"""A chart row's colour by how its claim is disputed (see :func:`_states`); else blue."""


def chart_svg(report: Report, chart: Chart, states: dict[str, Outcome]) -> str:
    claims = [c for c in chart.claims if isinstance(c.value, Quantity)]
    rows: list[tuple[list[str], Quantity, Interval, Interval, Claim | None]] = [
        (_row_label(report, c, chart), c.value, claim_tolerant(c), claim_strict(c), c) for c in claims  # type: ignore[arg-type]
    ]
    parts = [c for c in claims if c.id in chart.summed]
    if parts:
        t_sum, s_sum = Interval(0.0, 0.0), Interval(0.0, 0.0)
        for c in parts:
            t_sum, s_sum = t_sum + claim_tolerant(c), s_sum + claim_strict(c)
        loose = any(c.value.qualifier is not Qualifier.EXACT for c in parts)  # type: ignore[union-attr]
        total = round(sum(nominal(c.value) for c in parts))  # type: ignore[arg-type]
        q = Quantity(low=total, high=total, qualifier=Qualifier.APPROX if loose else Qualifier.EXACT,
                     category=parts[0].value.category)  # type: ignore[union-attr]
        rows.append((["Sum of the parts above" if len(parts) < len(claims) else "Sum"], q, t_sum, s_sum, None))
    values: list[float] = []
    for _, _, t, s, _ in rows:
        values += [t.low, t.high, s.low, s.high]
    lo, hi, log = _scale(values)

    def x(v: float) -> float:
        if v == INF:
            return PLOT_R
        if log:
            v = math.log10(max(v, 10 ** lo))
        v = min(max(v, lo), hi)
        return PLOT_L + (v - lo) / (hi - lo) * (PLOT_R - PLOT_L) if hi > lo else PLOT_L

    heights = [max(ROW_H, 16 * len(label) + 8) for label, *_ in rows]
    tops = list(accumulate(heights[:-1], initial=TOP))
    body = sum(heights)
    height = TOP + body + 40
    out = [f'<svg viewBox="0 0 {W} {height}" width="100%" role="img" '
           f'aria-label="{esc(chart.title)}">', f"<title>{esc(chart.title)}</title>"]
    axis_y = TOP + body + 6
    for t in _ticks(lo, hi, log):
        tx = x(t)
        out.append(f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{axis_y}" stroke="#e3e7ee"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 16}" font-size="12" text-anchor="middle" fill="#5b6577">{esc(_fmt(t))}</text>')
    out.append(f'<line x1="{PLOT_L}" y1="{axis_y}" x2="{PLOT_R}" y2="{axis_y}" stroke="#5b6577"/>')
    if log:
        out.append(f'<text x="{PLOT_R}" y="{TOP - 14}" font-size="11" text-anchor="end" fill="#5b6577">'
                   f"log scale: the estimates span more than {LOG_ABOVE}×</text>")
    for i, (label, q, t, s, c) in enumerate(rows):
        y = tops[i] + heights[i] / 2
        state = states.get(c.id) if c is not None else None
        color = _STATE_COLORS.get(state, "#35608f")
        verdict = report.verdicts.get(c.id) if c is not None else None
        mark = VERDICT_MARKS.get(verdict.verdict.value, "") if verdict is not None else ""
        if verdict is not None and verdict.verdict.value == "rejected":
            color = "#8b93a1"  # a rejected figure is drawn grey: the reviewer set it aside
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{tops[i]:.1f}" width="{W}" height="{heights[i]}" fill="#f7f8fb"/>')
        first = y - 8 * (len(label) - 1) + 4
        out.append(f'<text x="{LABEL_W}" y="{first:.1f}" font-size="13" text-anchor="end" fill="#1d2430">'
                   + "".join(f'<tspan x="{LABEL_W}" dy="{0 if n == 0 else 16}">{esc(line)}</tspan>'
                             for n, line in enumerate(label)) + "</text>")
        out.append(f'<rect x="{x(t.low):.1f}" y="{y - 7:.1f}" width="{max(x(t.high) - x(t.low), 1):.1f}" height="14" '
                   f'fill="{color}" fill-opacity="0.13"/>')
        if q.qualifier is Qualifier.AT_LEAST:
            x0 = x(s.low)
            out.append(f'<line x1="{x0:.1f}" y1="{y}" x2="{PLOT_R - 2}" y2="{y}" stroke="{color}" stroke-width="3"/>')
            out.append(f'<line x1="{x0:.1f}" y1="{y - 7}" x2="{x0:.1f}" y2="{y + 7}" stroke="{color}" stroke-width="3"/>')
            out.append(f'<polygon points="{PLOT_R + 8},{y} {PLOT_R - 4},{y - 7} {PLOT_R - 4},{y + 7}" fill="{color}"/>')
        elif q.qualifier is Qualifier.AT_MOST:
            x1 = x(s.high)
            out.append(f'<line x1="{PLOT_L + 2}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="{color}" stroke-width="3"/>')
            out.append(f'<line x1="{x1:.1f}" y1="{y - 7}" x2="{x1:.1f}" y2="{y + 7}" stroke="{color}" stroke-width="3"/>')
            out.append(f'<polygon points="{PLOT_L - 8},{y} {PLOT_L + 4},{y - 7} {PLOT_L + 4},{y + 7}" fill="{color}"/>')
        elif s.low != s.high:
            out.append(f'<line x1="{x(s.low):.1f}" y1="{y}" x2="{x(s.high):.1f}" y2="{y}" stroke="{color}" stroke-width="5"/>')
            for v in (s.low, s.high):
                out.append(f'<line x1="{x(v):.1f}" y1="{y - 7}" x2="{x(v):.1f}" y2="{y + 7}" stroke="{color}" stroke-width="2"/>')
        elif q.qualifier is Qualifier.APPROX:
            cx = x(s.low)
            out.append(f'<polygon points="{cx:.1f},{y - 8} {cx + 8:.1f},{y} {cx:.1f},{y + 8} {cx - 8:.1f},{y}" '
                       f'fill="#fff" stroke="{color}" stroke-width="2.5"/>')
        else:
            out.append(f'<circle cx="{x(s.low):.1f}" cy="{y}" r="6" fill="{color}"/>')
        out.append(f'<text x="{PLOT_R + 16}" y="{y + 4:.1f}" font-size="13" fill="{color}" font-weight="600">'
                   f"{esc(describe_value(q).split(' ')[0])}{esc(' ' + mark if mark else '')}</text>")
    out.append("</svg>")
    return "\n".join(out)


LEGEND = ('<p class="legend"><b>How to read the charts</b> (one per disputed figure, on a scale from zero): '
          '● exact figure &nbsp; ◇ approximate (pale band: the tolerance allowed) &nbsp; '
          '━ range &nbsp; |━▶ at least (open-ended) &nbsp; ◀━| up to (open-ended) &nbsp; '
          '<span style="color:#b3261e">red</span>: in a conflict, <span style="color:#b26a00">amber</span>: to decide, '
          '<span style="color:#35608f">blue</span>: not disputed, <span style="color:#8b93a1">grey</span>: rejected '
          'by a reviewer &nbsp; ✓ accepted &nbsp; ? disputed &nbsp; ✗ rejected &nbsp; ⚑ needs a source</p>')

VERDICT_MARKS = {"accepted": "✓", "disputed": "?", "rejected": "✗", "needs_source": "⚑"}



class _Cells:
    """HTML pieces that many rows of one page repeat, escaped once per page: a document's title
    and link, a confidence cell, a short string (a section, a claimant). At a million claims a
    page has over a hundred thousand rows; escaping every piece of every row (1.9M escapes) was
    about a quarter of rendering in the profile."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._documents: dict[str, tuple[str, str]] = {}
        self._confidence: dict[Confidence, str] = {}
        self._short: dict[str, str] = {}

    def short(self, text: str) -> str:
        """``esc(text)`` for text that recurs (a place, a claimant, an estimate label)."""
        out = self._short.get(text)
        if out is None:
            out = self._short[text] = esc(text)
        return out

    def document(self, document_id: str) -> tuple[str, str]:
        """(escaped title, escaped path) of a document."""
        out = self._documents.get(document_id)
        if out is None:
            report = self.report
            out = self._documents[document_id] = (esc(report.document_title(document_id)),
                                                  esc(report.document_path(document_id)))
        return out

    def confidence(self, conf: Confidence) -> str:
        """The table cell of a confidence: grade, score, override and reasons."""
        out = self._confidence.get(conf)
        if out is None:
            reasons = "".join(f"<li>{esc(r)}</li>" for r in conf.reasons)
            out = self._confidence[conf] = (
                f"<td><b>{esc(conf.grade)}</b> {conf.score:.2f}{' <b>reviewer override</b>' if conf.overridden else ''}"
                f"<ul class=reasons>{reasons}</ul></td>")
        return out


def _claim_table(report: Report, k: Conflict, cells: _Cells) -> str:
    dispute = k.dispute is not None
    rows = [_TABLE_HEAD[dispute]]
    table, left = report.table(k)
    verdicts = report.verdicts
    for cid, label, c in table:
        lead = f"<td>{cells.short(label)}</td>" if dispute else ""
        if c is None:
            rows.append(f"<tr>{lead}<td colspan=6>{esc(cid)} (claim not found)</td></tr>")
            continue
        title, path = cells.document(c.document)  # `path:line` escaped: a colon and digits need none
        verdict = esc(report.verdict_of(cid)) if cid in verdicts else ""
        rows.append(
            f"<tr>{lead}<td>{esc(describe_value(c.value))}</td><td class=quote>“{esc(c.span.quote)}”</td>"
            f'<td>{title}<br><span class=muted><a href="{path}">{path}:{c.span.line}</a>, '
            f"{cells.short(place(c))}</span></td>"
            f"<td>{cells.short(describe_claimant(c))}</td>"
            f"{cells.confidence(c.confidence)}<td>{verdict}</td></tr>"
        )
    rows += [f"<tr><td colspan={7 if dispute else 6} class=muted>… and {esc(line)}</td></tr>" for line in left]
    rows.append("</tbody></table>")
    return "".join(rows)


_TABLE_HEAD = {dispute: "<table><thead><tr>" + ("<th>Estimate</th>" if dispute else "")
               + "<th>Figure</th><th>Quote</th><th>Document</th><th>Claimant</th>"
               "<th>Confidence</th><th>Verdict</th></tr></thead><tbody>" for dispute in (False, True)}


def _finding(report: Report, k: Conflict, charts: list[Chart], states: dict[str, Outcome], cells: _Cells) -> str:
    parts = [f'<article class="finding {esc(k.outcome.value)}" id="{esc(k.id)}">',
             f'<h3><span class="badge {esc(k.severity.value)}">{esc(k.severity.value)}</span>'
             + (f"{esc(k.rule)}: checked and consistent <span class=muted>(the rule looks for: "
                f"{esc(rule_title(k.rule))})</span></h3>" if k.outcome is Outcome.CONSISTENT else
                f"{esc(k.rule)}: {esc(rule_title(k.rule))} <span class=muted>({esc(OUTCOME_LABELS[k.outcome])})</span></h3>")]
    v = report.verdicts.get(k.id)
    if v is not None:
        parts.append(f'<div class="verdict">Reviewed: <b>{esc(human(v.verdict.value))}</b> by {esc(v.reviewer)}'
                     f"{': ' + esc(v.note) if v.note else ''}</div>")
    for chart in charts:
        parts.append(f"<figure><figcaption>{esc(chart.title)}</figcaption>{chart_svg(report, chart, states)}"
                     "</figure>")
    if k.dispute is not None:
        parts.append(f"<p><b>{esc(quantity_label(k.dispute))}</b></p>")
        parts.append(_claim_table(report, k, cells))
        parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in relation_lines(k.dispute, k.outcome))
                     + "</ul>")
    else:
        parts.append(f"<p>{esc(k.explanation)}</p>")
        parts.append(_claim_table(report, k, cells))
    for cid in (k.id, *k.claims):
        for note in report.notes.get(cid, ()):
            parts.append(f'<div class="note">Note by {esc(note.reviewer)}: {esc(note.note)}</div>')
    parts.append("</article>")
    return "\n".join(parts)


_PAIR_STATES = {Relation.CLASH: Outcome.CONFLICT, Relation.LOOSE: Outcome.INDETERMINATE}


def _states(e: EventReport) -> dict[str, Outcome]:
    """Claim id -> how it is disputed: red in a clash, amber in a tension to decide."""
    # The members in locals: an enum member read from its class is a descriptor call, and
    # this runs over every claim of every listed finding.
    conflict, indeterminate, pair_states = Outcome.CONFLICT, Outcome.INDETERMINATE, _PAIR_STATES
    states: dict[str, Outcome] = {}
    for k in e.conflicts:
        if k.dispute is not None:
            for p in k.dispute.pairs:
                outcome = pair_states.get(p.relation)
                if outcome is None:
                    continue
                for i in (p.a, p.b):
                    for cid in k.dispute.estimates[i].claims:
                        if outcome is conflict or cid not in states:
                            states[cid] = outcome
            continue
        outcome = k.outcome
        if outcome is conflict:
            states.update(dict.fromkeys(k.claims, conflict))
        elif outcome is indeterminate:
            for cid in k.claims:
                if cid not in states:
                    states[cid] = outcome
    return states


def _event(report: Report, e: EventReport, first: bool, include_consistent: bool, cells: _Cells) -> str:
    shown = [k for k in e.conflicts if include_consistent or k.outcome is not Outcome.CONSISTENT]
    states = _states(e)
    charts: dict[str, list[Chart]] = {}
    for chart in e.charts:
        charts.setdefault(chart.conflicts[0], []).append(chart)
    parts = [f'<section id="{esc(e.id)}"><h2{" class=first" if first else ""}>{esc(e.name)}</h2>',
             "<p class=muted>Documents: " + ", ".join(esc(report.document_path(d)) for d in e.documents) + "</p>"]
    counted = e.tallied if include_consistent else ()
    if not shown and not counted:
        parts.append("<p>No findings.</p>")
    parts += [_finding(report, k, charts.get(k.id, []), states, cells) for k in shown]
    if counted:
        parts.append("<p class=muted>Checked and consistent, counted here and not listed: "
                     + ", ".join(f"{esc(rule)} × {n:,} (it looks for: {esc(rule_title(rule))})" for rule, n in counted)
                     + ".</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _grouping(report: Report) -> str:
    items = []
    for e in report.events:
        why = "".join(f"<li>{esc(w)}</li>" for w in e.why)
        why += "".join(f"<li>versions of one article: {esc(', '.join(report.document_path(d) for d in g))} "
                       f"({esc(w)})</li>" for g, w in zip(e.versions, e.version_why))
        docs = ", ".join(f"<code>{esc(report.document_path(d))}</code>" for d in e.documents)
        items.append(f'<li><a href="#{esc(e.id)}">{esc(e.name)}</a>: {docs}<ul class=muted>{why}</ul></li>')
    return "<h2 class=first>Grouping</h2><ul>" + "".join(items) + "</ul>"


def _provenance(report: Report) -> str:
    """What the report was made from: store, date, tool, documents, reviewers."""
    if not report.provenance:
        return ""
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in report.provenance)
    return f'<table class="provenance">{rows}</table>\n'


def render(report: Report, *, include_consistent: bool = True) -> str:
    return "".join(chunks(report, include_consistent=include_consistent))


def chunks(report: Report, *, include_consistent: bool = True) -> Iterator[str]:
    """The page of :func:`render` in pieces, an event at a time, to write as they are made: a
    page of a million claims is a hundred megabytes, held once rather than joined and copied."""
    totals = report.totals()
    summary = ["<table><thead><tr><th>Event</th><th>Documents</th><th>Conflicts</th><th>To decide</th>"
               "<th>Identities</th><th>Consistent checks</th></tr></thead><tbody>"]
    for e in report.events:
        summary.append(f'<tr><td><a href="#{esc(e.id)}">{esc(e.name)}</a></td><td class=num>{len(e.documents)}</td>'
                       f"<td class=num>{e.count(Outcome.CONFLICT)}</td><td class=num>{e.count(Outcome.INDETERMINATE)}</td>"
                       f"<td class=num>{e.count(Outcome.IDENTITY)}</td><td class=num>{e.count(Outcome.CONSISTENT)}</td></tr>")
    summary.append("</tbody></table>")
    yield (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body>\n"
        f"<h1>{esc(report.title)}</h1><p class=muted>{esc(totals_line(report))}.</p>\n"
        + (f"<p class=muted>{esc(tallied_line(report))}</p>\n" if report.tallied_checks() else "")
        + _provenance(report) + "".join(summary) + "\n" + LEGEND + "\n" + _grouping(report) + "\n"
    )
    cells = _Cells(report)
    for n, e in enumerate(report.events):
        yield ("\n" if n else "") + _event(report, e, False, include_consistent, cells)
    yield "\n</body></html>\n"
