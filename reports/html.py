"""One self-contained HTML page: inline CSS, inline SVG, no scripts, no network, printable.

Per event: an interval chart per disputed quantity (each source's estimate on one axis; an open
arrow for `at least` / `up to`, a diamond for an approximate figure with its tolerance as a pale
band, a bar for a range, a dot for an exact figure), then each finding with its claims side by
side. Every string that comes from a document goes through ``html.escape``.
"""

from __future__ import annotations

import math
from html import escape as _escape

from claims.api import (
    INF,
    Claim,
    Conflict,
    Interval,
    Outcome,
    Qualifier,
    Quantity,
    describe_claimant,
    describe_value,
    nominal,
    strict,
    tolerant,
)
from claims.reports import OUTCOME_LABELS, Chart, EventReport, Report, place, rule_title


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


def _scale(values: list[float]) -> tuple[float, float, bool]:
    finite = [v for v in values if v not in (INF,) and v >= 0]
    hi = max(finite) if finite else 1.0
    lo_pos = min((v for v in finite if v > 0), default=1.0)
    if hi / max(lo_pos, 1e-9) > 40:
        return math.log10(lo_pos * 0.7), math.log10(hi * 1.3), True
    lo = 0.0 if lo_pos < 0.5 * hi else lo_pos * 0.8
    return lo, hi * 1.12 if hi > 0 else 1.0, False


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


def _row_label(report: Report, c: Claim) -> str:
    """`Title · claimant`, with the file name when two documents share a title (versions)."""
    who = c.attribution.claimant or "no claimant"
    title = report.document_title(c.document)
    doc = report.documents.get(c.document)
    if doc is not None and sum(1 for d in {x.id: x for x in report.documents.values()}.values() if d.title == doc.title) > 1:
        title = doc.id.rsplit("/", 1)[-1]
    title = title if len(title) <= 22 else title[:21] + "…"
    who = who if len(who) <= 16 else who[:15] + "…"
    return f"{title} · {who}"


def chart_svg(report: Report, chart: Chart, states: dict[str, Outcome]) -> str:
    claims = [c for c in chart.claims if isinstance(c.value, Quantity)]
    rows: list[tuple[str, Quantity, Interval, Interval, Claim | None]] = [
        (_row_label(report, c), c.value, tolerant(c.value), strict(c.value), c) for c in claims  # type: ignore[arg-type]
    ]
    parts = [c for c in claims if c.id in chart.summed]
    if parts:
        t_sum, s_sum = Interval(0.0, 0.0), Interval(0.0, 0.0)
        for c in parts:
            t_sum, s_sum = t_sum + tolerant(c.value), s_sum + strict(c.value)  # type: ignore[arg-type]
        loose = any(c.value.qualifier is not Qualifier.EXACT for c in parts)  # type: ignore[union-attr]
        total = round(sum(nominal(c.value) for c in parts))  # type: ignore[arg-type]
        q = Quantity(low=total, high=total, qualifier=Qualifier.APPROX if loose else Qualifier.EXACT,
                     category=parts[0].value.category)  # type: ignore[union-attr]
        rows.append(("Sum of the parts above" if len(parts) < len(claims) else "Sum", q, t_sum, s_sum, None))
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

    height = TOP + ROW_H * len(rows) + 40
    out = [f'<svg viewBox="0 0 {W} {height}" width="100%" role="img" '
           f'aria-label="{esc(chart.title)}">', f"<title>{esc(chart.title)}</title>"]
    axis_y = TOP + ROW_H * len(rows) + 6
    for t in _ticks(lo, hi, log):
        tx = x(t)
        out.append(f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{axis_y}" stroke="#e3e7ee"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 16}" font-size="12" text-anchor="middle" fill="#5b6577">{esc(_fmt(t))}</text>')
    out.append(f'<line x1="{PLOT_L}" y1="{axis_y}" x2="{PLOT_R}" y2="{axis_y}" stroke="#5b6577"/>')
    if log:
        out.append(f'<text x="{PLOT_R}" y="{TOP - 14}" font-size="11" text-anchor="end" fill="#5b6577">log scale</text>')
    for i, (label, q, t, s, c) in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H / 2
        state = states.get(c.id) if c is not None else None
        color = {"conflict": "#b3261e", "indeterminate": "#b26a00"}.get(state.value if state else "", "#35608f")
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{y - ROW_H / 2:.1f}" width="{W}" height="{ROW_H}" fill="#f7f8fb"/>')
        out.append(f'<text x="{LABEL_W}" y="{y + 4:.1f}" font-size="13" text-anchor="end" fill="#1d2430">'
                   f"{esc(label)}</text>")
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
                   f"{esc(describe_value(q).split(' ')[0])}</text>")
    out.append("</svg>")
    return "\n".join(out)


LEGEND = ('<p class="legend">● exact figure &nbsp; ◇ approximate (pale band: the tolerance allowed) &nbsp; '
          '━ range &nbsp; |━▶ at least (open-ended) &nbsp; ◀━| up to (open-ended) &nbsp; '
          '<span style="color:#b3261e">red</span>: in a conflict, <span style="color:#b26a00">amber</span>: to decide, '
          '<span style="color:#35608f">blue</span>: not disputed</p>')


def _claim_table(report: Report, k: Conflict) -> str:
    rows = ["<table><thead><tr><th>Figure</th><th>Quote</th><th>Document</th><th>Claimant</th>"
            "<th>Confidence</th><th>Verdict</th></tr></thead><tbody>"]
    for cid, c in report.members(k):
        if c is None:
            rows.append(f"<tr><td colspan=6>{esc(cid)} (claim not found)</td></tr>")
            continue
        conf = c.confidence
        reasons = "".join(f"<li>{esc(r)}</li>" for r in conf.reasons)
        rows.append(
            f"<tr><td>{esc(describe_value(c.value))}</td><td class=quote>“{esc(c.span.quote)}”</td>"
            f"<td>{esc(report.document_title(c.document))}<br><span class=muted>{esc(place(c))}, line {c.span.line}</span></td>"
            f"<td>{esc(describe_claimant(c))}</td>"
            f"<td><b>{esc(conf.grade)}</b> {conf.score:.2f}{' <b>reviewer override</b>' if conf.overridden else ''}"
            f"<ul class=reasons>{reasons}</ul></td><td>{esc(report.verdict_of(cid))}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _finding(report: Report, k: Conflict) -> str:
    parts = [f'<article class="finding {esc(k.outcome.value)}" id="{esc(k.id)}">',
             f'<h3><span class="badge {esc(k.severity.value)}">{esc(k.severity.value)}</span>'
             f"{esc(k.rule)}: {esc(rule_title(k.rule))} <span class=muted>({esc(OUTCOME_LABELS[k.outcome])})</span></h3>"]
    v = report.verdicts.get(k.id)
    if v is not None:
        parts.append(f'<div class="verdict">Reviewed: <b>{esc(v.verdict.value)}</b> by {esc(v.reviewer)}'
                     f"{': ' + esc(v.note) if v.note else ''}</div>")
    parts.append(f"<p>{esc(k.explanation)}</p>")
    parts.append(_claim_table(report, k))
    for cid in (k.id, *k.claims):
        for note in report.notes.get(cid, ()):
            parts.append(f'<div class="note">Note by {esc(note.reviewer)}: {esc(note.note)}</div>')
    parts.append("</article>")
    return "\n".join(parts)


def _event(report: Report, e: EventReport, first: bool, include_consistent: bool) -> str:
    shown = [k for k in e.conflicts if include_consistent or k.outcome is not Outcome.CONSISTENT]
    states: dict[str, Outcome] = {}
    for k in e.conflicts:
        for cid in k.claims:
            if k.outcome is Outcome.CONFLICT or (k.outcome is Outcome.INDETERMINATE and cid not in states):
                states[cid] = k.outcome
    parts = [f'<section id="{esc(e.id)}"><h2{" class=first" if first else ""}>{esc(e.name)}</h2>',
             "<p class=muted>Documents: " + ", ".join(esc(report.document_title(d)) for d in e.documents) + "</p>"]
    if not shown:
        parts.append("<p>No findings.</p>")
    for chart in e.charts:
        parts.append(f"<figure><figcaption>{esc(chart.title)}</figcaption>{chart_svg(report, chart, states)}{LEGEND}</figure>")
    parts += [_finding(report, k) for k in shown]
    parts.append("</section>")
    return "\n".join(parts)


def render(report: Report, *, include_consistent: bool = True) -> str:
    totals = report.totals()
    summary = ["<table><thead><tr><th>Event</th><th>Documents</th><th>Conflicts</th><th>To decide</th>"
               "<th>Identities</th><th>Consistent checks</th></tr></thead><tbody>"]
    for e in report.events:
        summary.append(f'<tr><td><a href="#{esc(e.id)}">{esc(e.name)}</a></td><td class=num>{len(e.documents)}</td>'
                       f"<td class=num>{e.count(Outcome.CONFLICT)}</td><td class=num>{e.count(Outcome.INDETERMINATE)}</td>"
                       f"<td class=num>{e.count(Outcome.IDENTITY)}</td><td class=num>{e.count(Outcome.CONSISTENT)}</td></tr>")
    summary.append("</tbody></table>")
    body = "\n".join(_event(report, e, i == 0, include_consistent) for i, e in enumerate(report.events))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body>\n"
        f"<h1>{esc(report.title)}</h1><p class=muted>{totals[Outcome.CONFLICT]} conflicts, "
        f"{totals[Outcome.INDETERMINATE]} to decide, {totals[Outcome.IDENTITY]} identities, "
        f"{totals[Outcome.CONSISTENT]} consistent checks in {len(report.events)} events.</p>\n"
        + "".join(summary) + "\n" + body + "\n</body></html>\n"
    )
