"""The words extraction and the audit read, kept as data in this folder's TOML files.

Each file documents its own tables; this module loads them once and hands out typed views
and compiled patterns. A new word is a one-line change in a data file: no code knows a word
list of its own. Files:

- ``numbers.toml``: number words, scales, fractions, counters, vague amounts;
- ``qualifiers.toml``: words that bound a figure (`about`, `more than`, `up to`, `or more`);
- ``nouns.toml``: what a figure counts (troops, civilians, deaths, tanks, villages...);
- ``predicates.toml``: what happened to it (killed, wounded, captured, destroyed, numbered...);
- ``cues.toml``: reporting cues (said, claimed, according to, `X claim:`);
- ``sources.toml``: heads of source noun phrases, unnamed sources, claimant classes;
- ``parties.toml``: demonyms, capitals and armed groups, folded to one party name;
- ``hedges.toml``: words that weaken a claim, by kind;
- ``page.toml``: page furniture that is never content (`Read also`, `Advertisement`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from attrs import frozen

__all__ = [
    "CueVerb",
    "Lexicon",
    "NounSense",
    "lexicon",
    "phrase_pattern",
    "trie_pattern",
]


def _load(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def phrase_pattern(phrases: Iterable[str], *, words: bool = True) -> str:
    """A regex matching any of ``phrases`` (longest first), white space matching any run of
    it, built as a trie (see ``trie_pattern``) so long word lists scan fast.

    ``words`` puts a word boundary on each side of a phrase that starts or ends with a word
    character (symbols such as `~` or `+` get none)."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for phrase in set(phrases):
        if not phrase:
            continue
        key = (words and phrase[:1].isalnum(), words and phrase[-1:].isalnum())
        groups.setdefault(key, []).append(phrase)
    parts = []
    for (left, right), group in sorted(groups.items()):
        body = trie_pattern(group)
        parts.append((r"(?<![\w\-])" if left else "") + f"(?:{body})" + (r"(?![\w\-])" if right else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def trie_pattern(words: Iterable[str], *, space: str = r"\s+") -> str:
    """A regex matching exactly ``words`` (lower case, white space matching any run of it, or
    ``space`` where a space is written), nested as a trie (`a(?:bout|ccording)`) so the engine
    rejects a position after a character or two instead of trying every word: word lists of
    hundreds scan at tens of MB/s."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            atom = space if ch == " " else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


@frozen
class NounSense:
    """What a head noun after a number says: a category (claims.model.Category value), the
    population it implies, and its group: `people` (the predicate decides what happened),
    `loss` (the noun is the predicate: `deaths`), `equipment`, `territory`, `units`."""

    category: str
    population: str
    group: str


@frozen
class CueVerb:
    """One form of a reporting verb and what it says about its content."""

    lemma: str
    type: str


class Lexicon:
    """Every word list, loaded from the data files, with the patterns built from them."""

    def __init__(self) -> None:
        numbers = _load("numbers.toml")
        self.ones: dict[str, int] = numbers["ones"]
        self.tens: dict[str, int] = numbers["tens"]
        self.scales: dict[str, int] = numbers["scales"]
        self.fractions: dict[str, float] = numbers["fractions"]
        self.counters: dict[str, int] = numbers["counters"]
        self.vague_plurals: dict[str, int] = numbers["vague_plurals"]
        self.vague_multipliers: dict[str, int] = numbers["vague_multipliers"]

        qualifiers = _load("qualifiers.toml")
        self.qualifiers_before: dict[str, list[str]] = {
            k: v for k, v in qualifiers["before"].items() if k != "range_openers"
        }
        self.range_openers: list[str] = qualifiers["before"]["range_openers"]
        self.qualifiers_after: dict[str, list[str]] = qualifiers["after"]

        nouns = _load("nouns.toml")
        self.nouns: dict[str, NounSense] = {}
        for name, table in nouns["people"].items():
            category = {"troops": "troops", "civilian": "people", "unknown": "people"}[name]
            for word in table["words"]:
                self.nouns.setdefault(word, NounSense(category, table["population"], "people"))
        for category, table in nouns["losses"].items():
            population = "civilian" if category == "displaced" else "unknown"
            for word in table["words"]:
                self.nouns.setdefault(word, NounSense(category, population, "loss"))
        #: Nouns that name equipment after a model designation (`MiG-29 fighters`).
        self.after_model: dict[str, NounSense] = {}
        for category, table in nouns["equipment"].items():
            for word in table["words"]:
                self.nouns.setdefault(word, NounSense(category, "military", "equipment"))
            for word in table.get("after_model", ()):
                self.after_model[word] = NounSense(category, "military", "equipment")
        for category, table in nouns["territory"].items():
            for word in table["words"]:
                self.nouns.setdefault(word, NounSense(category, "unknown", "territory"))
        for table in nouns["other"].values():
            for word in table["words"]:
                self.nouns.setdefault(word, NounSense("other", "military", "other"))
        for word in nouns["units"]["words"]:
            self.nouns.setdefault(word, NounSense("units", "military", "units"))
        self.not_figure_nouns: list[str] = nouns["not_figures"]["words"]
        self.everyone_nouns: frozenset[str] = frozenset(nouns["everyone"]["words"])
        #: Model designation prefix (`Su`, `T`, `BMP`) -> the equipment it names.
        self.model_prefixes: dict[str, NounSense] = {
            prefix: NounSense(category, "military", "equipment")
            for category, prefixes in nouns["models"].items() for prefix in prefixes
        }

        predicates = _load("predicates.toml")
        self.predicates_after: dict[str, str] = {}
        for category, table in predicates["after"].items():
            for word in table["words"]:
                self.predicates_after.setdefault(word, category)
        #: First words of the phrases of more than one word (`embraced` of `embraced martyrdom`).
        self.predicate_heads: frozenset[str] = frozenset(w.split()[0] for w in self.predicates_after if " " in w)
        self.predicates_before: dict[str, str] = {}
        for category, table in predicates["before"].items():
            for word in table["words"]:
                self.predicates_before.setdefault(word, category)
        self.agentive: frozenset[str] = frozenset(predicates["agentive"]["words"])
        self.own_movements: frozenset[str] = frozenset(predicates["own_movements"]["words"])
        self.civilian_movements: tuple[str, ...] = tuple(predicates["civilian_movements"]["words"])
        self.force_nouns: frozenset[str] = frozenset(predicates["force_nouns"]["words"])
        self.fielding: tuple[str, ...] = tuple(predicates["fielding"]["words"])
        subject = predicates["subject_nouns"]
        self.subject_links: list[str] = subject.pop("links")
        self.subject_nouns: dict[str, str] = {w: cat for cat, words in subject.items() for w in words}

        cues = _load("cues.toml")
        self.cue_verbs: dict[str, CueVerb] = {}
        for lemma, table in cues["verbs"].items():
            for form in table["forms"]:
                self.cue_verbs.setdefault(form, CueVerb(lemma, table["type"]))
        self.cue_prepositions: list[str] = cues["prepositions"]["forms"]
        #: Every verb that makes a quotation somebody's: reporting cues (but `put`, `gave`) and
        #: speech verbs that are no reporting cue for a figure (`ordered`, `recalled`).
        self.speech_verbs: frozenset[str] = frozenset(
            form for form, verb in self.cue_verbs.items() if verb.lemma != "put"
        ) | frozenset(cues["speech"]["forms"])
        self.source_suffixes: list[str] = cues["source_suffixes"]["forms"]
        self.relay: list[str] = cues["relay"]["forms"]
        self.contrast: list[str] = cues["contrast"]["forms"]

        sources = _load("sources.toml")
        self.source_heads: frozenset[str] = frozenset(sources["heads"])
        self.unnamed_modifiers: frozenset[str] = frozenset(sources["unnamed_modifiers"])
        self.description_words: frozenset[str] = frozenset(sources["description_words"])
        self.description_filler: frozenset[str] = frozenset(sources["description_filler"])
        self.unnamed_heads: frozenset[str] = frozenset(sources["unnamed_heads"])
        self.unnamed_indefinite_heads: frozenset[str] = frozenset(sources["unnamed_indefinite_heads"])
        self.person_heads: frozenset[str] = frozenset(sources["person_heads"])
        self.ranks: frozenset[str] = frozenset(sources["ranks"])
        self.pronouns: frozenset[str] = frozenset(sources["pronouns"])
        self.not_person_words: frozenset[str] = frozenset(sources["not_person_words"])
        self.claimant_classes: dict[str, list[str]] = sources["classes"]

        parties = _load("parties.toml")
        self.party_aliases: dict[str, str] = {}
        self.party_acronyms: dict[str, str] = {}
        #: Plural nouns for a people (`Ukrainians`, `Kurds`): a figure's head noun and its side.
        self.people_plurals: frozenset[str] = frozenset(
            name for party, names in parties["demonyms"].items() for name in names
            if name.endswith("s") and " " not in name and name.islower()
        )
        for table in (parties["demonyms"], parties["groups"]):
            for party, names in table.items():
                for name in names:
                    if name.isupper() or (name.replace(".", "").isupper() and "." in name):
                        self.party_acronyms.setdefault(name, party)
                    else:
                        self.party_aliases.setdefault(name.lower(), party)
                self.party_aliases.setdefault(party.lower(), party)
        #: First words of every party name (lower case), to skip words that start none.
        self.party_first_words: frozenset[str] = frozenset(
            a.split()[0] for a in self.party_aliases) | frozenset(a.lower().split()[0] for a in self.party_acronyms)
        self._party_cache: dict[str, str | None] = {}
        #: Coalition -> its member parties (`Axis` -> Germany, Italy, ...).
        self.coalition_members: dict[str, frozenset[str]] = {
            coalition: frozenset(members) for coalition, members in parties["coalition_members"].items()
        }
        #: Party -> the parties that stand for it when it is not a belligerent of the page.
        self.equivalents: dict[str, tuple[str, ...]] = {}
        for group in parties["equivalents"]["groups"]:
            for party in group:
                self.equivalents[party] = tuple(p for p in group if p != party)
        #: Name -> (the party it names, the parties it names it against): `Union` in the Civil War.
        self.wartime_names: dict[str, tuple[str, frozenset[str]]] = {
            name: (entry["party"], frozenset(entry["against"])) for name, entry in parties["wartime_names"].items()
        }
        self.enemy_words: frozenset[str] = frozenset(parties["relative"]["enemy"])
        self.own_words: frozenset[str] = frozenset(parties["relative"]["own"])
        self.government_words: frozenset[str] = frozenset(parties["relative"]["government"])
        self.hostile_labels: frozenset[str] = frozenset(parties["relative"]["hostile_labels"])
        self.pejoratives: frozenset[str] = frozenset(parties["relative"]["pejoratives"])
        self.insurgent_labels: frozenset[str] = frozenset(parties["relative"]["insurgent_labels"])
        self.state_forces: frozenset[str] = frozenset(parties["relative"]["state_forces"])
        #: Parties that are states (the `demonyms` table), as against armed groups.
        self.states: frozenset[str] = frozenset(parties["demonyms"]) - frozenset(parties["relative"]["not_states"])

        self.hedges: dict[str, list[str]] = _load("hedges.toml")
        page = _load("page.toml")
        self.noise_lines: list[str] = page["noise_line_starts"]
        self.noise_exact: frozenset[str] = frozenset(w.lower() for w in page["noise_lines"])

    def table_measure(self, header: str) -> tuple[str, bool] | None:
        """(category, counts equipment) for a table's header that says what its numbers count
        (`Killed`, `KIA`, `Prisoners`, `Tanks`, `Aircraft lost`), or None (`Men`, `Year`)."""
        key = " ".join(re.sub(r"\[[^\]\n]{1,12}\]", " ", header).lower().split())
        # (then any word that is a loss: `Civilians killed`, `Newly displaced individuals`)
        for candidate in (key, key.rstrip("s"), key.split(" ")[0] if key else "", *key.split(" ")[1:]):
            if candidate in self.subject_nouns:
                return self.subject_nouns[candidate], False
            sense = self.nouns.get(candidate)
            if sense is not None and sense.group in ("loss", "equipment"):
                return sense.category, sense.group == "equipment"
        return None

    def party_of(self, mention: str) -> str | None:
        """The party a mention names (`Ukrainian`, `Kyiv`, `ISIS`, `Islamic State's`), or None."""
        cached = self._party_cache.get(mention, "")
        if cached != "":
            return cached
        found = self._party_of(mention)
        if len(self._party_cache) < 50_000:
            self._party_cache[mention] = found
        return found

    def _party_of(self, mention: str) -> str | None:
        if mention in self.party_acronyms:
            return self.party_acronyms[mention]
        if mention + "." in self.party_acronyms:
            return self.party_acronyms[mention + "."]
        key = re.sub(r"\s+", " ", mention.strip().lower())
        key = re.sub(r"['’]s$", "", key)
        hit = self.party_aliases.get(key)
        if hit is None and key.endswith("es"):
            hit = self.party_aliases.get(key[:-2])
        if hit is None and key.endswith("s"):
            hit = self.party_aliases.get(key[:-1])
        return hit


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return Lexicon()
