"""schema.org ClaimReview (Google's fact-check markup) for claims a reviewer gave a verdict.

One ``ClaimReview`` per claim whose current verdict is one of the four claim verdicts:

- ``claimReviewed``: the claim's quote;
- ``itemReviewed``: a ``Claim`` with ``author`` (the claimant: a ``Person`` for a journalist or
  scholar, an ``Organization`` for a belligerent, an NGO, an international body or an unknown
  source; for an unattributed claim, the document's byline or site when the page gives one) and
  ``appearance`` (the source document: a ``CreativeWork`` with its URL, title and date);
- ``reviewRating``: a ``Rating`` on the scale below (``ratingValue``, ``bestRating`` 4,
  ``worstRating`` 1, ``alternateName`` the words shown in search results);
- ``author``: the publisher from ``[tool.claims.export]`` (``publisher``, ``publisher-url``,
  ``publisher-type``), else the reviewer as a ``Person``;
- ``datePublished``: the day of the verdict; ``url``: ``review-url`` with ``#<claim id>``
  (Google requires the URL of the page that publishes the review, so it must be configured);
- ``reviewBody``: the reviewer's note, when there is one.
"""

from __future__ import annotations

from typing import Any

from claims.interchange.common import StoreView, document_iri
from claims.interchange.config import ExportConfig, ExportConfigError
from claims.model import Claim, ClaimantClass, Document, TargetKind, Verdict
from claims.store.base import Store

WORST_RATING = 1
BEST_RATING = 4
RATING_SCALE: dict[Verdict, tuple[int, str, str]] = {
    Verdict.ACCEPTED: (4, "Accurate", "the reviewer accepted the claim as stated"),
    Verdict.NEEDS_SOURCE: (3, "Unsupported", "the claim may be right but nothing cited supports it"),
    Verdict.DISPUTED: (2, "Disputed", "other sources contradict the claim"),
    Verdict.REJECTED: (1, "False", "the reviewer rejected the claim"),
}
"""Verdict -> (ratingValue, alternateName, what it means), from best to worst."""

PERSON_CLASSES = (ClaimantClass.JOURNALIST, ClaimantClass.SCHOLAR)


def claimant_author(claim: Claim, document: Document | None) -> dict[str, Any] | None:
    attribution = claim.attribution
    if attribution.claimant:
        kind = "Person" if attribution.claimant_class in PERSON_CLASSES else "Organization"
        return {"@type": kind, "name": attribution.claimant}
    provenance = document.provenance if document is not None else None
    if provenance is not None and provenance.author:
        return {"@type": "Person", "name": provenance.author}
    if provenance is not None and provenance.site:
        return {"@type": "Organization", "name": provenance.site}
    return None


def appearance(document: Document | None, claim: Claim) -> dict[str, Any]:
    if document is None:
        return {"@type": "CreativeWork", "name": claim.document}
    work: dict[str, Any] = {"@type": "CreativeWork", "url": document_iri(document), "name": document.title}
    provenance = document.provenance
    if provenance is not None and provenance.published:
        work["datePublished"] = provenance.published
    if provenance is not None and provenance.site:
        work["publisher"] = {"@type": "Organization", "name": provenance.site}
    return work


def claim_reviews(store: Store, config: ExportConfig, *, review_url: str | None = None) -> list[dict[str, Any]]:
    """A ClaimReview for every claim with a current claim verdict, in store order."""
    url = review_url or config.review_url
    if not url:
        raise ExportConfigError(
            "ClaimReview needs the URL of the page that publishes the reviews: pass --review-url "
            "or set review-url in [tool.claims.export]"
        )
    view = StoreView(store)
    reviews = []
    verdicts = store.current_verdicts(TargetKind.CLAIM)
    for claim_id, annotation in sorted(verdicts.items(), key=lambda kv: (kv[1].created_at, kv[0])):
        rating = RATING_SCALE.get(annotation.verdict)
        claim = view.claim(claim_id)
        if rating is None or claim is None:
            continue
        document = view.document(claim.span.document)
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance(document, claim)}
        author = claimant_author(claim, document)
        if author is not None:
            item["author"] = author
        if document is not None and document.provenance is not None and document.provenance.published:
            item["datePublished"] = document.provenance.published
        if config.publisher:
            reviewer: dict[str, Any] = {"@type": config.publisher_type, "name": config.publisher}
            if config.publisher_url:
                reviewer["url"] = config.publisher_url
        else:
            reviewer = {"@type": "Person", "name": annotation.reviewer}
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{url}#{claim.id}",
            "claimReviewed": claim.span.quote,
            "itemReviewed": item,
            "author": reviewer,
            "datePublished": annotation.created_at.date().isoformat(),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating[0],
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
                "alternateName": rating[1],
            },
        }
        if annotation.note:
            review["reviewBody"] = annotation.note
        reviews.append(review)
    return reviews
