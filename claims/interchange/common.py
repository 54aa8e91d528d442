"""What the exporters share: a cached view of a store's documents, and document addresses."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from claims.model import Claim, Document
from claims.store.base import ClaimQuery, Store

DOCUMENT_URN = "urn:claims:document:"
CLAIM_URN = "urn:claims:claim:"
ANNOTATION_URN = "urn:claims:annotation:"
CONFLICT_URN = "urn:claims:conflict:"
VOCAB = "urn:claims:vocab:"
"""The prefix of this tool's own terms in JSON-LD (`claims:verdict`)."""


def document_iri(document: Document) -> str:
    """Where a document lives: the page's URL for a web page, else a URN naming its id."""
    if document.provenance is not None and document.provenance.url:
        return document.provenance.url
    if re.match(r"(?i)https?://", document.path):
        return document.path
    return DOCUMENT_URN + quote(document.id, safe="")


def normal_url(url: str) -> str:
    """A URL compared loosely: no fragment, no trailing slash, scheme and host lower-cased,
    http and https alike."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, parts.netloc.lower(), parts.path.rstrip("/") or "/", parts.query, ""))


class StoreView:
    """A store's documents and claims, each loaded once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._documents: dict[str, Document | None] = {}
        self._claims: dict[str, Claim | None] = {}
        self._by_document: dict[str, list[Claim]] = {}
        self._resolver: dict[str, str] | None = None

    def document(self, document_id: str) -> Document | None:
        if document_id not in self._documents:
            self._documents[document_id] = self.store.document(document_id)
        return self._documents[document_id]

    def claim(self, claim_id: str) -> Claim | None:
        if claim_id not in self._claims:
            self._claims[claim_id] = self.store.claim(claim_id)
        return self._claims[claim_id]

    def claims_of(self, document_id: str) -> list[Claim]:
        if document_id not in self._by_document:
            self._by_document[document_id] = self.store.claims(ClaimQuery(document=document_id))
        return self._by_document[document_id]

    def resolve(self, reference: str | None) -> str | None:
        """The id of the stored document a target's source names: our URN, a document id, a
        path or file name, or the page's URL (loosely compared)."""
        if not reference:
            return None
        if self._resolver is None:
            keys: dict[str, str] = {}
            for outline in self.store.document_outlines(lead=0):
                names = [outline.id, outline.path, outline.path.replace("\\", "/").rsplit("/", 1)[-1]]
                if outline.provenance is not None and outline.provenance.url:
                    names.append(normal_url(outline.provenance.url))
                if re.match(r"(?i)https?://", outline.path):
                    names.append(normal_url(outline.path))
                for name in names:
                    keys.setdefault(name, outline.id)
            self._resolver = keys
        reference = reference.strip()
        if reference.startswith(DOCUMENT_URN):
            reference = unquote(reference[len(DOCUMENT_URN):])
        for candidate in (reference, normal_url(reference), reference.replace("\\", "/").rsplit("/", 1)[-1]):
            found = self._resolver.get(candidate)
            if found is not None:
                return found
        return None
