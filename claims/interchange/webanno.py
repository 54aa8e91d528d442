"""W3C Web Annotation (https://www.w3.org/TR/annotation-model/) out and in.

**Export** (:func:`export_annotations`): an ``AnnotationCollection`` whose first page holds one
``Annotation`` per reviewer annotation, oldest first (or, with ``per="claim"``, one per claim
describing it). Each has:

- ``id`` (``urn:claims:annotation:<id>``), ``type`` ``Annotation``, ``created`` (ISO 8601 with
  its time zone), ``creator`` (``{"type": "Person", "name": reviewer}``), ``generator``;
- ``motivation``: ``assessing`` for a verdict or a confidence override, ``commenting`` for a
  note, ``editing`` for a retraction (an undo);
- ``body``: a ``TextualBody`` with ``purpose`` ``assessing`` whose value is the verdict
  (`accepted`, `disputed`, `needs_source`, `rejected`; for conflicts `resolved`, `open`,
  `not_a_conflict`), and one with ``purpose`` ``commenting`` holding the note;
- ``target``: a ``SpecificResource`` on the document (``source``: the page's URL for a web
  page, else ``urn:claims:document:<id>``) with a ``TextQuoteSelector`` (``exact``, ``prefix``,
  ``suffix``: 32 characters, as Hypothesis keeps) and a ``TextPositionSelector`` (``start``,
  ``end``: offsets into the document's text as claims reads it). A conflict annotation has one
  target per claim of the conflict.
- this tool's own terms under ``claims:`` (``urn:claims:vocab:``): ``claims:verdict``,
  ``claims:claim``, ``claims:kind``, ``claims:document``, ``claims:conflict``, ``claims:rule``,
  ``claims:confidenceOverride``, ``claims:overrideReason``, ``claims:retracts``,
  ``claims:orphaned`` (the annotation's claim is gone; the selectors are its last anchor).

**Import** (:func:`import_annotations`): this format (a collection, a page, a list, one
annotation, or JSON lines) and Hypothesis's (an API search result ``{"rows": [...]}``, the
client's export ``{"annotations": [...]}``, or a list). Each target's quote is located in the
stored document's text (the given position when the quote is there, else the occurrence whose
context agrees); the anchor is then matched to the document's claims by
:func:`claims.review.matching.reanchor`, the same rules that re-attach annotations after an
edit (exact, quote with context, fuzzy). An annotation that matches no claim is stored all the
same, as an orphan (listed by ``claims list --orphaned``, re-attached by a later ingest if its
statement comes back): nothing is dropped. Hypothesis tags name the verdict (`accepted`,
`disputed`, `needs source`, `rejected`); an annotation with none is a note.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from attrs import field, frozen

from claims.model import (
    CLAIM_VERDICTS,
    Anchor,
    Annotation,
    Claim,
    Conflict,
    Document,
    Kind,
    TargetKind,
    Verdict,
    stable_id,
)
from claims.interchange.common import (
    ANNOTATION_URN,
    CLAIM_URN,
    CONFLICT_URN,
    VOCAB,
    StoreView,
    document_iri,
)
from claims.review import check_annotation
from claims.review.matching import Method, reanchor
from claims.store.base import Store
from claims.textmap import CONTEXT

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_VALUE: list[Any] = [ANNO_CONTEXT, {"claims": VOCAB}]
MOTIVATIONS = {
    Verdict.NOTE: "commenting",
    Verdict.RETRACTED: "editing",
}
"""Motivation by verdict; every other verdict (and a confidence override) is `assessing`."""

#: Hypothesis tags (lower case, spaces, hyphens and underscores alike) -> a claim verdict.
HYPOTHESIS_TAGS = {
    "accepted": Verdict.ACCEPTED, "accept": Verdict.ACCEPTED, "verified": Verdict.ACCEPTED,
    "true": Verdict.ACCEPTED, "disputed": Verdict.DISPUTED, "dispute": Verdict.DISPUTED,
    "contested": Verdict.DISPUTED, "needs source": Verdict.NEEDS_SOURCE,
    "needssource": Verdict.NEEDS_SOURCE, "citation needed": Verdict.NEEDS_SOURCE,
    "unsourced": Verdict.NEEDS_SOURCE, "rejected": Verdict.REJECTED, "reject": Verdict.REJECTED,
    "false": Verdict.REJECTED,
}


# -- export -------------------------------------------------------------------------------------


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _claim_target(claim: Claim | None, anchor: Anchor | None, document: Document | None) -> dict[str, Any]:
    """A SpecificResource with quote and position selectors for a claim (or its last anchor)."""
    if claim is not None and document is not None and document.text[claim.span.start:claim.span.end] == claim.span.quote:
        start, end, text = claim.span.start, claim.span.end, document.text
        quote, prefix, suffix = claim.span.quote, text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
        kind, document_id = claim.kind, claim.span.document
    elif claim is not None:
        span = claim.span
        start, end, quote, prefix, suffix, kind, document_id = (
            span.start, span.end, span.quote, span.prefix, span.suffix, claim.kind, span.document)
    else:
        assert anchor is not None
        start, end, quote, prefix, suffix, kind, document_id = (
            anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, anchor.kind, anchor.document)
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": document_iri(document) if document is not None else document_id,
        "claims:document": document_id,
        "selector": [
            {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }
    if claim is not None:
        target["claims:claim"] = claim.id
    if kind is not None:
        target["claims:kind"] = kind.value
    return target


def _bodies(verdict: Verdict | None, note: str) -> list[dict[str, Any]]:
    bodies = []
    if verdict is not None and verdict is not Verdict.NOTE:
        bodies.append({"type": "TextualBody", "purpose": "assessing", "value": verdict.value, "format": "text/plain"})
    if note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain"})
    return bodies


def annotation_record(
    annotation: Annotation,
    view: StoreView,
    attached_to: str | None,
) -> dict[str, Any]:
    """One reviewer annotation as a W3C Annotation; ``attached_to`` is its target now (None:
    orphaned)."""
    record: dict[str, Any] = {
        "id": ANNOTATION_URN + annotation.id,
        "type": "Annotation",
        "motivation": MOTIVATIONS.get(annotation.verdict, "assessing"),
        "created": _iso(annotation.created_at),
        "creator": {"type": "Person", "name": annotation.reviewer},
        "generator": {"id": "urn:claims:tool", "type": "Software", "name": "claims"},
    }
    bodies = _bodies(annotation.verdict, annotation.note)
    if bodies:
        record["body"] = bodies
    orphaned = attached_to is None
    if annotation.target_kind is TargetKind.CLAIM:
        claim = view.claim(attached_to) if attached_to is not None else None
        orphaned = claim is None
        anchor = annotation.anchor
        document_id = claim.span.document if claim is not None else (anchor.document if anchor else None)
        document = view.document(document_id) if document_id else None
        if claim is None and anchor is None:
            record["target"] = {"type": "SpecificResource", "source": CLAIM_URN + annotation.target_id,
                                "claims:claim": annotation.target_id}
        else:
            record["target"] = _claim_target(claim, anchor, document)
            if claim is None:
                record["target"]["claims:claim"] = annotation.target_id
    else:
        conflict = view.store.conflict(attached_to) if attached_to is not None else None
        orphaned = conflict is None
        found = conflict or view.store.conflict(annotation.target_id)
        targets = []
        for claim_id in (found.claims if found is not None else ()):
            claim = view.claim(claim_id)
            if claim is not None:
                targets.append(_claim_target(claim, None, view.document(claim.span.document)))
        record["target"] = targets or {"type": "SpecificResource", "source": CONFLICT_URN + annotation.target_id}
        record["claims:conflict"] = attached_to or annotation.target_id
        if found is not None:
            record["claims:rule"] = found.rule
    record["claims:verdict"] = annotation.verdict.value
    if annotation.confidence_override is not None:
        record["claims:confidenceOverride"] = annotation.confidence_override
    if annotation.override_reason:
        record["claims:overrideReason"] = annotation.override_reason
    if annotation.retracts:
        record["claims:retracts"] = ANNOTATION_URN + annotation.retracts
    if orphaned:
        record["claims:orphaned"] = True
    return record


def claim_record(claim: Claim, view: StoreView, verdict: Annotation | None) -> dict[str, Any]:
    """One claim as an annotation describing it (``per="claim"``)."""
    from claims.describe import describe_claimant, describe_value

    description = (
        f"{claim.kind.value}: {describe_value(claim.value)}; claimant: {describe_claimant(claim)}; "
        f"confidence {claim.confidence.score:.2f} {claim.confidence.grade}"
    )
    bodies = [{"type": "TextualBody", "purpose": "describing", "value": description, "format": "text/plain"},
              {"type": "TextualBody", "purpose": "tagging", "value": claim.kind.value}]
    if verdict is not None:
        bodies += _bodies(verdict.verdict, verdict.note)
    record: dict[str, Any] = {
        "id": CLAIM_URN + claim.id,
        "type": "Annotation",
        "motivation": "describing",
        "created": _iso(verdict.created_at) if verdict is not None else None,
        "generator": {"id": "urn:claims:tool", "type": "Software", "name": "claims"},
        "body": bodies,
        "target": _claim_target(claim, None, view.document(claim.span.document)),
        "claims:claimant": claim.attribution.claimant,
        "claims:confidence": claim.confidence.score,
    }
    if record["created"] is None:
        del record["created"]
    if verdict is not None:
        record["claims:verdict"] = verdict.verdict.value
    return record


def export_annotations(store: Store, *, per: str = "annotation", document: str | None = None) -> dict[str, Any]:
    """Every reviewer annotation (or every claim, ``per="claim"``) as a W3C AnnotationCollection."""
    view = StoreView(store)
    items: list[dict[str, Any]] = []
    if per == "claim":
        from claims.store.base import ClaimQuery

        verdicts = store.current_verdicts(TargetKind.CLAIM)
        for claim in store.claims(ClaimQuery(document=document)):
            items.append(claim_record(claim, view, verdicts.get(claim.id)))
    else:
        moved = store.current_targets()
        for annotation in store.annotations():
            attached = moved.get(annotation.id, annotation.target_id) if annotation.id in moved else annotation.target_id
            if annotation.target_kind is TargetKind.CLAIM and attached is not None and view.claim(attached) is None:
                attached = None
            record = annotation_record(annotation, view, attached)
            if document is not None and not _targets_document(record, document):
                continue
            items.append(record)
    return {
        "@context": CONTEXT_VALUE,
        "id": "urn:claims:collection:" + ("claims" if per == "claim" else "annotations"),
        "type": "AnnotationCollection",
        "label": "claims: " + ("claims" if per == "claim" else "reviewer annotations"),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _targets_document(record: Mapping[str, Any], document: str) -> bool:
    targets = record.get("target")
    targets = targets if isinstance(targets, list) else [targets]
    return any(isinstance(t, dict) and t.get("claims:document") == document for t in targets)


# -- import -------------------------------------------------------------------------------------


@frozen
class Target:
    """One place an imported annotation points at."""

    source: str | None
    document: str | None
    exact: str | None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    kind: Kind | None = None
    claim: str | None = None


@frozen
class Incoming:
    """An annotation read from a file, before it is anchored."""

    origin_id: str
    id: str
    targets: tuple[Target, ...]
    verdict: Verdict
    reviewer: str
    created: dt.datetime
    note: str = ""
    confidence_override: float | None = None
    override_reason: str | None = None
    retracts: str | None = None
    conflict: str | None = None
    rule: str | None = None
    description: bool = False
    """A claim described by a per-claim export, not a reviewer's act: not imported."""


@frozen
class ImportReport:
    attached: Counter[str] = field(factory=Counter)
    """Method (exact, quote, fuzzy, via-claims) -> how many annotations were attached by it."""
    orphaned: int = 0
    existing: int = 0
    descriptions: int = 0
    skipped: tuple[str, ...] = ()
    """Annotations that could not be stored, each with the reason (one line each)."""
    stored: tuple[tuple[str, str | None], ...] = ()
    """(annotation id, claim or conflict id it was attached to, None when orphaned), in order."""

    @property
    def imported(self) -> int:
        return sum(self.attached.values()) + self.orphaned


class ImportError_(ValueError):
    """The file is not an annotation export this tool reads."""


def parse_file(text: str) -> list[dict[str, Any]]:
    """The annotation objects of a file: a W3C collection or page, a list, one annotation, JSON
    lines, or Hypothesis's `{"rows": [...]}` / `{"annotations": [...]}`."""
    text = text.strip()
    if not text:
        raise ImportError_("the file is empty")
    try:
        data = json.loads(text)
    except ValueError:
        data = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data.append(json.loads(line))
            except ValueError as exc:
                raise ImportError_(f"line {number} is not JSON ({exc.msg}); give a W3C or Hypothesis export") from None
    return list(_annotations_in(data))


def _annotations_in(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _annotations_in(item)
        return
    if not isinstance(data, dict):
        raise ImportError_("expected annotations (JSON objects); give a W3C or Hypothesis export")
    kind = data.get("type")
    if kind == "AnnotationCollection" or "first" in data and kind != "Annotation":
        page = data.get("first")
        while isinstance(page, dict):
            yield from _annotations_in(page.get("items") or [])
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return
    if kind == "AnnotationPage":
        yield from _annotations_in(data.get("items") or [])
        return
    for key in ("rows", "annotations", "items"):
        if isinstance(data.get(key), list) and kind != "Annotation":
            yield from _annotations_in(data[key])
            return
    if "target" in data:
        yield data
        return
    raise ImportError_("a JSON object with no target is not an annotation; give a W3C or Hypothesis export")


def _time(value: Any) -> dt.datetime:
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc)


def _is_hypothesis(item: Mapping[str, Any]) -> bool:
    return "uri" in item or "user" in item or ("target" in item and isinstance(item["target"], list)
                                                and "type" not in item)


def _targets(raw: Any) -> tuple[Target, ...]:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Target(source=item, document=None, exact=None))
            continue
        if not isinstance(item, dict):
            continue
        selectors = item.get("selector") or []
        selectors = selectors if isinstance(selectors, list) else [selectors]
        exact = prefix = suffix = None
        start = end = None
        for selector in selectors:
            if not isinstance(selector, dict):
                continue
            if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
                exact, prefix, suffix = selector["exact"], selector.get("prefix") or "", selector.get("suffix") or ""
            elif selector.get("type") == "TextPositionSelector":
                if isinstance(selector.get("start"), int) and isinstance(selector.get("end"), int):
                    start, end = selector["start"], selector["end"]
        kind = None
        if isinstance(item.get("claims:kind"), str):
            try:
                kind = Kind(item["claims:kind"])
            except ValueError:
                kind = None
        source = item.get("source") if isinstance(item.get("source"), str) else None
        out.append(Target(
            source=source, document=item.get("claims:document") if isinstance(item.get("claims:document"), str) else None,
            exact=exact, prefix=prefix or "", suffix=suffix or "", start=start, end=end, kind=kind,
            claim=item.get("claims:claim") if isinstance(item.get("claims:claim"), str) else None,
        ))
    return tuple(out)


def _body_values(body: Any) -> list[tuple[str | None, str]]:
    items = body if isinstance(body, list) else ([body] if body is not None else [])
    out = []
    for item in items:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, dict) and isinstance(item.get("value"), str):
            out.append((item.get("purpose") if isinstance(item.get("purpose"), str) else None, item["value"]))
    return out


def read_w3c(item: Mapping[str, Any], default_reviewer: str) -> Incoming:
    origin = str(item.get("id") or "")
    if origin.startswith(ANNOTATION_URN):
        own_id = origin[len(ANNOTATION_URN):]
    else:
        own_id = stable_id("a_", "w3c", origin or json.dumps(item, sort_keys=True))
    bodies = _body_values(item.get("body"))
    verdict = None
    if isinstance(item.get("claims:verdict"), str):
        try:
            verdict = Verdict(item["claims:verdict"])
        except ValueError:
            verdict = None
    if verdict is None:
        for purpose, value in bodies:
            if purpose == "assessing":
                verdict = _verdict_word(value)
                if verdict is not None:
                    break
    note = "\n\n".join(value for purpose, value in bodies if purpose in (None, "commenting", "replying", "questioning"))
    creator = item.get("creator")
    reviewer = _creator_name(creator) or default_reviewer
    override = item.get("claims:confidenceOverride")
    retracts = item.get("claims:retracts")
    if isinstance(retracts, str) and retracts.startswith(ANNOTATION_URN):
        retracts = retracts[len(ANNOTATION_URN):]
    elif isinstance(retracts, str):
        retracts = stable_id("a_", "w3c", retracts)
    else:
        retracts = None
    if verdict is None:
        verdict = Verdict.RETRACTED if retracts else Verdict.NOTE
    return Incoming(
        origin_id=origin, id=own_id, targets=_targets(item.get("target")), verdict=verdict, reviewer=reviewer,
        created=_time(item.get("created")), note=note,
        confidence_override=float(override) if isinstance(override, (int, float)) and 0 <= override <= 1 else None,
        override_reason=item.get("claims:overrideReason") if isinstance(item.get("claims:overrideReason"), str) else None,
        retracts=retracts,
        conflict=item.get("claims:conflict") if isinstance(item.get("claims:conflict"), str) else None,
        rule=item.get("claims:rule") if isinstance(item.get("claims:rule"), str) else None,
        description=origin.startswith(CLAIM_URN),
    )


def _creator_name(creator: Any) -> str | None:
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, str):
        return creator.rsplit("/", 1)[-1].removeprefix("acct:").split("@")[0] or None
    if isinstance(creator, dict):
        for key in ("name", "nickname", "id"):
            if isinstance(creator.get(key), str) and creator[key].strip():
                return creator[key].strip() if key != "id" else _creator_name(creator[key])
    return None


def _verdict_word(value: str) -> Verdict | None:
    word = re.sub(r"[\s_\-]+", " ", value.strip().lower())
    if word in HYPOTHESIS_TAGS:
        return HYPOTHESIS_TAGS[word]
    try:
        return Verdict(word.replace(" ", "_"))
    except ValueError:
        return None


def read_hypothesis(item: Mapping[str, Any], default_reviewer: str) -> Incoming:
    """A Hypothesis annotation (API or client export format)."""
    origin = str(item.get("id") or "")
    own_id = "hyp_" + re.sub(r"[^A-Za-z0-9_-]", "_", origin) if origin else stable_id(
        "a_", "hypothesis", json.dumps(item, sort_keys=True))
    tags = [t for t in item.get("tags") or [] if isinstance(t, str)]
    verdicts = [v for v in (_verdict_word(t) for t in tags) if v in CLAIM_VERDICTS]
    user_info = item.get("user_info") if isinstance(item.get("user_info"), dict) else {}
    reviewer = (user_info.get("display_name") if isinstance(user_info.get("display_name"), str) else None) \
        or _creator_name(item.get("user")) or default_reviewer
    targets = _targets(item.get("target") or [])
    uri = item.get("uri") if isinstance(item.get("uri"), str) else None
    targets = tuple(t if t.source else Target(uri, t.document, t.exact, t.prefix, t.suffix, t.start, t.end)
                    for t in targets) or (Target(uri, None, None),)
    return Incoming(
        origin_id=origin, id=own_id, targets=targets,
        verdict=verdicts[-1] if verdicts else Verdict.NOTE, reviewer=reviewer,
        created=_time(item.get("created")), note=item.get("text") if isinstance(item.get("text"), str) else "",
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _locate(target: Target, text: str) -> Anchor | None:
    """The target as an anchor in ``text``: at its given position when the quote is there, else
    where the quote's context agrees best (context read from the text), else as given."""
    exact = target.exact
    if exact is None or not exact.strip():
        return None
    candidates = [exact] if exact in text else ([_squash(exact).strip()] if _squash(exact).strip() in text else [])
    if target.start is not None and target.end is not None and text[target.start:target.end] == exact:
        position = target.start
    elif candidates:
        quote = candidates[0]
        found = [m.start() for m in re.finditer(re.escape(quote), text)][:200]
        prefix, suffix = _squash(target.prefix), _squash(target.suffix)

        def fit(at: int) -> tuple[int, int]:
            before = _squash(text[max(0, at - 3 * CONTEXT):at])
            after = _squash(text[at + len(quote):at + len(quote) + 3 * CONTEXT])
            agree = len(_common_suffix(before, prefix)) + len(_common_prefix(after, suffix))
            distance = abs(at - target.start) if target.start is not None else 0
            return -agree, distance

        position = min(found, key=fit)
        exact = quote
    else:
        return Anchor(document="", quote=exact, prefix=target.prefix, suffix=target.suffix,
                      start=target.start or 0, end=target.end if target.end is not None else len(exact),
                      kind=target.kind)
    end = position + len(exact)
    return Anchor(document="", quote=exact, prefix=text[max(0, position - CONTEXT):position],
                  suffix=text[end:end + CONTEXT], start=position, end=end, kind=target.kind)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]


def read_records(items: Iterable[Mapping[str, Any]], default_reviewer: str, format: str = "auto") -> list[Incoming]:
    out = []
    for item in items:
        hypothesis = format == "hypothesis" or (format == "auto" and _is_hypothesis(item))
        out.append(read_hypothesis(item, default_reviewer) if hypothesis else read_w3c(item, default_reviewer))
    return out


def import_annotations(store: Store, incoming: Sequence[Incoming]) -> ImportReport:
    """Anchor each annotation to a claim (or a conflict) of the store and append it; what
    matches nothing is appended as an orphan. Annotations already in the store are left alone."""
    view = StoreView(store)
    existing = {a.id for a in store.annotations()}
    report_attached: Counter[str] = Counter()
    orphaned = existing_count = descriptions = 0
    skipped: list[str] = []
    stored: list[tuple[str, str | None]] = []

    # Anchor every claim target of every annotation, document by document, in one matching run
    # each (so anchors compete for claims as they do after an edit).
    located: dict[tuple[int, int], tuple[str | None, Anchor | None]] = {}
    by_document: dict[str, list[tuple[str, Anchor]]] = {}
    for i, item in enumerate(incoming):
        if item.description or item.id in existing:
            continue
        for j, target in enumerate(item.targets):
            document_id = view.resolve(target.document) or view.resolve(target.source)
            document = view.document(document_id) if document_id else None
            anchor = _locate(target, document.text) if document is not None else None
            if anchor is None and target.exact:
                anchor = Anchor(document="", quote=target.exact, prefix=target.prefix, suffix=target.suffix,
                                start=target.start or 0, end=target.end or len(target.exact), kind=target.kind)
            if anchor is not None:
                anchor = Anchor(document_id or target.document or target.source or "", anchor.quote, anchor.prefix,
                                anchor.suffix, anchor.start, anchor.end, anchor.kind)
            located[(i, j)] = (document_id, anchor)
            if document_id is not None and anchor is not None:
                by_document.setdefault(document_id, []).append((f"{i}:{j}", anchor))
    matched: dict[str, tuple[str | None, Method]] = {}
    for document_id, anchors in by_document.items():
        document = view.document(document_id)
        assert document is not None
        for result in reanchor(anchors, view.claims_of(document_id), document.text):
            matched[result.key] = (result.claim_id, result.method)

    for i, item in enumerate(incoming):
        if item.description:
            descriptions += 1
            continue
        if item.id in existing:
            existing_count += 1
            continue
        results = [matched.get(f"{i}:{j}", (None, Method.ORPHANED)) for j in range(len(item.targets))]
        anchors = [located.get((i, j), (None, None))[1] for j in range(len(item.targets))]
        conflict_act = item.conflict is not None or item.verdict in (Verdict.RESOLVED, Verdict.OPEN, Verdict.NOT_A_CONFLICT)
        if conflict_act:
            target_kind = TargetKind.CONFLICT
            target_id: str | None = None
            claim_ids = [r[0] for r in results]
            if item.rule and claim_ids and all(claim_ids):
                candidate = Conflict.id_for(item.rule, [c for c in claim_ids if c])
                if store.conflict(candidate) is not None:
                    target_id = candidate
            if target_id is None and item.conflict and store.conflict(item.conflict) is not None and not item.targets:
                target_id = item.conflict
            method = Method.VIA_CLAIMS.value
            anchor = None
            fallback = item.conflict or stable_id("k_", "orphan", item.id)
        else:
            target_kind = TargetKind.CLAIM
            claim_id, found_method = results[0] if results else (None, Method.ORPHANED)
            target_id = claim_id
            method = found_method.value
            anchor = anchors[0] if anchors else None
            if claim_id is not None:
                claim = view.claim(claim_id)
                document = view.document(claim.span.document) if claim is not None else None
                if claim is not None:
                    from claims.review.matching import anchor_in

                    anchor = anchor_in(claim, document.text if document is not None else None)
            fallback = "orphan:" + (item.targets[0].claim if item.targets and item.targets[0].claim
                                    else stable_id("c_", item.id))
        annotation = Annotation(
            id=item.id, target_kind=target_kind, target_id=target_id or fallback, verdict=item.verdict,
            reviewer=item.reviewer or "unknown", created_at=item.created, note=item.note,
            confidence_override=item.confidence_override, override_reason=item.override_reason,
            anchor=anchor, retracts=item.retracts,
        )
        try:
            check_annotation(annotation)
            if annotation.retracts is not None and annotation.retracts not in existing:
                raise ValueError(f"it retracts {annotation.retracts}, which is not in the store")
            store.annotate(annotation)
        except ValueError as exc:
            skipped.append(f"{item.origin_id or item.id}: {exc}")
            continue
        existing.add(annotation.id)
        stored.append((annotation.id, target_id))
        if target_id is None:
            orphaned += 1
        else:
            report_attached[method] += 1
    return ImportReport(report_attached, orphaned, existing_count, descriptions, tuple(skipped), tuple(stored))
