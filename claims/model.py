"""The claim model: the vocabulary of the whole codebase.

Every class is frozen; build them from outside data with the readers and extractors, change
them with ``attrs.evolve``. Invariants (a span's quote is its text, a range's low is not above
its high) are validators, so an inconsistent object cannot exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from enum import Enum

import attrs
from attrs import field, frozen


class Kind(str, Enum):
    """What a claim is about."""

    CASUALTIES = "casualties"
    STRENGTH = "strength"
    EQUIPMENT = "equipment"
    CAPTURED = "captured"
    DISPLACED = "displaced"
    DATE = "date"
    RESULT = "result"
    COMMANDER = "commander"
    UNIT = "unit"
    TERRITORY = "territory"
    EVENT = "event"
    OTHER = "other"


class Qualifier(str, Enum):
    """How a figure is bounded, as stated in the text."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Category(str, Enum):
    """What a figure counts."""

    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    CAPTURED = "captured"
    KILLED_OR_MISSING = "killed_or_missing"
    KILLED_OR_WOUNDED = "killed_or_wounded"
    CASUALTIES = "casualties"
    TROOPS = "troops"
    UNITS = "units"
    TANKS = "tanks"
    ARMOURED_VEHICLES = "armoured_vehicles"
    ARTILLERY = "artillery"
    AIRCRAFT = "aircraft"
    HELICOPTERS = "helicopters"
    VEHICLES = "vehicles"
    SHIPS = "ships"
    DRONES = "drones"
    MISSILES = "missiles"
    SMALL_ARMS = "small_arms"
    POSITIONS = "positions"
    """Fortifications and depots destroyed or taken (`27 command posts`, `14 fighting positions`)."""
    DISPLACED = "displaced"
    REFUGEES = "refugees"
    VILLAGES = "villages"
    AREA = "area"
    PEOPLE = "people"
    SHARE = "share"
    """A percentage (`controls 40 percent of the city`): never compared with a count."""
    OTHER = "other"


class Population(str, Enum):
    """Whether a figure counts combatants, civilians or is not said."""

    MILITARY = "military"
    CIVILIAN = "civilian"
    UNKNOWN = "unknown"


class Precision(str, Enum):
    """How precisely a date is known (EDTF in spirit), finest first.

    The parts are thirds (early, mid, late) or halves (`the first half of`) of the unit after
    them; a century is counted by its ordinal (the 19th century is 1801-1900; `the 1800s` is
    1800-1899, a CENTURY too).
    """

    DAY = "day"
    PART_OF_MONTH = "part_of_month"
    MONTH = "month"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"
    PART_OF_DECADE = "part_of_decade"
    DECADE = "decade"
    PART_OF_CENTURY = "part_of_century"
    CENTURY = "century"


class OpenBound(str, Enum):
    """Which way a date given as one bound (`before 1994`, `since 15 May`) is open.

    The date's ``earliest``/``latest`` then hold the bound as written (`1994`), and this says
    where the event lies relative to it.
    """

    BEFORE = "before"  # strictly before earliest: `before 1994`, `prior to May`
    UNTIL = "until"  # at or before latest: `until`, `till`, `by`, `no later than`, `X or earlier`
    AFTER = "after"  # strictly after latest: `after 1994`, `later than`
    SINCE = "since"  # at or after earliest: `since`, `from X` (no end), `X onwards`, `X – ongoing`


class ClaimantClass(str, Enum):
    """Who the original claimant is, for source criticism."""

    BELLIGERENT = "belligerent"
    JOURNALIST = "journalist"
    SCHOLAR = "scholar"
    NGO = "ngo"
    INTERNATIONAL = "international"
    UNKNOWN = "unknown"
    UNNAMED = "unnamed"
    """A source the text does not name (`officials said`, `a witness told`): its own words are
    the claimant, never resolved to a named body."""
    NONE = "none"


class HedgeKind(str, Enum):
    ALLEGED = "alleged"
    REPORTED = "reported"
    BELIEVED = "believed"
    ESTIMATED = "estimated"
    UNNAMED_SOURCE = "unnamed_source"
    OFFICIAL = "official"
    UNCERTAIN = "uncertain"


class DocumentFormat(str, Enum):
    PLAIN_EXPORT = "plain_export"
    SCRAPED_TABLE = "scraped_table"
    TEXT = "text"
    WIKITEXT = "wikitext"
    RENDERED = "rendered"
    HTML = "html"


class Severity(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class Outcome(str, Enum):
    """What a reconciler rule concluded about a group of claims."""

    CONFLICT = "conflict"
    INDETERMINATE = "indeterminate"
    IDENTITY = "identity"
    CONSISTENT = "consistent"


class TargetKind(str, Enum):
    CLAIM = "claim"
    CONFLICT = "conflict"


class Verdict(str, Enum):
    """A reviewer's verdict. The first four apply to claims, the next three to conflicts."""

    ACCEPTED = "accepted"
    DISPUTED = "disputed"
    NEEDS_SOURCE = "needs_source"
    REJECTED = "rejected"
    RESOLVED = "resolved"
    OPEN = "open"
    NOT_A_CONFLICT = "not_a_conflict"
    NOTE = "note"
    CONFIDENCE = "confidence"
    RETRACTED = "retracted"


CLAIM_VERDICTS = (Verdict.ACCEPTED, Verdict.DISPUTED, Verdict.NEEDS_SOURCE, Verdict.REJECTED)
CONFLICT_VERDICTS = (Verdict.RESOLVED, Verdict.OPEN, Verdict.NOT_A_CONFLICT)


def _non_negative(instance: object, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@frozen
class Span:
    """Where a claim's text sits in its document: offsets and the quote, side by side.

    Offsets are character offsets into the decoded text, so ``text[start:end] == quote``.
    ``line`` and ``column`` say where a reader finds it in the file: for a web page, in the HTML
    source (its text is read out of the page and is no file of its own).
    Prefix and suffix (up to 32 characters each) let an annotation re-anchor after an edit
    moves the offsets, as the W3C TextQuoteSelector does.
    """

    document: str
    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)
    quote: str = field()
    prefix: str = ""
    suffix: str = ""
    line: int = 1
    column: int = 1

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute, value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before start {self.start}")

    @quote.validator
    def _quote_length(self, attribute: attrs.Attribute, value: str) -> None:
        if len(value) != self.end - self.start:
            raise ValueError(
                f"quote has {len(value)} characters but the span covers {self.end - self.start}"
            )


@frozen
class UncertainDate:
    """A date known to lie between ``earliest`` and ``latest`` (inclusive).

    ``interval`` is true when the text names a period the event spans (`April – May 1994`),
    false when it names one moment known only to some precision (`late 1993`).

    Open bounds: ``bound`` is set when the text gives only one end (`before 1994`, `until
    early March 1943`, `16 September 2014 – ongoing`): ``earliest``/``latest`` hold that end as
    written and ``bound`` says which side is open (JSON: `"bound": "before"`, or null).
    ``lower``/``upper`` give the interval the date can lie in, unbounded on the open side (the
    bound itself counts as inside, for `before` and `after` too); ``overlaps`` uses them.

    Years before AD 1 (`44 BC`, `the 5th century BC`), which ``datetime.date`` cannot hold:
    ``years`` is then the first and last year in astronomical numbering (1 BC = 0, 44 BC = -43,
    the ISO 8601/EDTF convention), and a bound whose year is before AD 1 is stored in year 1
    with its month and day (`15 March 44 BC`: earliest = latest = 0001-03-15, years = (-43,
    -43)). ``years`` is None (JSON null) for dates wholly in AD, whose ``earliest`` and
    ``latest`` are read as always.
    """

    earliest: dt.date
    latest: dt.date = field()
    precision: Precision
    text: str
    interval: bool = False
    year_inferred: bool = False
    bound: OpenBound | None = None
    years: tuple[int, int] | None = field(default=None)

    @latest.validator
    def _ordered(self, attribute: attrs.Attribute, value: dt.date) -> None:
        if self.years is None and value < self.earliest:
            raise ValueError(f"latest {value} is before earliest {self.earliest}")

    @years.validator
    def _years_ordered(self, attribute: attrs.Attribute, value: tuple[int, int] | None) -> None:
        if value is None:
            return
        first, last = value
        if first > last or (first == last and self.latest < self.earliest):
            raise ValueError(f"years {value} are not in order")
        if first > 0 and last > 0:
            raise ValueError(f"years {value} are both AD: use earliest and latest alone")

    @property
    def first_year(self) -> int:
        """The astronomical year of the earliest bound (1 BC = 0)."""
        return self.years[0] if self.years is not None else self.earliest.year

    @property
    def last_year(self) -> int:
        """The astronomical year of the latest bound (1 BC = 0)."""
        return self.years[1] if self.years is not None else self.latest.year

    @property
    def lower(self) -> tuple[int, int, int]:
        """The earliest the date can be, as (astronomical year, month, day); an open start is a
        year before any date."""
        if self.bound in (OpenBound.BEFORE, OpenBound.UNTIL):
            return (-(10**9), 1, 1)
        return (self.first_year, self.earliest.month, self.earliest.day)

    @property
    def upper(self) -> tuple[int, int, int]:
        """The latest the date can be, as (astronomical year, month, day); an open end is a year
        after any date."""
        if self.bound in (OpenBound.AFTER, OpenBound.SINCE):
            return (10**9, 12, 31)
        return (self.last_year, self.latest.month, self.latest.day)

    def overlaps(self, other: UncertainDate) -> bool:
        if self.bound is None and other.bound is None and self.years is None and other.years is None:
            return self.earliest <= other.latest and other.earliest <= self.latest
        return self.lower <= other.upper and other.lower <= self.upper

    @property
    def edtf(self) -> str:
        """The date in EDTF-like notation, to the precision it is known: `1994-04/1994-05`,
        `1990/1999`, `-0043-03-15` (15 March 44 BC), `../1994` (before or until 1994: EDTF
        does not tell the two apart), `2014-09-16/..` (since or after)."""
        def one(year: int, d: dt.date) -> str:
            y = f"{year:05d}" if year < 0 else f"{year:04d}"
            if self.precision is Precision.DAY:
                return f"{y}-{d.month:02d}-{d.day:02d}"
            if self.precision in (Precision.PART_OF_MONTH, Precision.MONTH, Precision.SEASON,
                                  Precision.PART_OF_YEAR):
                return f"{y}-{d.month:02d}"
            return y
        a = one(self.first_year, self.earliest)
        b = one(self.last_year, self.latest)
        if self.bound in (OpenBound.BEFORE, OpenBound.UNTIL):
            return f"../{b}"
        if self.bound in (OpenBound.AFTER, OpenBound.SINCE):
            return f"{a}/.."
        return a if a == b else f"{a}/{b}"


@frozen
class Quantity:
    """A figure as stated: ``~4,000`` is low = high = 4000, approx; ``Up to 2,000`` has no low.

    ``lost`` is true when the figure counts losses (equipment destroyed, shot down, lost,
    knocked out or damaged, as in a Casualties field or `12 tanks were destroyed`), not holdings
    (`600 tanks` in a Strength field): the two are different quantities and are never compared.
    Set for equipment only; people lost are told apart by their category (killed, wounded...).
    """

    low: int | None
    high: int | None = field()
    qualifier: Qualifier
    category: Category
    population: Population = Population.UNKNOWN
    unit: str | None = None
    as_of: UncertainDate | None = None
    increment: bool = False
    lost: bool = False
    vague: bool = False
    """A vague amount (`hundreds`, `several dozen`): the figure is only a lower bound."""

    @high.validator
    def _bounds(self, attribute: attrs.Attribute, value: int | None) -> None:
        if self.low is None and value is None:
            raise ValueError("a quantity needs a low or a high bound")
        if self.low is not None and value is not None and value < self.low:
            raise ValueError(f"high {value} is below low {self.low}")


@frozen
class Person:
    """A named person (a commander), with markers the source glued to the name (KIA, †)."""

    name: str
    markers: tuple[str, ...] = ()
    rank: str | None = None


@frozen
class Unit:
    """A military unit: its number and echelon (`701st motorized rifle brigade`)."""

    name: str
    number: int | None = None
    echelon: str | None = None


@frozen
class TextValue:
    """A statement with no figure: a result, a territorial change, an event."""

    text: str


Value = Quantity | UncertainDate | Person | Unit | TextValue


@frozen
class Side:
    """The belligerent a claim is about: the infobox column and, when inferred, the name."""

    column: int | None = None
    name: str | None = None
    reason: str | None = None


@frozen
class Hedge:
    """A word that weakens a claim (`Alleged:`, `reportedly`), with its offsets."""

    kind: HedgeKind
    text: str
    start: int | None = None
    end: int | None = None


@frozen
class Attribution:
    """Who says it, as a chain: document, cited reference, original claimant and its class."""

    document: str
    claimant: str | None = None
    claimant_class: ClaimantClass = ClaimantClass.NONE
    claimant_side: str | None = None
    reference: str | None = None
    inherited: bool = False
    evidence: str | None = None
    cue: str | None = None
    """The reporting cue that makes the claim the claimant's (`said`, `according to`)."""
    source_span: tuple[int, int] | None = None
    """Offsets of the claimant's name in the document (None when inherited or a header)."""
    content_span: tuple[int, int] | None = None
    """Offsets of the text the cue attributes to the claimant; the claim lies inside it."""

    @property
    def attributed(self) -> bool:
        return self.claimant is not None


@frozen
class Confidence:
    """A score in [0, 1] and an Admiralty-style grade (source A–F, information 1–6), with reasons."""

    score: float = field(validator=attrs.validators.and_(attrs.validators.ge(0.0), attrs.validators.le(1.0)))
    grade: str
    reasons: tuple[str, ...] = ()
    reliability: str = "F"
    credibility: int = 6
    overridden: bool = False


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that is the same every time the same parts are hashed."""
    return text_id(prefix, map(str, parts))


def text_id(prefix: str, parts: Iterable[str]) -> str:
    """:func:`stable_id` of parts that are already strings (a finding's rule and claim ids:
    no ``str`` call and no argument tuple per part)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


UNRATED = Confidence(score=0.5, grade="F6", reasons=("not yet assessed",))


@frozen
class Claim:
    """One attributed factual statement found in a document."""

    id: str
    document: str
    kind: Kind
    subject: str
    side: Side
    value: Value
    span: Span
    attribution: Attribution
    rule: str
    hedges: tuple[Hedge, ...] = ()
    confidence: Confidence = UNRATED
    section: str | None = None
    part_of: str | None = None
    field: str | None = None
    negated: bool = False
    """The claimant denies it (`X denied losing a helicopter`): not a claim that it happened."""

    @classmethod
    def create(
        cls,
        *,
        document: str,
        kind: Kind,
        subject: str,
        side: Side,
        value: Value,
        span: Span,
        attribution: Attribution,
        rule: str,
        hedges: tuple[Hedge, ...] = (),
        section: str | None = None,
        part_of: str | None = None,
        field: str | None = None,
    ) -> Claim:
        """Build a claim whose id is derived from its document, span and kind."""
        return cls(
            id=claim_id(span.document, span.start, span.end, kind),
            document=document,
            kind=kind,
            subject=subject,
            side=side,
            value=value,
            span=span,
            attribution=attribution,
            rule=rule,
            hedges=hedges,
            section=section,
            part_of=part_of,
            field=field,
        )


def claim_id(document_id: str, start: int, end: int, kind: Kind) -> str:
    """The id ``Claim.create`` gives: the same for the same document, span and kind, so
    annotations survive re-extraction (``extract.spans.build_claim`` inlines it for speed)."""
    return stable_id("c_", document_id, start, end, kind.value)


@frozen
class Section:
    """A heading and the text range it governs."""

    title: str
    level: int
    start: int
    end: int


@frozen
class InfoboxField:
    """One infobox value: a `- Key: Value` line or a table cell under a label row.

    ``key`` is normalised (`Strength`, `Casualties`, `Commander`); ``column`` is the belligerent
    column (1, 2, 3 for a row spanning all columns) or None; ``start``/``end`` cover the value.

    Rendered infobox pages (one cell per line, no column markup) say more about a cell than its
    column, and extraction needs it to split a list of cells into columns:

    - ``column_reason``: why the reader put the cell in ``column`` (`pipe-separated cell 2`,
      `under the sub-header 'Local Forces'`, `flag 'Argentina' before the name`); None when the
      column comes from the format itself (`Casualties2`) or is unknown.
    - ``claimant``: the claimant header governing the cell (`Western historians estimate`,
      `Ukraine` for `Per Ukraine:`), with ``claimant_start`` its offset in the text.
    - ``time_label``: the time-point label governing the cell (`13 March`, `As of March 13`,
      `Initial`), with ``time_start`` its offset.
    - ``group``: a structural group id (cells between blank lines, a run of bullets, one
      pipe-delimited cell); a change of group may be a change of column.
    - ``block``: which label line the cell sits under (one id per `Strength`, `Casualties and
      losses`, ... occurrence), so extraction can walk one section's cells in order.
    - ``note_of``: for a footnote (`* Number updated to 269` under `185 killed[*]`), the start
      offset of the cell it is about.
    """

    key: str
    label: str
    value: str
    start: int
    end: int
    line: int
    column: int | None = None
    column_reason: str | None = None
    claimant: str | None = None
    claimant_start: int | None = None
    time_label: str | None = None
    time_start: int | None = None
    group: int | None = None
    block: int | None = None
    note_of: int | None = None
    party: str | None = None
    """The belligerent a sub-header over the cell names (`Malaysia:` over `1 killed` in the
    first column, whose first belligerent is the United States)."""


@frozen
class Problem:
    """Something odd the reader found and did not guess at (an empty field, a stray marker)."""

    message: str
    line: int
    column: int = 1


@frozen
class Reference:
    """A source the document cites: a `<ref>` element, a reused `<ref name=... />` or a short
    footnote template (`{{sfn|...}}`), with its offsets and a short label for people to read.

    ``label`` is what a claim's ``Attribution.reference`` carries: the cite template's author,
    title and year (`de Waal, Black Garden (2003)`), else the reference's own text, trimmed.
    A reused reference has the label of the one that defines its name.
    """

    name: str | None
    label: str
    start: int
    end: int


@frozen
class Provenance:
    """Where a document's text came from when it is not the file itself: a web page.

    An HTML page is read into plain text (the document's ``text``, which every span points
    into); this keeps what the page said about itself and how to find each character of the
    text in the page. ``offsets`` are breakpoints ``(text offset, source offset)`` in text
    order: a character at text offset ``t`` comes from source offset ``s + (t - t0)`` of the
    last breakpoint ``(t0, s)`` at or before it (characters the reader added, such as line
    breaks between blocks, point at the tag that caused them). ``source_lines`` are the
    offsets at which the source's lines start, for a line and column in the saved file.
    """

    source: str
    """The file or URL that was read."""
    source_format: str = "html"
    source_sha256: str = ""
    url: str | None = None
    """The page's own address (canonical link, `og:url`, or where it was fetched from)."""
    title: str | None = None
    """The page's title as its `<title>` gives it (the document title is the article's)."""
    published: str | None = None
    modified: str | None = None
    author: str | None = None
    site: str | None = None
    fetched_at: str | None = None
    offsets: tuple[tuple[int, int], ...] = ()
    source_lines: tuple[int, ...] = ()


@frozen
class Document:
    """A read document: its text, title, format, sections and infobox fields."""

    id: str
    path: str
    title: str
    format: DocumentFormat
    text: str
    sha256: str
    sections: tuple[Section, ...] = ()
    infobox: tuple[InfoboxField, ...] = ()
    problems: tuple[Problem, ...] = ()
    body_start: int = 0
    belligerents: tuple[str, ...] = ()
    """Belligerent names per infobox column when the document gives them ('' when not)."""
    prose: tuple[tuple[int, int], ...] = ()
    """Ranges of running prose (a scraped page may have a lead paragraph before its table)."""
    references: tuple[Reference, ...] = ()
    """Cited references in text order (wikitext `<ref>`s); empty for formats that have none."""
    provenance: Provenance | None = None
    """For a document read from a web page: the page's address, title, dates and offset map."""

    def prose_ranges(self) -> tuple[tuple[int, int], ...]:
        return self.prose or ((self.body_start, len(self.text)),)


class Relation(str, Enum):
    """How two estimates of one disputed quantity stand to each other."""

    CLASH = "cannot_both_be_true"
    """Their intervals miss each other even with the tolerance for loose wording."""
    LOOSE = "agree_within_tolerance"
    """They differ as stated but agree once round or approximate wording is read loosely."""
    AGREE = "agree"
    """Their stated intervals overlap (`over three thousand` and `3,500`)."""
    UPDATE = "update"
    """A later, larger count of a growing toll from the same source: an update, not a dispute."""
    NOT_COMPARED = "not_compared"
    """They count different moments (disjoint as-of dates) or sub-groups listed together."""


@frozen
class Estimate:
    """One figure for a disputed quantity: the claim and every restatement of it.

    ``claims[0]`` is the estimate as first stated; the others state the same figure again from
    the same source (the same document, a version of it, or the same claimant).
    """

    claims: tuple[str, ...]
    source: str
    """Who stands behind it, for independence: the article lineage and the claimant."""


@frozen
class Pair:
    """Two estimates of a dispute (indexes into ``Dispute.estimates``) and how they stand."""

    a: int
    b: int
    relation: Relation
    rule: str
    """The rule that describes the pair: R-INTERVAL, R-INFOBOX-BODY or R-VERSION-DRIFT."""


@frozen
class Dispute:
    """Every estimate of one quantity: one event, side, kind, category and scope.

    ``pairs`` lists how the estimates stand to each other (only pairs that were compared, in a
    large dispute each outlier against the consensus); ``notes`` say what else a reviewer needs
    to weigh them (a side the text does not state, dated figures against undated ones).
    """

    event: str
    kind: Kind
    category: Category
    side: str
    """The side key the reconciler resolved across documents (`-` for none)."""
    side_name: str | None
    scope: str
    """What part of the whole the figures count: `whole event`, `peacekeepers`, `on 12 May`."""
    lost: bool
    estimates: tuple[Estimate, ...]
    pairs: tuple[Pair, ...] = ()
    notes: tuple[str, ...] = ()

    def clashes(self) -> list[Pair]:
        return [p for p in self.pairs if p.relation is Relation.CLASH]


@frozen
class Conflict:
    """Claims that cannot all be true (or a link between them), with a sentence to act on.

    A finding about one disputed quantity carries its ``dispute``: every estimate, and which of
    them cannot all be true, agree within tolerance, or restate one another. ``event`` is the id
    of the event the claims are about (None for findings that cross events, such as identities).
    """

    id: str
    rule: str
    severity: Severity
    claims: tuple[str, ...]
    explanation: str
    outcome: Outcome = Outcome.CONFLICT
    subject: str | None = None
    event: str | None = None
    dispute: Dispute | None = None

    @staticmethod
    def id_for(rule: str, claims: Iterable[str]) -> str:
        """The stable id of the conflict a rule finds among these claims (in any order)."""
        return stable_id("k_", rule, *sorted(set(claims)))

    @classmethod
    def create(
        cls,
        *,
        rule: str,
        severity: Severity,
        claims: tuple[str, ...],
        explanation: str,
        outcome: Outcome = Outcome.CONFLICT,
        subject: str | None = None,
        event: str | None = None,
        dispute: Dispute | None = None,
    ) -> Conflict:
        """The conflict with its stable id. Claims are kept in the order given (a dispute lists
        its estimates in order) without repeats; plain findings sort them."""
        key: list[str]
        if dispute is not None:
            ordered = tuple(dict.fromkeys(claims))
            key = sorted(ordered)
        else:
            key = sorted(set(claims))
            ordered = tuple(key)
        key.insert(0, rule)
        return cls(
            id=text_id("k_", key),  # id_for, on claims already without repeats
            rule=rule,
            severity=severity,
            claims=ordered,
            explanation=explanation,
            outcome=outcome,
            subject=subject,
            event=event,
            dispute=dispute,
        )


@frozen
class Anchor:
    """Where an annotation's target was when it was made, to re-attach it after an edit."""

    document: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    kind: Kind | None = None

    @classmethod
    def of_claim(cls, claim: Claim) -> Anchor:
        return cls(
            document=claim.span.document,
            quote=claim.span.quote,
            prefix=claim.span.prefix,
            suffix=claim.span.suffix,
            start=claim.span.start,
            end=claim.span.end,
            kind=claim.kind,
        )


@frozen
class Annotation:
    """A reviewer's act on a claim or conflict. Append-only: history is the audit trail.

    A retraction (undo) is itself an annotation whose ``retracts`` names the one it withdraws.
    """

    id: str
    target_kind: TargetKind
    target_id: str
    verdict: Verdict
    reviewer: str
    created_at: dt.datetime
    note: str = ""
    confidence_override: float | None = field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.and_(attrs.validators.ge(0.0), attrs.validators.le(1.0))
        ),
    )
    override_reason: str | None = None
    anchor: Anchor | None = None
    retracts: str | None = None
    adjudication: bool = False
    """An adjudicator's verdict settling reviewers' disagreement: only a reviewer the store
    knows as adjudicator (or admin) may make one, which the database enforces. Left out of
    the JSON when false, so other annotations read as they always did."""
