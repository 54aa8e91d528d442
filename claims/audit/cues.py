"""Word lists and patterns the text rules look for. Extend the evaluative list in config."""

from __future__ import annotations

import re

UNNAMED_SOURCE_PATTERNS: tuple[str, ...] = (
    r"\b(?:some|many|several|various|other|unnamed|unconfirmed|anonymous)\s+"
    r"(?:sources|reports|observers|analysts|experts|historians|accounts|commentators|critics|witnesses)\b",
    r"(?:^|(?<=[.;:,(]\s))sources\s+(?:say|said|claim|claimed|report|reported|suggest|suggested|indicate|indicated)\b",
    r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+|often\s+)?"
    r"(?:believed|said|claimed|reported|alleged|thought|rumou?red|suggested|estimated|argued|understood|assumed)\b",
    r"\b(?:is|are|was|were)\s+(?:widely\s+|generally\s+|commonly\s+)?(?:said|believed|thought|rumou?red|reported|claimed|alleged)\s+to\b",
    r"\b(?:widely|generally|commonly)\s+(?:believed|regarded|considered|reported|thought|accepted)\b",
    r"\b(?:many|some|others)\s+(?:believe|say|claim|argue|suggest|consider|maintain)\b",
    r"\baccording\s+to\s+(?:some\s+|many\s+|several\s+|unnamed\s+|unconfirmed\s+|various\s+|other\s+|"
    r"media\s+|press\s+|local\s+|anonymous\s+|unofficial\s+)*"
    r"(?:reports|sources|estimates|accounts|observers|witnesses|eyewitnesses|officials|experts|analysts|some|many|others|rumou?rs)\b",
    r"\breportedly\b",
    r"\ballegedly\b",
    r"\bpurportedly\b",
    r"\bsupposedly\b",
)
"""Phrases that give a statement a source without naming it (Wikipedia's weasel words)."""

NAMED_AFTER = re.compile(r"\s*,?\s+(?:by|from|of|in)\s+(?:the\s+)?(?:[A-Z]|de\s|al-)")
"""`according to reports by Human Rights Watch`: the source is named straight after."""

ADVERB_HEDGES = ("reportedly", "allegedly", "purportedly", "supposedly")

MEASURABLE_SUPERLATIVES: tuple[str, ...] = (
    "deadliest", "bloodiest", "costliest", "fiercest", "most intense", "most violent",
    "most devastating", "most destructive", "most lethal", "most successful",
    "most significant", "most important", "worst", "heaviest losses",
)
"""Superlatives a source can support: a citation or a named claimant is enough."""

SIZE_SUPERLATIVES: tuple[str, ...] = ("largest", "biggest", "greatest", "longest", "heaviest", "largest-scale")
"""Flagged only before a military noun (`the largest offensive`, not `the largest city`)."""

MILITARY_NOUNS = (
    r"battles?|offensives?|operations?|engagements?|attacks?|assaults?|massacres?|defeats?|victory|victories|"
    r"loss|losses|casualties|military|war|wars|conflict|campaigns?|armies|army|forces?|bombardments?|"
    r"sieges?|counter-?offensives?|clashes|fighting|tank\s+battles?|air\s+raids?|exodus|displacement|"
    r"atrocity|atrocities|killings?|tragedy|tragedies|disaster"
)

EVALUATIVE_WORDS: tuple[str, ...] = (
    "heroic", "heroically", "heroism", "most brutal", "brutally", "barbaric", "barbarous",
    "savage", "savagely", "atrocious", "cowardly", "treacherous", "treacherously", "glorious",
    "gloriously", "legendary", "brilliant", "brilliantly", "masterful", "masterfully",
    "unprecedented", "decisive", "decisively", "crushing", "humiliating", "shameful",
    "notorious", "infamous", "valiant", "valiantly", "courageous", "courageously", "fearless",
    "turning point", "war crime", "genocidal", "terrorist",
)
"""Loaded words: a judgement the text must attribute; a citation alone is not enough."""

DISAGREEMENT = re.compile(
    r"\b(?:disputed|disputes?|contested|contests?|conflicting|contradict\w*|unverified|unconfirmed|"
    r"estimates?\s+(?:vary|varies|range|ranges|differ|differs)|(?:sources|accounts|figures|reports)\s+(?:vary|differ|disagree|conflict)|"
    r"other\s+(?:sources|estimates|accounts|figures|reports)|(?:higher|lower|different|competing|rival)\s+(?:figures?|estimates?|counts?)|"
    r"cannot\s+be\s+(?:independently\s+)?verified|not\s+(?:been\s+)?independently\s+verified|"
    r"whereas|while\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:puts?|gives?|cites?|estimates?|claims?|reports?))\b",
    re.I,
)
"""Words that tell the reader a figure is contested."""

STRONG_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|alleged|unconfirmed|unverified|"
    r"(?:is|are|was|were)\s+(?:widely\s+)?(?:believed|thought|said|claimed|reported|rumou?red)|"
    r"it\s+is\s+(?:believed|thought|said|claimed|reported|estimated)|possibly|perhaps|may\s+have)\b|Alleged\s*:",
    re.I,
)
"""Hedges that doubt a figure (not mere approximation such as `about`)."""

BELLIGERENT_AGENT = re.compile(
    r"\b(?:the\s+)?(?P<agent>(?:[A-Z][\w'’-]+\s+){1,3}(?:armed\s+forces|forces|troops|army|soldiers|units|side|"
    r"military|artillery|aviation|air\s+force|formations|fighters|militias?|rebels|separatists|servicemen|"
    r"battalions?|brigades?|regiments?|divisions?|snipers|drones))\b"
)
KILL_VERB = (
    r"(?:killed|destroyed|shot\s+down|downed|captured|eliminated|neutrali[sz]ed|wiped\s+out|annihilated|"
    r"took\s+(?:\w+\s+)?prisoners?|disabled|knocked\s+out|liquidated|slaughtered|massacred)"
)
TARGET_NOUN = (
    r"(?:soldiers|servicemen|troops|men|fighters|militants|personnel|enemy|tanks?|vehicles|aircraft|planes|"
    r"helicopters|drones|guns|howitzers|artillery|pieces|prisoners|armou?red|APCs|IFVs|BMPs|people|"
    r"civilians|conscripts|officers|positions|militiamen|volunteers|mercenaries|terrorists|saboteurs)"
)

TITLE_CUE = re.compile(
    r"\b(?:book|books|article|film|movie|titled|entitled|named|called|headline|song|poem|"
    r"documentary|paper|essay|slogan|motto|code-?named|novel|album|report|series|study)\W*$",
    re.I,
)
