"""Records out and in: the standard formats other tools read, built from a store.

- :mod:`~claims.interchange.webanno`: W3C Web Annotation (JSON-LD) export of reviewers'
  annotations (or of every claim), and import of the same format and of Hypothesis's exports,
  each annotation anchored by the project's re-anchoring rules or kept as orphaned;
- :mod:`~claims.interchange.claimreview`: schema.org ``ClaimReview`` (Google's fact-check
  markup) for claims with a reviewer's verdict, on a documented rating scale;
- :mod:`~claims.interchange.wikidata`: Wikidata-style statements for figures (quantity with
  bounds, point in time and sourcing circumstances qualifiers, a reference block), as JSON and
  as QuickStatements lines;
- :mod:`~claims.interchange.tabular`: CSV / TSV of claims and of conflicts for spreadsheets;
- :mod:`~claims.interchange.config`: the ``[tool.claims.export]`` settings (who publishes the
  reviews, Wikidata items for subjects and sides).

Every exporter reads a :class:`~claims.store.base.Store` through its protocol and returns plain
data; the CLI (``claims export`` / ``claims import``) writes it.
"""

from __future__ import annotations

__all__: list[str] = []
