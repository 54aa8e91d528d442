"""Who says it: claimants (`According to X,`, `X said`, `per X`, `(CRI claim)`) and hedges.

A claimant is a named source; its class (belligerent, journalist, scholar, NGO, international
body, unknown) and, for a belligerent, its side matter for source criticism. Unnamed sources
(`some sources`, `it is believed`, `reportedly`, `Alleged:`) are hedges, never claimants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.sides import SideResolver
from claims.model import ClaimantClass, Hedge, HedgeKind

_STOP = r"[,.;:()\[\]|\n\"“”]"

_ACCORDING_RE = re.compile(
    rf"(?i:according\s+to)\s+(?P<who>[^,.;:()\[\]|\n\"“”]{{2,80}}?)(?=\s*(?:{_STOP}|$|\s+(?:on|in|at|by|the|some|more|over|about|up)\s+(?:\d|[a-z])))"
)
_SPEECH_VERB = (
    r"(?:said|says|stated|states|claimed|claims|reported|reports|admitted|admits|estimated|estimates"
    r"|announced|announces|confirmed|confirms|wrote|writes|asserted|alleged|told|acknowledged"
    r"|noted|declared|insisted|maintained|put\s+the\s+(?:figure|number|toll)|counted)"
)
_SPEECH_RE = re.compile(rf"\b(?:has\s+|had\s+|have\s+)?(?P<verb>{_SPEECH_VERB})\b(?P<that>\s+that\b)?")
_PER_RE = re.compile(r"(?<![\w])(?:[Pp]er|[Aa]s\s+per)\s+(?P<who>[A-Z][^,.;:()\[\]|\n]{1,50}?)(?=\s*(?:[,.;:()\[\]|\n]|$))")
_POSSESSIVE_RE = re.compile(
    r"(?=[BbtA-Z])(?:\b[Bb]y\s+)?(?P<who>(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w\-]*){0,5})['’]s?\s+"
    r"(?P<what>data|figures?|estimates?|account|count|report|tally|statistics|sources)\b"
)
_BLOCK_RE = re.compile(
    r"(?:^|(?<=[,|\n]))\s*(?:(?:[Pp]er|[Aa]ccording\s+to)\s+(?P<who>[^:,\n|]{2,50}?)"
    r"|(?P<label>[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?\s+(?:estimates?|figures?|data|claims?|sources|count)))\s*:"
)
_DIGIT_RE = re.compile(r"\d")
_ALNUM_RE = re.compile(r"[A-Za-z0-9]")
_LETTER_RE = re.compile(r"[A-Za-z]")
_CONNECTIVES_RE = re.compile(r"(?i)\b(?:but|and|however|also|yet)\b")
_SPACE_DIGIT_RE = re.compile(r"\s*\d")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|be)\s*$")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "this", "that", "these", "those", "there"}
_UNNAMED = re.compile(
    r"(?i)^(?:some|other|several|various|many|most|few|unnamed|anonymous|unconfirmed|unofficial|local)"
    r"\s+(?:sources|reports|accounts|estimates|witnesses|observers|analysts|media|people|officials)$"
)

_HEDGE_PATTERNS: list[tuple[re.Pattern, HedgeKind]] = [
    (re.compile(r"\b(?:[Aa]lleged(?:ly)?|[Ss]upposedly|[Pp]urportedly|[Aa]llegations?)\b"), HedgeKind.ALLEGED),
    (re.compile(r"\b(?:[Rr]eportedly|(?:was|were|is|are|has\s+been|have\s+been)\s+reported|[Rr]eports\s+(?:say|said|suggest))\b"), HedgeKind.REPORTED),
    (re.compile(r"\b(?:(?:it\s+)?(?:is|are|was|were)\s+believed|[Bb]elieved\s+to|[Tt]hought\s+to|[Ss]aid\s+to\s+have)\b"), HedgeKind.BELIEVED),
    (re.compile(r"\b(?:(?:it\s+)?(?:is|are|was|were)\s+estimated|[Ee]stimated|[Ee]st\.)(?![\w])"), HedgeKind.ESTIMATED),
    (re.compile(r"\b(?:[Ss]ome|[Oo]ther|[Ss]everal|[Vv]arious|[Uu]nnamed|[Aa]nonymous|[Uu]nofficial)\s+(?:sources|reports|accounts|estimates|witnesses|observers)\b"), HedgeKind.UNNAMED_SOURCE),
    (re.compile(r"\b(?:[Oo]fficially|[Oo]fficial\s+(?:figures?|data|estimates?|count))\b"), HedgeKind.OFFICIAL),
    (re.compile(r"\b(?:[Pp]ossibly|[Pp]erhaps|[Pp]robably|[Uu]nconfirmed|[Uu]nverified|[Mm]ay\s+have|[Mm]ight\s+have|[Uu]nclear|[Pp]resumably)\b"), HedgeKind.UNCERTAIN),
]

_JOURNALIST = re.compile(
    r"(?i)\b(?:journalists?|correspondents?|reporters?|newspapers?|gazeta|times|post|guardian|bbc|cnn"
    r"|reuters|associated\s+press|afp|a\.p\.|news|magazine|tv|television|radio|nezavisimaya|nezavimisaya"
    r"|izvestia|kommersant|novaya|economist|telegraph|independent|press)\b"
)
_SCHOLAR = re.compile(
    r"(?i)\b(?:historians?|scholars?|professors?|researchers?|analysts?|academics?|university"
    r"|institute|author|authors|experts?|political\s+scientists?|sociologists?|demographers?|dr\.?)\b"
)
_NGO = re.compile(
    r"(?i)\b(?:memorial|human\s+rights|hrw|amnesty|ngos?|soldiers['’]?\s+mothers|csmr|helsinki"
    r"|médecins|msf|watch|foundation|groups?)\b"
)
_INTERNATIONAL = re.compile(
    r"(?i)\b(?:un|united\s+nations|osce|unhcr|icrc|red\s+cross|european\s+union|eu|nato|council\s+of\s+europe"
    r"|icty|tribunal|pace|unicef|world\s+bank|observers?|monitors?|csce|unprofor|international)\b"
)
_BELLIGERENT_WORDS = re.compile(
    r"(?i)\b(?:side|ministry|ministers?|government|officials?|military|army|command|authorities|forces"
    r"|president|spokes(?:man|woman|person)|commanders?|defen[cs]e|general\s+staff|state|federal"
    r"|headquarters|separatists?|rebels?|leadership|prosecutor|kremlin|claim)\b"
)


@dataclass(frozen=True)
class FoundAttribution:
    """A claimant named in a sentence and the part of the text it governs."""

    claimant: str
    start: int
    end: int
    scope_start: int
    scope_end: int
    form: str
    extends: bool = False


def classify_claimant(claimant: str, sides: SideResolver | None = None) -> tuple[ClaimantClass, str | None]:
    """The class of a claimant and, for a belligerent, the party it speaks for."""
    party = _party_in(claimant, sides)
    if _JOURNALIST.search(claimant):
        return ClaimantClass.JOURNALIST, None
    if _SCHOLAR.search(claimant):
        return ClaimantClass.SCHOLAR, None
    if _NGO.search(claimant):
        return ClaimantClass.NGO, None
    if _INTERNATIONAL.search(claimant):
        return ClaimantClass.INTERNATIONAL, None
    if party is not None:
        return ClaimantClass.BELLIGERENT, party
    if _BELLIGERENT_WORDS.search(claimant) and re.search(r"(?i)\b(?:ministry|government|army|military|command|authorities|side)\b", claimant):
        return ClaimantClass.BELLIGERENT, None
    return ClaimantClass.UNKNOWN, None


def _party_in(claimant: str, sides: SideResolver | None) -> str | None:
    from claims.extract.sides import _DEMONYM_RE, canonical

    for m in _DEMONYM_RE.finditer(claimant):
        if sides is not None:
            hit = sides.party(m.group("d"))
            if hit is not None:
                return hit[1]
        party = canonical(m.group("d"))
        if party:
            return party
    if sides is not None:
        for word in re.findall(r"\b[A-Z]{2,5}\b", claimant):
            hit = sides.party(word)
            if hit is not None and hit[0] is not None:
                return hit[1]
        named = sides.combatant_in(claimant)
        if named is not None:
            return named[1]
    return None


def is_unnamed(claimant: str) -> bool:
    return bool(_UNNAMED.match(claimant.strip()))


def _clean_claimant(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    chunk = chunk.strip()
    for word in ("and ", "but ", "while ", "whereas ", "as ", "so ", "although "):
        if chunk.lower().startswith(word):
            chunk = chunk[len(word):]
            start += len(word)
    chunk = chunk.rstrip(" ,")
    if not chunk or chunk.lower() in _PRONOUNS or chunk.split()[0].lower() in _PRONOUNS:
        return None
    if len(chunk.split()) > 8 or _DIGIT_RE.search(chunk):
        return None
    return chunk, start, start + len(chunk)


def find_attributions(text: str, lo: int, hi: int) -> list[FoundAttribution]:
    """Claimants named in the sentence ``text[lo:hi]``, each with the text it governs."""
    found: list[FoundAttribution] = []
    for m in _ACCORDING_RE.finditer(text, lo, hi):
        who = m.group("who").strip()
        if is_unnamed(who):
            continue
        head = text[lo:m.start()]
        # Sentence-initial (`According to X, on April 16, ...`): governs the sentence and
        # plausibly the next ones.
        initial = not _ALNUM_RE.search(_CONNECTIVES_RE.sub("", head))
        found.append(FoundAttribution(who, m.start("who"), m.start("who") + len(who), lo, hi,
                                      "according_to", extends=initial))
    for m in _SPEECH_RE.finditer(text, lo, hi):
        verb = m.group("verb")
        after = text[m.end():m.end() + 3]
        # `estimated 250,000` is a bound, not a speaker
        if verb.startswith("estimat") and _SPACE_DIGIT_RE.match(after):
            continue
        before = text[lo:m.start()]
        if _PASSIVE_BEFORE_RE.search(before):
            continue  # passive (`was reported`): a hedge
        boundary = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("“"),
                       before.rfind('"'), before.rfind("”"))
        if boundary != -1 and boundary < len(before) - 1:
            who_start = lo + boundary + 1
        else:
            who_start = lo
        cleaned = _clean_claimant(text, who_start, m.start())
        if cleaned is None:
            continue
        who, s, e = cleaned
        if is_unnamed(who) or not _LETTER_RE.search(who):
            continue
        if not (who[:1].isupper() or re.search(
            r"(?i)\b(?:side|ministry|officials?|government|authorities|command|spokes\w*|journalist\w*"
            r"|historian\w*|sources?|military|army|media|press|observers?|reporters?|witnesses)\b", who)):
            continue
        found.append(FoundAttribution(who, s, e, lo, hi, "said"))
    for m in _PER_RE.finditer(text, lo, hi):
        who = m.group("who").strip()
        if not is_unnamed(who):
            found.append(FoundAttribution(who, m.start("who"), m.start("who") + len(who), lo, hi, "per"))
    for m in _POSSESSIVE_RE.finditer(text, lo, hi):
        who = f"{m.group('who')}'s {m.group('what')}"
        found.append(FoundAttribution(who, m.start("who"), m.end(), lo, hi, "possessive"))
    found.sort(key=lambda f: f.start)
    return found


# Every hedge pattern starts with \b; checking it once up front rejects positions inside words
# without trying the seven alternatives (same matches).
_HEDGE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<h{i}>{p.pattern})" for i, (p, _) in enumerate(_HEDGE_PATTERNS)) + ")")
_HEDGE_KINDS = {f"h{i}": kind for i, (_, kind) in enumerate(_HEDGE_PATTERNS)}


def find_hedges(text: str, lo: int, hi: int) -> list[Hedge]:
    """Hedges in ``text[lo:hi]`` with their offsets (`Alleged:`, `reportedly`, `some sources`)."""
    hedges: list[Hedge] = []
    for m in _HEDGE_RE.finditer(text, lo, hi):
        kind = _HEDGE_KINDS[m.lastgroup]
        hedges.append(Hedge(kind=kind, text=m.group(0), start=m.start(), end=m.end()))
    return hedges


def find_blocks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """`Per Russian sources:` / `Western estimate:` labels in an infobox value: (label start,
    label end, claimant). Each governs the figures after it until the next label."""
    out = []
    for m in _BLOCK_RE.finditer(text[lo:hi]):
        who = (m.group("who") or m.group("label") or "").strip()
        if not who:
            continue
        if re.match(r"(?i)^(?:official|independent|other|total|unofficial)\s+(?:estimates?|figures?|data)$", who):
            # A heading (`Official estimates:`), not a claimant; a hedge at most.
            continue
        out.append((lo + m.start(), lo + m.end(), who))
    return out
