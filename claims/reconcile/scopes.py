"""Scopes and times: what part of the whole a figure counts, and when.

A figure for one day, one town, one unit or one member of a coalition is not the battle's
figure: it gets a *scope* and is only compared with figures of the same scope. The scope is
read from the figure's own clause (its quote and the rest of its cell or clause, and the start
of its clause before it when no other figure stands there):

- **time windows**: `overnight`, `on Sunday`, `yesterday`, `in the past 24 hours`, `on 12 May`,
  `during the withdrawal`, `a day` (a rate);
- **places** other than the event's own (`in entire South Ossetia` in the Battle of Tskhinvali;
  `in Grozny` in the Battle of Grozny is the event's own place and no scope), and `entering X`;
- **sub-groups**: peacekeepers, reinforcements, police, militia, volunteers, attack forces,
  National Guard, interior troops, air force, navy, marines, special forces, children, women; a
  figure naming one member of a coalition column (`143,296 Romanians` in a column of Germany,
  Romania, Italy, ...); `N army` / `N navy personnel` in a list;
- **the whole war** rather than the battle (`in the war`, `since the conflict began`);
- **percentages** (`90% of its forces were killed`, `controls 40 percent of the city`): a share
  is compared only with other shares, never with a count, and never summed with counts;
- **civilians** (a civilian toll is not a belligerent's), **parts** of a stated total (they
  are compared only with parts of the same kind), and figures that count a part of another
  (`four of whom were beheaded`, `At least 20 of those killed`).

Increments (`+2,000 servicemen`, `40 more were killed`, `another 50`) add to another figure and
are never compared as estimates. *Cumulative* figures (`the toll has reached 815`, `since the
battle began`, `have been killed`) from one source at different report dates are a growing
count: the later, larger figure is an update, not a disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claims.lexicon import lexicon
from claims.model import Category, Claim, ClaimantClass, Kind, Population, Quantity, UncertainDate
from claims.reconcile.index import Context, after, before, named_parties, party_of, parties_of
from claims.reconcile.names import WordPattern, fold

WHOLE = "whole event"

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WINDOW = re.compile(
    r"\b(?P<w>overnight|last night|yesterday|this morning|this week|last week"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|on the (?:first|second|third|fourth|fifth|last|same) day"
    r"|(?:in|over|during|within) (?:the )?(?:(?:past|last|previous|first|next|following) )?(?:\d+|twenty-four|forty-eight|two|three|four|five|six|seven|ten|few) (?:hours?|days?|weeks?)"
    # `in November alone`: one month of a longer battle
    rf"|in {_MONTHS}(?: \d{{4}})? alone"
    # `11 civilians killed on those two days alone`, `trapped in the town at the end of May`
    r"|on (?:those|these|that|the) (?:\d+|two|three|four|five|six|seven|ten|few) days"
    rf"|at the (?:end|start|beginning|close|middle) of {_MONTHS}"
    # `lost around a dozen tanks in the first sortie`: one phase of it
    r"|(?:in|during) (?:the|its|their) (?:first|opening|initial|second|third|final|last) (?:\w+ )?"
    r"(?:sorties?|attacks?|assaults?|waves?|strikes?|raids?|phases?|stages?|engagements?|nights?)"
    # `30 fighters were still holding out`: the last of them, not the force
    r"|still (?:holding out|holed up|inside|trapped|fighting|remain(?:ed|ing)?)|remaining"
    # `1,000 fighters remain in western Mosul`: the same last of them (not `remain missing`)
    r"|(?<=\s)remains?(?=\s+(?:in|inside|within|holed|trapped|entrenched|holding)\b)"
    # `275 IS fighters were allowed to leave the city`: those who left under a deal
    r"|allowed to leave|bussed out|evacuated from"
    r"|in (?:a|one) (?:single )?day|(?:per|a|each) day|daily"
    # `On 21 January eighteen Marines were killed`: one day of a longer battle
    rf"|on (?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS}(?! ?[-–—] ?\d)|on {_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b(?! ?[-–—] ?\d)"
    # `10,800 (initial)` against `16,200 (total)`: the force at the start, not the whole of it
    r"|initial(?:ly)?|at (?:the )?(?:start|outset)|at (?:its )?(?:peak|height)|peak"
    r"|during the (?:pull-?out|withdrawal|retreat|evacuation|breakout|night)"
    rf"|on (?:\d{{1,2}} {_MONTHS}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?))\b",
    re.I,
)
# After a window, words that make it the battle's own time, not a part of it (`the four days of
# fighting`, `last week's battle`), unless the window names a part (`the first two days`).
_BATTLES_OWN_TIME = re.compile(r"(?:['’]s|\s+of)\s+(?:the\s+)?(?:fighting|battle|siege|combat|clashes|offensive|assault)\b", re.I)
_PART_OF_TIME = re.compile(r"\b(?:first|past|previous|next|following|single|alone)\b|\bthe last\b")
_FRONTED_TIME = re.compile(r"(?:^|[;:]|\bthat\b|\bbut\b|\band\b)\s*((?:on|in|during|over|within|overnight|yesterday|last)\b[^;:.,]{0,30}),\s*$", re.I)
_UNIT_WORDS = ("Battalion", "Brigade", "Division", "Regiment", "Company", "Squadron", "Platoon", "Battery", "Cavalry", "Corps")
_UNIT_SUBJECT = re.compile(
    rf"(?P<unit>(?:\d+(?:st|nd|rd|th)|(?!The\b)[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){{0,2}}\s+(?:{'|'.join(_UNIT_WORDS)}))"
    r"\s+(?:had\s+|has\s+|have\s+)?(?:lost|suffered|sustained|reported|counted|had|was|were|numbered)\b[^.;:\d]{0,20}$")
# A cell's own label before its figure (`- Army of the Ohio: 17,918`), and the words that make
# it a formation of a side rather than the side or a total.
_CELL_LABEL = re.compile(r"(?:^|[\n|•*>=])[ \t]*(?:[-*+•][ \t]+)?(?P<label>[A-Z][\w .'’\-]{2,50}?)[ \t]*:[ \t]*$")
# The first cell of a table row (its label), before the cells that follow it on the line.
_ROW_LABEL = re.compile(r"(?:^|\n)[ \t|]*(?P<label>[^\t|\n]+?)(?:[ \t]*\||\t|[ \t]{2,})[^\n]*$")
_TOTAL_LABEL = re.compile(r"(?i)(?:grand\s+)?(?:total|overall|all|altogether|sum)\b")
_FORMATION = re.compile(r"(?i)\b(?:army|armies|corps|division|brigade|regiment|battalion|fleet|garrison|detachment|squadron|wing"
                        r"|guard|company|task\s+force)\b")
_DAY_WINDOW = re.compile(r"(?:on |overnight|last night|yesterday|this morning|this week|last week|in (?:a|one) (?:single )?day)")
_PLACE = re.compile(
    r"\b(?P<prep>in|inside|within|entering|outside|near)\s+(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_ROLES = {
    "peacekeepers": re.compile(r"peace\s*keep", re.I),
    "reinforcements": re.compile(r"reinforcement", re.I),
    "police": re.compile(r"\bpolice", re.I),
    "militia": re.compile(r"\bmilitia", re.I),
    "volunteers": re.compile(r"\bvolunteer", re.I),
    "attack forces": re.compile(r"\battack forces", re.I),
    "children": re.compile(r"\bchildren\b", re.I),
    "women": re.compile(r"\bwomen\b", re.I),
    "National Guard": re.compile(r"\bnational guard", re.I),
    "interior troops": re.compile(r"\binterior (?:ministry|troops|forces)", re.I),
    "air force": re.compile(r"\bair\s?force", re.I),
    "navy": re.compile(r"\bnav(?:y|al)\b", re.I),
    "marines": re.compile(r"\bmarines?\b", re.I),
    "special forces": re.compile(r"\bspecial (?:forces|operations)", re.I),
    # `49,500 combat troops` and `15,000 logistics personnel`: two parts of one force
    "combat troops": re.compile(r"\bcombat (?:troops|personnel|soldiers|forces|units)", re.I),
    "logistics": re.compile(r"\blogistic", re.I),
    "army": WordPattern(r"^\S+\s+(?:\(\s*)?army\b", "army"),
}
_WAR = re.compile(r"(?<!\bhistory )\b(?:in|of|from|during|since|throughout) the (?:whole |entire )?(?:war|conflict|insurgency|civil war)\b"
                  r"|\bsince the (?:war|conflict) (?:began|started)", re.I)
# `For the whole summer campaign, ..., while German losses for the same period were about
# 170,000`: a larger whole, for every figure of the sentence.
_WHOLE_CAMPAIGN = re.compile(r"\b(?:for|in|during|throughout|over) the (?:whole|entire) (?:\w+ )?(?:campaign|war|offensive)\b", re.I)
_INCREMENT_AFTER = re.compile(r"^\s*[\d,.]+\s+(?:more|others?|additional)\b(?!\s+than)", re.I)
_INCREMENT_BEFORE = WordPattern(r"\b(?:another|a further|an additional|additional|plus)\s*$",
                                "another|further|additional|plus")
_CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|toll|tally|in total|a total|in all|altogether|overall|ha(?:s|ve) risen|rose to|risen to"
    r"|ha(?:s|ve) reached|reached|ha(?:s|ve) climbed|climbed to|bringing|cumulative)\b"
    r"|\b(?:have|has) been (?:killed|wounded|captured|injured)\b|\bhave (?:died|surrendered|been)\b",
    re.I,
)


_REMNANT = re.compile(r"still (?:holding out|holed up|inside|trapped|fighting|remain(?:ed|ing)?)|remaining|remains?")
_WINDOW_TRIGGERS = ("remain", "night", "yesterday", "morning", "week", "day", "dai", "hour", "during", "jan", "feb", "mar",
                    "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "still", "remaining", "leave", "bussed", "evacuated",
                    "initial", "start", "outset", "peak", "height", "first", "opening", "second", "third", "final",
                    "last")
"""Words every match of ``_WINDOW`` contains (lower case)."""
# A group named as the other party of what happened, not as who is counted (`surrendered to
# the militia`, `killed by police`, `fighting against the volunteers`).
_AGENT_BEFORE = re.compile(r"(?i)\b(?:to|by|from|against|with)\s+(?:the\s+|a\s+)?(?:[\w\-]+\s+)?$")
_ROLE_TRIGGERS = {"peacekeepers": "peace", "reinforcements": "reinforcement", "police": "police", "militia": "militia",
                  "volunteers": "volunteer", "attack forces": "attack forces", "children": "children", "women": "women",
                  "National Guard": "national guard", "interior troops": "interior ", "air force": "force",
                  "navy": "nav", "marines": "marine", "special forces": "special ", "combat troops": "combat ",
                  "logistics": "logistic"}
"""For each role of ``_ROLES`` but `army`, a word every match contains (lower case)."""
_WAR_TRIGGERS = ("war", "conflict", "insurgency")
_PLACE_CUE = re.compile(r"\b(?:in|inside|within|entering|outside|near)\s+(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+)?[A-Z]")
_DIGIT = re.compile(r"\d")
_SUBSET = WordPattern(r"\b(?:of|among) (?:whom|them|those|these|which)\b|\bof those (?:killed|dead|victims)\b",
                      "whom|them|those|these|which")
_HEAD_BREAK = re.compile(r"[,;:()]|<br")  # (`(initial)<br />16,200`: the label before is another figure's)
_SOURCE_AFTER = WordPattern(r"\b(?:according to|per|citing|(?:as )?(?:said|says|reported|claimed|estimated|told) by)\b",
                            "according to|per|citing|said|says|reported|claimed|estimated|told")
_SOURCE_BEFORE = WordPattern(
    r"\b(?:said|says|say|told|claimed|claims|reported|reports|announced|stated|estimated)\b"
    r"(?:\s+(?:on\s+\w+day|yesterday|today|last\s+night|this\s+morning|on\s+\d{1,2}\s+\w+|on\s+\w+\s+\d{1,2}))?",
    "said|says|say|told|claimed|claims|reported|reports|announced|stated|estimated",
)
"""A reporting cue and when the report was made (`said on Wednesday that`): the figure's time is its own."""
_THAT_AFTER_CUE = re.compile(r"^[^.;:]{0,80}?\bthat\b")
_FOR_THE = re.compile(r"\bfor\s+(?:the|its|their|all)?\s*$", re.I)


_ASIDE = re.compile(r"(?i),[ \t]*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which)\b[^,;]*,")


_A_DAY = re.compile(rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS}(?: \d{{4}})?|\b{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?")


def _texts(claim: Claim, ctx: Context) -> tuple[str, str, str]:
    """(clause to the next figure, whole clause, the 40 characters before the quote): the
    figure's own words, the start of its clause when no other figure is there, its quote, and
    the rest of its cell or clause (the whole of it for a time that governs every figure of the
    clause: `6 killed and 100 wounded during the pullout`)."""
    ahead = before(claim, ctx, 120)
    head = _HEAD_BREAK.split(ahead)[-1]
    if _DIGIT.search(_A_DAY.sub("", head)):
        head = ""  # (another figure's words; a day's date is the figure's own time)
    # Who says it, and when, is no part of what is counted: `according to volunteer researchers`
    # names no volunteers, `Police said on Sunday that 40 ...` neither police nor one day.
    if _SOURCE_BEFORE.may_match(head):
        head = _SOURCE_BEFORE.regex.split(head)[-1]
        # `said in a statement on Thursday that its fighters had killed`: when it was said.
        head = _THAT_AFTER_CUE.split(head)[-1]
    if _FOR_THE.search(head):
        head = ""  # `mourning on Friday for the 71 soldiers killed`: another verb's time
    tail = after(claim, ctx)
    if _SOURCE_AFTER.may_match(tail):
        tail = _SOURCE_AFTER.regex.split(tail, maxsplit=1)[0]
    short = _DIGIT.split(tail, maxsplit=1)[0]
    # (`96 of its fighters, including two women commanders, had died`: the aside is its part's)
    quote = _ASIDE.sub(" ", claim.span.quote) if "," in claim.span.quote else claim.span.quote
    return f"{head} {quote}{short}", f"{head} {quote}{tail}", ahead[-40:]


def _whole_campaign(claim: Claim, ctx: Context) -> bool:
    """The figure's sentence opens on a larger whole (`For the whole summer campaign, ...`)."""
    ahead = before(claim, ctx, 300)
    if "whole" not in (low := ahead.lower()) and "entire" not in low:
        return False  # (most figures: no sentence to split out)
    sentence = re.split(r"[.!?][\"”’)]?\s+(?=[A-Z])|\n", ahead)[-1]
    low = sentence.lower()
    return ("whole" in low or "entire" in low) and _WHOLE_CAMPAIGN.search(sentence) is not None


def _is_increment(claim: Claim, ahead: str) -> bool:
    q = claim.value
    if isinstance(q, Quantity) and q.increment:
        return True
    return bool(_INCREMENT_AFTER.search(claim.span.quote) or _INCREMENT_BEFORE.search(ahead))


def is_increment(claim: Claim, ctx: Context) -> bool:
    """The figure adds to another (`40 more were killed`, `another 50`, `plus another 40`)."""
    return classify(claim, ctx)[0]


def scope(claim: Claim, ctx: Context) -> str:
    """What part of the whole a figure counts (`whole event`, `on Sunday`, `peacekeepers`, ...)."""
    return classify(claim, ctx)[1]


def classify(claim: Claim, ctx: Context, side: str | None = None, event_id: str | None = None) -> tuple[bool, str]:
    """(whether the figure is an increment, its scope). For documents without text (stand-ins)
    it is remembered per wording and whatever else of the claim ``_scope`` reads (of its
    category, whether it is a percentage and a part's noun); a document's text is read once per
    claim anyway (the index asks once per figure). ``side`` and ``event_id`` are the claim's,
    when the caller has them at hand."""
    doc = ctx.documents.get(claim.document)
    if doc is not None and doc.text:
        return _scope(claim, ctx)
    span, q, part_of = claim.span, claim.value, claim.part_of
    # The key's layout is the one `scoped_quantities` builds inline.
    if isinstance(q, Quantity):
        key: tuple = (span.prefix, span.quote, span.suffix, part_of is None, claim.side.column, q.unit,
                      q.category if part_of else q.category is Category.SHARE, q.population, q.increment,
                      event_id or ctx.event_of[claim.document].id, side or ctx.sides.get(claim.id),
                      doc.belligerents if doc else ())
    else:
        key = (span.prefix, span.quote, span.suffix, part_of is None, claim.side.column,
               event_id or ctx.event_of[claim.document].id, side or ctx.sides.get(claim.id),
               doc.belligerents if doc else ())
    by_wording = _by_wording(ctx)
    found = by_wording.get(key)
    if found is None:
        found = by_wording[key] = _scope(claim, ctx)
    return found


def _by_wording(ctx: Context) -> dict[tuple, tuple[bool, str]]:
    by_wording: dict[tuple, tuple[bool, str]] | None = ctx.memo.get("scope_by_wording")
    if by_wording is None:
        by_wording = ctx.memo["scope_by_wording"] = {}
    return by_wording


def scoped_quantities(ctx: Context) -> Iterator[tuple[Claim, str, str, str]]:
    """(claim, event id, side key, scope) of every figure the index buckets: not an increment,
    not kind `other`, not denied. :func:`classify` of each, with its per-wording cache read
    inline: this loop runs once per figure, and a call, its document lookup and the enum
    member reads per figure cost more than the cache lookup itself."""
    event_id = {d: e.id for d, e in ctx.event_of.items()}
    with_text = {d for d, doc in ctx.documents.items() if doc.text}
    belligerents = {d: doc.belligerents for d, doc in ctx.documents.items()}
    by_wording = _by_wording(ctx)
    other, share = Kind.OTHER, Category.SHARE  # read once: each read of an Enum member is a slow lookup
    for c, side in zip(ctx.of_type(Quantity), ctx.sides_of_type(Quantity)):
        q = c.value
        if q.increment or c.kind is other or c.negated:  # type: ignore[union-attr]
            continue
        document = c.document
        event = event_id[document]
        if document in with_text:
            increment, scope_ = _scope(c, ctx)
        else:
            span, part_of = c.span, c.part_of
            key = (span.prefix, span.quote, span.suffix, part_of is None, c.side.column, q.unit,  # type: ignore[union-attr]
                   q.category if part_of else q.category is share, q.population, False,  # type: ignore[union-attr]
                   event, side, belligerents.get(document, ()))
            found = by_wording.get(key)
            if found is None:
                found = by_wording[key] = _scope(c, ctx)
            increment, scope_ = found
        if not increment:
            yield c, event, side, scope_


def is_share(q: Quantity) -> bool:
    """A percentage rather than a count (category share, or a count category given in percent)."""
    return q.category is Category.SHARE or (q.unit or "").lower() in _PERCENT


_PERCENT = frozenset({"percent", "per cent", "%", "percentage"})


_LOSS_TOTALS = frozenset({Category.CASUALTIES, Category.KILLED_OR_WOUNDED, Category.KILLED_OR_MISSING})
_LOSS_PARTS = frozenset({Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED})
_WHOLE_NOUNS = frozenset({None, "killed", "dead", "wounded", "injured", "missing", "captured", "prisoners", "men",
                          "soldiers", "troops", "casualties"})


def measure_breakdown(claim: Claim, ctx: Context) -> bool:
    """A part that breaks a loss total down by measure (`casualties were 4,064, of whom
    around 1,500 were killed`): the side's whole count of that measure, no sub-group, so it
    is compared with the others' figures of it."""
    parent = ctx.claims.get(claim.part_of or "")
    q = claim.value
    pq = parent.value if parent is not None else None
    return isinstance(q, Quantity) and isinstance(pq, Quantity) and pq.category in _LOSS_TOTALS \
        and q.category in _LOSS_PARTS and (q.unit.lower() if q.unit else None) in _WHOLE_NOUNS \
        and parent.side.name == claim.side.name


def _line_before(claim: Claim, ctx: Context) -> str:
    """The claim's line up to its quote (a table's row: its label and the cells before)."""
    doc = ctx.documents.get(claim.document)
    text, end = (doc.text, claim.span.start) if doc is not None and doc.text else (claim.span.prefix, len(claim.span.prefix))
    return text[text.rfind("\n", max(0, end - 160), end) + 1:end]


def _scope(claim: Claim, ctx: Context) -> tuple[bool, str]:
    q = claim.value
    parts: set[str] = set()
    breakdown = claim.part_of is not None and measure_breakdown(claim, ctx)  # (by measure: no sub-group)
    if isinstance(q, Quantity):
        if is_share(q):
            parts.add("a percentage")
        if claim.part_of and not breakdown:
            parts.add(f"part: {(q.unit or q.category.value).lower().replace('armour', 'armor').rstrip('s')}")
        if q.population is Population.CIVILIAN:
            # `92 Azerbaijani civilians` and `about 50 Armenian civilians` count different people.
            named = named_parties(claim.span.quote)
            parts.add(f"civilians: {named[0]}" if len(named) == 1 else "civilians")
    text, whole_clause, ahead = _texts(claim, ctx)
    strength = claim.kind is Kind.STRENGTH
    increment = _is_increment(claim, ahead)
    # Each pattern runs only where a word it needs occurs (a substring test costs far less
    # than a case-insensitive alternation scanned at every position).
    low_whole, low = whole_clause.lower(), text.lower()
    if any(t in low_whole for t in _WINDOW_TRIGGERS):
        parts.update(_windows(whole_clause, strength))
    # `Army of the Tennessee: 48,894` over `Total: 66,812` in a strength cell, `4 Infantry
    # Brigade    126    198` in a table of units: one formation's count, not the side's (a
    # party's own name labels the side: no part)
    label = (_ROW_LABEL.search(_line_before(claim, ctx)) if claim.rule == "prose.table"
             else _CELL_LABEL.search(ahead) if claim.field is not None and ":" in ahead else None)
    if label is not None and _FORMATION.search(label.group("label")) and lexicon().party_of(label.group("label")) is None:
        parts.add("unit: " + " ".join(label.group("label").lower().split()))
    if claim.rule == "prose.header_row" and claim.field and not _TOTAL_LABEL.match(claim.field) \
            and lexicon().party_of(claim.field) is None:
        # `Laukkaing ..... 2,389` in a list by town: that town's count, not the whole event's
        parts.add("row: " + " ".join(claim.field.lower().split()))
    if any(u in ahead for u in _UNIT_WORDS) and (unit := _UNIT_SUBJECT.search(ahead)) is not None:
        # `the ARVN 37th Ranger Battalion lost 115 killed`, `the 2nd Division lost 2,125`: one
        # unit's count, not the whole side's
        parts.add("unit: " + " ".join(unit.group("unit").lower().split()))
    if "," in ahead and (fronted := _FRONTED_TIME.search(ahead)) is not None:
        # `said that on 29 August alone, 108 soldiers were killed`: a time set before the
        # clause's comma is the figure's own (the clause words above stop at the comma)
        parts.update(_windows(fronted.group(1), strength))
    for label, trigger in _ROLE_TRIGGERS.items():
        if trigger in low and any(not _AGENT_BEFORE.search(text, max(0, m.start() - 24), m.start())
                                  for m in _ROLES[label].finditer(text)):
            parts.add(label)
    if any(t in low for t in _WAR_TRIGGERS) and _WAR.search(text) or _whole_campaign(claim, ctx):
        parts.add("the whole war")
    if _ROLES["army"].search(claim.span.quote + " " + after(claim, ctx)):
        parts.add("army")
    if _SUBSET.search(text) and not breakdown:
        parts.add("a part of another figure")
    if _PLACE_CUE.search(text):
        event = ctx.event(claim)
        for m in _PLACE.finditer(text):
            place = fold(m.group(2))
            whole = bool(re.search(r"\b(?:entire|whole|all of)\b", m.group(0)))
            if m.group("prep") == "entering":
                parts.add("entering " + place)
            elif set(place.split()) & event.places:
                continue  # the event's own place
            elif whole or party_of(m.group(2)) is None:
                # A country named as a place (`in Ukraine`) is where the event is, unless `entire`.
                parts.add("in " + place)
    member = _coalition_member(claim, ctx)
    if member:
        parts.add(f"{member} only")
    total = breakdown_total(claim, ctx)
    if total is not None:
        parts.add(f"part of “{' '.join(total.span.quote.split())}”")
    return increment, "; ".join(sorted(parts)) or WHOLE


def _windows(text: str, strength: bool) -> Iterator[str]:
    """The times ``text`` narrows a figure to (`on Sunday`, `in November alone`), but for the
    battle's own time (`in the four days of fighting`, `in last week's battle`) and, for a
    force's size (``strength``), the day it was seen (`defending the city when it was attacked
    on Monday`)."""
    for m in _WINDOW.finditer(text):
        window = " ".join(m.group("w").lower().split())
        if _BATTLES_OWN_TIME.match(text, m.end()) and not _PART_OF_TIME.search(window):
            continue
        if strength and _DAY_WINDOW.match(window):
            continue
        # every way of saying the last of them is one scope (`still holding out`, `remain in`)
        yield "the last of them" if _REMNANT.fullmatch(window) else window


def breakdown_total(claim: Claim, ctx: Context) -> Claim | None:
    """The figure a bracketed breakdown belongs to: `~1,040,000 men (400,000+ Germans, 143,296
    Romanians, ...)` makes each bracketed figure a part of the figure before the bracket (same
    kind and category). None for any other figure."""
    total = breakdown_totals(ctx).get(claim.id)
    return ctx.claims.get(total) if total else None


def breakdown_totals(ctx: Context) -> dict[str, str]:
    """Claim id -> the id of the figure its bracketed breakdown belongs to (see
    :func:`breakdown_total`), for callers that look up every figure. Do not mutate."""
    totals: dict[str, str] | None = ctx.memo.get("breakdowns")
    if totals is None:
        totals = ctx.memo["breakdowns"] = _breakdowns(ctx)
    return totals


_BRACKET_AFTER = re.compile(r"[^\d()\n|]{0,20}?\(")


def _breakdowns(ctx: Context) -> dict[str, str]:
    # Brackets are read in the text: documents without one (stand-ins, outlines) have none.
    with_text = {d.id for d in ctx.documents.values() if d.text}
    if not with_text:
        return {}
    by_doc: dict[str, list[Claim]] = {}
    other = Kind.OTHER  # read once: on Python 3.11 each read of an Enum member is a slow lookup
    for c in ctx.of_type(Quantity):
        if c.kind is not other and c.document in with_text:
            by_doc.setdefault(c.document, []).append(c)
    out: dict[str, str] = {}
    for doc_id, claims in by_doc.items():
        doc = ctx.documents[doc_id]
        if len(claims) < 3:
            continue
        text = doc.text
        claims.sort(key=lambda c: (c.span.start, c.id))
        for i, total in enumerate(claims):
            m = _BRACKET_AFTER.match(text, total.span.end, total.span.end + 40)
            if not m:
                continue
            open_at = m.end()
            close = text.find(")", open_at)
            if close < 0 or "\n" in text[open_at:close]:
                continue
            inside = []
            for c in claims[i + 1:]:
                if c.span.start >= close:
                    break
                if c.span.end <= close and c.kind is total.kind and c.value.category is total.value.category:  # type: ignore[union-attr]
                    inside.append(c)
            if len(inside) >= 2:
                for c in inside:
                    out[c.id] = total.id
    return out


# The side reason of a figure a party label opens its part of a cell for (see extract.infobox).
_PART_LABEL = re.compile(r"the figure names (.+?) \(it opens the figure's part of the cell\)")


def _coalition_member(claim: Claim, ctx: Context) -> str | None:
    """The one party of a coalition column a figure names (`143,296 Romanians`), or None."""
    column = claim.side.column
    doc = ctx.documents.get(claim.document)
    if column not in (1, 2) or doc is None or len(doc.belligerents) < column:
        return None
    members = parties_of(doc.belligerents[column - 1])  # type: ignore[operator]
    if len(members) < 2:
        return None
    named = [p for p in parties_of(claim.span.quote) if p in members]
    label = _PART_LABEL.search(claim.side.reason or "") if not named else None
    if label is not None:
        # `US: 95 killed; Iraq: 8 killed; UK: 4 killed` in one cell: each member labels its part
        named = [p for p in parties_of(label.group(1)) if p in members]
    if len(named) != 1 or named[0] in ctx.sides.get(claim.id, "").split("/"):
        return None  # the column's own party is the whole side, not a part of it
    return named[0]


def is_cumulative(claim: Claim, ctx: Context) -> bool:
    """The figure is a running count (`the toll has reached 815`, `have been killed since ...`).
    Read once per claim (a dispute asks for it per pair of estimates), or once per wording in a
    document without text, where only the span's own prefix, quote and suffix are read."""
    known: dict[object, bool] | None = ctx.memo.get("cumulative")
    if known is None:
        known = ctx.memo["cumulative"] = {}
    doc = ctx.documents.get(claim.document)
    span = claim.span
    key = claim.id if doc and doc.text else (span.prefix, span.quote, span.suffix)
    found = known.get(key)
    if found is None:
        found = known[key] = bool(_CUMULATIVE.search(before(claim, ctx) + " " + span.quote + " " + after(claim, ctx)))
    return found


_MONTH_NAMES = {m[:3]: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
# Wire datelines abbreviate the month (`KIEV, Aug 30 (Reuters)`, `Sept. 4`).
_MONTH_RE = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
             # (a dateline in capitals: `JUNE 20, 2017 / 4:05 PM`)
             r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
             r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}(?:,?\s+(\d{{4}}))?\b|\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?"
                        rf"(?:,?\s+(\d{{4}}))?\b|\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b")
_A_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_A_START = re.compile(r"\b(?:since|from|began|begun|beginning|start(?:ed|ing)?|launched|between)\b[^.]*$", re.I)
_REPORT_CHARS = 6000


def report_date(document_id: str, ctx: Context) -> tuple[int, int, int] | None:
    """When a report was written, at the earliest, as (year, month, day): the latest day it
    mentions (its dateline, or the last day its account reaches; a day after `since`, `from`,
    `began` is a start and does not count). A day written without a year
    takes the latest year the report mentions, or 0 when it mentions none (then only reports
    without years are ordered by day). None for encyclopedia articles (they have an infobox)
    and reports that name no day. Read from the text, not the claims: a report's days are
    rarely claims."""
    dates: dict[str, tuple[int, int, int] | None] | None = ctx.memo.get("report_dates")
    if dates is None:
        dates = ctx.memo["report_dates"] = {}
    if document_id not in dates:
        doc = ctx.documents.get(document_id)
        dates[document_id] = None if doc is None or doc.infobox or not doc.text else _latest_day(doc.text)
    return dates[document_id]


def moment(claim: Claim, ctx: Context) -> tuple[int, int, int] | None:
    """The latest day a document states before the figure, as (year, month, day): a live
    blog's entry time or a timeline's `By 20 May` (a day without a year takes the latest year
    stated before it, or 0). None when no day comes before it."""
    doc = ctx.documents.get(claim.document)
    if doc is None or not doc.text:
        return None
    return _latest_day(doc.text[max(0, claim.span.start - _REPORT_CHARS):claim.span.start])


def event_end(claim: Claim, ctx: Context) -> tuple[int, int, int] | None:
    """The last day of the claim's event, as its documents' infobox dates give it (the latest
    of them); None when none gives one or the event is open (`16 September 2014 – ongoing`)."""
    ends: dict[str, tuple[int, int, int] | None] | None = ctx.memo.get("event_ends")
    if ends is None:
        found: dict[str, list[tuple[int, int, int]]] = {}
        for c in ctx.of_type(UncertainDate):
            if c.kind is Kind.DATE and c.field is not None and c.document in ctx.event_of:
                found.setdefault(ctx.event(c).id, []).append(c.value.upper)  # type: ignore[union-attr]
        ends = ctx.memo["event_ends"] = {e: max(v) for e, v in found.items()}
    end = ends.get(ctx.event(claim).id)
    return end if end is not None and end[0] < 10**9 else None


def _latest_day(text: str) -> tuple[int, int, int] | None:
    text = text[:_REPORT_CHARS]
    years = [int(y) for y in _A_YEAR.findall(text)]
    default_year = max(years) if years else 0
    found = []
    for m in _DAY_MONTH.finditer(text):
        if _A_START.search(text, max(0, m.start() - 30), m.start()):
            continue  # `since September 16`: when it began, not when the report was written
        if m.group(1):
            day, month, year = int(m.group(1)), _MONTH_NAMES[m.group(2).lower()[:3]], m.group(3)
        elif m.group(4):
            day, month, year = int(m.group(5)), _MONTH_NAMES[m.group(4).lower()[:3]], m.group(6)
        else:
            year, month, day = m.group(7), int(m.group(8)), int(m.group(9))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((int(year) if year else default_year, month, day))
    return max(found) if found else None


_CLAIMANT_FILLER = frozenset(
    "the a an oppositional opposition british based uk monitoring monitor group said says according to "
    "its his her their of for and official officials spokesman spokesperson".split())


_KEYS: dict[str, frozenset[str]] = {}


def _claimant_words(name: str) -> frozenset[str]:
    """The significant words of a claimant's name (`the Syrian Observatory for Human Rights` ->
    syrian observatory human rights), plus its acronym (`sohr`)."""
    found = _KEYS.get(name)
    if found is None:
        # (`Defense` and `Defence` are one word of one ministry's name)
        words = [w[:-4] + "ence" if w.endswith("ense") else w for w in fold(name).split() if w not in _CLAIMANT_FILLER]
        acronym = "".join(w[0] for w in words) if len(words) >= 2 else ""
        found = frozenset(words) | ({f"={acronym}"} if acronym else frozenset())
        if len(words) == 1 and len(words[0]) <= 6:
            found |= {f"={words[0]}"}
        _KEYS[name] = found
    return found


def named_source(c: Claim, ctx: Context) -> str | None:
    """The claimant's name; for a body its text only describes (`A human rights monitoring
    group`, a headline's `Rights Group`), the one body of that class its document names with a
    word of the description (`The Syrian Observatory for Human Rights`), when there is one."""
    name = c.attribution.claimant
    if not name or c.attribution.claimant_class not in _BODIES:
        return name
    resolved: dict[tuple[str, str], str] | None = ctx.memo.get("named_sources")
    if resolved is None:
        resolved = ctx.memo["named_sources"] = _named_sources(ctx)
    return resolved.get((c.document, name), name)


_BODIES = frozenset({ClaimantClass.NGO, ClaimantClass.INTERNATIONAL})


def _named_sources(ctx: Context) -> dict[tuple[str, str], str]:
    from claims.extract.attribution import description_key

    described: dict[str, dict[str, tuple[ClaimantClass, frozenset[str]]]] = {}
    named: dict[str, dict[str, tuple[ClaimantClass, frozenset[str]]]] = {}
    for c in ctx.claims.values():
        a = c.attribution
        if a.claimant_class not in _BODIES or not a.claimant:
            continue
        key = description_key(a.claimant)
        if key is not None:
            described.setdefault(c.document, {})[a.claimant] = (a.claimant_class, key)
        else:
            named.setdefault(c.document, {})[a.claimant] = (a.claimant_class, frozenset(fold(a.claimant).split()))
    out: dict[tuple[str, str], str] = {}
    for document, descriptions in described.items():
        bodies = named.get(document, {})
        for who, (cls, key) in descriptions.items():
            words = {fold(w) for w in key}
            hits = sorted(n for n, (ncls, nwords) in bodies.items() if ncls is cls and words & nwords)
            if hits and all(_same_claimant_names(hits[0], n) for n in hits[1:]):
                out[(document, who)] = hits[0]
    return out


def same_source(a: Claim, b: Claim, ctx: Context) -> bool:
    """:func:`same_claimant`, with a described body read as the body its document names."""
    name_a, name_b = named_source(a, ctx), named_source(b, ctx)
    if name_a == a.attribution.claimant and name_b == b.attribution.claimant:
        return same_claimant(a, b)
    return bool(name_a and name_b) and _same_claimant_names(name_a, name_b)


def same_claimant(a: Claim, b: Claim) -> bool:
    """Both give the figure on the same claimant's word (by name, shortened name or acronym)."""
    name_a, name_b = a.attribution.claimant, b.attribution.claimant
    if not name_a or not name_b:
        return False
    if ClaimantClass.UNNAMED in (a.attribution.claimant_class, b.attribution.claimant_class) and a.document != b.document:
        return False  # `officials` in two stories need not be the same officials
    return _same_claimant_names(name_a, name_b)


@lru_cache(maxsize=4096)
def _same_claimant_names(name_a: str, name_b: str) -> bool:
    # Decided once per pair of names: a dispute asks for every pair of its estimates.
    ka, kb = _claimant_words(name_a), _claimant_words(name_b)
    if not ka or not kb:
        return False
    wa, wb = {w for w in ka if not w.startswith("=")}, {w for w in kb if not w.startswith("=")}
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return bool({w for w in ka if w.startswith("=")} & {w for w in kb if w.startswith("=")})
