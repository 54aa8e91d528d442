"""How far reviewers agree on claims: Cohen's kappa, Krippendorff's alpha, the raw table.

The unit is a claim; a reviewer's value is their current verdict on it (their latest claim
verdict in force, as :func:`claims.review.live` and :func:`~claims.review.verdicts_for`
say); the categories are the claim verdicts, nominal. Claims fewer than two reviewers gave a
verdict are not pairable and count for nothing.

- **Cohen's kappa** (two reviewers, the claims both judged): ``(p_o - p_e) / (1 - p_e)``.
- **Krippendorff's alpha** (any number, missing values allowed), nominal:
  ``1 - (n - 1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k`` over the coincidence matrix
  (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").

Both are None when undefined (a single category used throughout: no variation to agree on).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations

from attrs import frozen

from claims.model import Annotation, Kind, TargetKind, Verdict
from claims.review.policy import live, verdicts_for


def _ratings(history: Sequence[Annotation]) -> Iterable[Annotation]:
    """The claim verdicts in force, oldest first, adjudications left out: an adjudication
    settles a disagreement, it is not one more reviewer's independent judgement."""
    allowed = verdicts_for(TargetKind.CLAIM)
    return (a for a in live(history)
            if a.target_kind is TargetKind.CLAIM and a.verdict in allowed and not a.adjudication)


def reviewer_verdicts(history: Sequence[Annotation]) -> dict[str, dict[str, Verdict]]:
    """claim id -> reviewer -> that reviewer's current verdict on it (adjudications aside).

    Pass annotations as they are attached now (:func:`claims.review.attached`) so verdicts
    made on earlier versions of a claim count for the claim they follow.
    """
    out: dict[str, dict[str, Verdict]] = defaultdict(dict)
    for annotation in _ratings(history):  # oldest first: a later verdict replaces an earlier one
        out[annotation.target_id][annotation.reviewer] = annotation.verdict
    return dict(out)


@frozen
class Disagreement:
    """A claim whose reviewers' current verdicts differ: the adjudicator's to settle."""

    claim_id: str
    verdicts: tuple[Annotation, ...]
    """Each reviewer's current verdict on it, by reviewer."""
    adjudication: Annotation | None
    """The adjudication in force that came after every one of them (None: unsettled)."""

    @property
    def settled(self) -> bool:
        return self.adjudication is not None


def verdict_disagreements(history: Sequence[Annotation]) -> list[Disagreement]:
    """Every claim two or more reviewers gave different current verdicts, by claim id.

    Which verdict is newest in the store's sequence decides nothing here: however the
    annotations arrived (one store, or merged from offline copies by `claims push`), differing
    verdicts stay a disagreement until an adjudication made after all of them settles it; a
    reviewer changing their verdict after the adjudication reopens it. Pass the annotations as
    attached now (:func:`claims.review.attached`), oldest first.
    """
    allowed = verdicts_for(TargetKind.CLAIM)
    latest: dict[str, dict[str, tuple[int, Annotation]]] = defaultdict(dict)
    ruling: dict[str, tuple[int, Annotation]] = {}
    for order, annotation in enumerate(live(history)):
        if annotation.target_kind is not TargetKind.CLAIM or annotation.verdict not in allowed:
            continue
        if annotation.adjudication:
            ruling[annotation.target_id] = (order, annotation)
        else:
            latest[annotation.target_id][annotation.reviewer] = (order, annotation)
    out = []
    for claim_id, given in sorted(latest.items()):
        if len({a.verdict for _, a in given.values()}) < 2:
            continue
        ruled = ruling.get(claim_id)
        after_all = ruled is not None and ruled[0] > max(order for order, _ in given.values())
        out.append(Disagreement(
            claim_id, tuple(given[reviewer][1] for reviewer in sorted(given)),
            ruled[1] if ruled is not None and after_all else None,
        ))
    return out


def cohens_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters' values on the same units (nominal); None when undefined."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorffs_alpha(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal values; each unit lists the values it was given
    (missing ones left out). Units with fewer than two values are not pairable. None when
    undefined (no pairable unit, or one value throughout)."""
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidences[values[i], values[j]] += 1 / (m - 1)
    totals: Counter[Hashable] = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    disagreement = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected


@frozen
class PairAgreement:
    """Two reviewers over the claims both gave a verdict."""

    first: str
    second: str
    claims: int
    agreed: int
    kappa: float | None


@frozen
class GroupAgreement:
    """Every reviewer over a group of claims (all, or one kind)."""

    label: str
    claims: int
    """Claims at least two reviewers gave a verdict (pairable)."""
    reviewers: int
    unanimous: int
    alpha: float | None


@frozen
class AgreementRow:
    claim_id: str
    kind: str
    verdicts: tuple[tuple[str, Verdict], ...]
    """(reviewer, verdict), by reviewer."""

    @property
    def agreed(self) -> bool:
        return len({v for _, v in self.verdicts}) == 1


@frozen
class AgreementReport:
    reviewers: tuple[str, ...]
    overall: GroupAgreement
    by_kind: tuple[GroupAgreement, ...]
    pairs: tuple[PairAgreement, ...]
    table: tuple[AgreementRow, ...]
    """The raw table: every pairable claim with each reviewer's verdict."""


def _group(label: str, rows: Sequence[AgreementRow]) -> GroupAgreement:
    return GroupAgreement(
        label=label,
        claims=len(rows),
        reviewers=len({r for row in rows for r, _ in row.verdicts}),
        unanimous=sum(row.agreed for row in rows),
        alpha=krippendorffs_alpha([[v for _, v in row.verdicts] for row in rows]),
    )


def agreement(verdicts: Mapping[str, Mapping[str, Verdict]], kinds: Mapping[str, Kind | str]) -> AgreementReport:
    """Agreement over ``verdicts`` (claim id -> reviewer -> verdict, as :func:`reviewer_verdicts`
    gives), grouped by each claim's kind (``kinds``; claims missing there are of kind ``?``)."""
    rows = tuple(
        AgreementRow(claim_id, getattr(kinds.get(claim_id), "value", kinds.get(claim_id)) or "?",
                     tuple(sorted(given.items())))
        for claim_id, given in sorted(verdicts.items())
        if len(given) >= 2
    )
    reviewers = tuple(sorted({r for row in rows for r, _ in row.verdicts}))
    by_kind: dict[str, list[AgreementRow]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    pairs = []
    for first, second in combinations(reviewers, 2):
        both = [(dict(row.verdicts)[first], dict(row.verdicts)[second]) for row in rows
                if first in dict(row.verdicts) and second in dict(row.verdicts)]
        if both:
            pairs.append(PairAgreement(first, second, len(both), sum(a == b for a, b in both), cohens_kappa(both)))
    return AgreementReport(
        reviewers=reviewers,
        overall=_group("all", rows),
        by_kind=tuple(_group(kind, group) for kind, group in sorted(by_kind.items())),
        pairs=tuple(pairs),
        table=rows,
    )
