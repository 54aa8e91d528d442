"""The audit rules: stable codes, slugs, default severities, what each flags and how to fix it.

Codes never change meaning and are never reused; a retired rule keeps its code. The checks
themselves live in ``claims.audit.checks``; this module is the catalogue that config, the
renderers (SARIF ``tool.driver.rules``) and ``claims audit --list-rules`` read.
"""

from __future__ import annotations

from enum import Enum

from attrs import frozen


class Level(str, Enum):
    """How serious a finding is. Only errors fail a run by default (``--fail-on``)."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "suggestion": 1}[self.value]

    def at_least(self, other: Level) -> bool:
        return self.rank >= other.rank


@frozen
class Rule:
    code: str
    slug: str
    severity: Level
    summary: str
    """One line: what the rule flags."""
    explanation: str
    """One paragraph: why it matters to a reader and what counts as a finding."""
    fix: str
    """What the editor should do, naming the Wikipedia inline tag where one fits."""


def _para(text: str) -> str:
    return " ".join(text.split())


RULES: tuple[Rule, ...] = (
    Rule(
        code="CT001",
        slug="unattributed-figure",
        severity=Level.ERROR,
        summary="A casualty, strength, equipment or displacement figure with no claimant and no citation.",
        explanation=_para("""
            Figures are the most contested statements in a war article, and every side publishes
            its own. A figure that names nobody and cites nothing reads as established fact and
            cannot be checked. A claimant in the sentence (`according to the Azerbaijani side`),
            a footnote marker (`[12]`), a `<ref>` or a citation template, or a Markdown footnote
            or link in the same sentence or infobox field counts as a source. One finding covers
            all the figures of one sentence or field.
        """),
        fix=_para("""
            Say who gives the figure ("according to ...") and cite that source. Until you can,
            mark it {{Citation needed}}, or {{According to whom}} if a source is cited but the
            claimant is not named.
        """),
    ),
    Rule(
        code="CT002",
        slug="belligerent-claim-as-fact",
        severity=Level.ERROR,
        summary="A belligerent's claim about enemy losses stated in the document's own voice.",
        explanation=_para("""
            A sentence in which one side kills, destroys, shoots down or captures a number of the
            other's soldiers or equipment (`Armenian forces killed 300 Azerbaijani soldiers`,
            `40 tanks were destroyed by Azerbaijani forces`) almost always repeats that side's
            own communiqué. Stated without a claimant or a citation, a belligerent's claim
            becomes the article's claim. Sentences with a claimant or a speech verb
            (`the ministry said`) or a citation are not flagged.
        """),
        fix=_para("""
            Attribute the figure to the side that gives it ("the Armenian side said its forces
            killed ..."), and give the other side's figure if there is one; otherwise tag it
            {{According to whom}}.
        """),
    ),
    Rule(
        code="CT003",
        slug="unnamed-source",
        severity=Level.WARNING,
        summary="An unnamed source: `some sources say`, `it is believed`, `reportedly`, `according to reports`, `officials said`.",
        explanation=_para("""
            Weasel wording gives a statement the weight of a source without saying which one, so
            a reader cannot judge it and a reviewer cannot check it. Phrases that name the source
            straight after (`according to reports by Human Rights Watch`) are not flagged, nor
            are these phrases inside quotations. A reporting verb whose source is nobody in
            particular (`local officials put the toll at`, `officials said`) is flagged unless
            the sentence cites a source; a hedge (`reportedly`, `is believed to`) in a sentence
            that names its source (`according to Reuters, he is believed to ...`) is the
            source's, not a weasel, and is not flagged.
        """),
        fix=_para("""
            Name the source ("according to Human Rights Watch ...") and cite it, or tag the
            phrase {{Who}} (for `some sources`) or {{By whom}} (for `it is believed`).
        """),
    ),
    Rule(
        code="CT004",
        slug="unattributed-quotation",
        severity=Level.ERROR,
        summary="A quotation of four or more words with no speaker in its sentence.",
        explanation=_para("""
            A quotation with no speaker makes the reader guess whose words these are, and in a
            war article the speaker's side changes what the words mean. The quotation's sentence
            (and the sentence before, when it ends with a colon) is searched for a speaker: a
            speech verb (`said`, `wrote`, `stated`, `according to`, ...) or a dash attribution
            after the quotation. Short quoted names and scare quotes (under four words) and
            quoted titles (`his book "..."`) are not flagged. A citation alone is not enough:
            the speaker belongs in the text.
        """),
        fix=_para("""
            Name the speaker in the sentence ("Thomas de Waal wrote that ..."), or tag the
            quotation {{According to whom}}.
        """),
    ),
    Rule(
        code="CT005",
        slug="unattributed-superlative",
        severity=Level.WARNING,
        summary="An evaluative superlative or loaded word (`deadliest`, `decisive`, `heroic`) with no attribution.",
        explanation=_para("""
            `The single deadliest engagement of the war`, `a decisive victory`, `heroic
            defenders` are judgements. In the document's own voice they take a side or overstate
            the evidence. Measurable superlatives (`deadliest`, `bloodiest`, `largest ...
            offensive`) pass with a citation; loaded words (`heroic`, `decisive`, `brutal`,
            `unprecedented`) need the judge named in the text. Words inside quotations, and
            sentences with a claimant (`according to ...`, `X called it ...`), are not flagged.
        """),
        fix=_para("""
            Attribute the judgement ("according to historian ..., the deadliest ...") and cite
            it, or rephrase neutrally with the figures; otherwise tag it {{According to whom}}
            (or {{Peacock term}} for praise).
        """),
    ),
    Rule(
        code="CT006",
        slug="undisclosed-conflict",
        severity=Level.WARNING,
        summary="A figure that other claims contradict, stated without mentioning the disagreement.",
        explanation=_para("""
            The reconciler (over the audited documents and any --source documents) or the store
            (--db) knows of a conflict this figure is part of: another claim that cannot also be
            true. Stating one figure alone hides the disagreement. The sentence passes when it
            mentions it (`disputed`, `estimates vary`, `other sources`, `contested`,
            `{{Disputed inline}}`) or gives a second figure of the same kind. Conflicts a
            reviewer resolved or marked not-a-conflict in the store are ignored.
        """),
        fix=_para("""
            Give the competing figures with their claimants ("Azerbaijan put its losses at ...;
            Armenian sources at ..."), or say that the figure is disputed and tag it
            {{Disputed inline}}.
        """),
    ),
    Rule(
        code="CT007",
        slug="reviewer-disputed-claim",
        severity=Level.ERROR,
        summary="A claim a reviewer marked disputed or rejected in the store, still stated as fact.",
        explanation=_para("""
            With --db, the store's current verdicts are matched to the draft's claims by claim id
            or, when the text moved, by document, kind and quote. A claim whose latest verdict is
            `disputed` or `rejected` is flagged when the draft states it with no claimant, no
            hedge and no mention of the disagreement: the reviewer's finding has not reached the
            text.
        """),
        fix=_para("""
            Follow the reviewer's note: remove a rejected claim, or attribute a disputed one and
            tag it {{Disputed inline}}. If the verdict is out of date, record a new verdict in
            the store.
        """),
    ),
    Rule(
        code="CT008",
        slug="dropped-hedge",
        severity=Level.ERROR,
        summary="A figure the source hedges (`reportedly`, `Alleged:`, `is believed`) stated plainly in the draft.",
        explanation=_para("""
            With --source, every figure in the draft is compared with the source documents' figures
            (same kind, category and bounds). When the source hedges the figure and the draft
            states the same figure with no hedge and no claimant, the draft claims more certainty
            than its source.
        """),
        fix=_para("""
            Keep the source's hedge ("reportedly ...") or, better, name who reported it. If you
            have a firmer source for the figure, cite it.
        """),
    ),
    Rule(
        code="CT009",
        slug="inherited-attribution",
        severity=Level.SUGGESTION,
        summary="A sentence that carries a belligerent's claim only through an earlier sentence's attribution.",
        explanation=_para("""
            `According to the Azerbaijani side, on April 16, ...` may govern the sentences that
            follow it, but a reader who starts at the next sentence reads it as fact. The
            extractor marks such claims as inheriting their claimant; when the claimant is a
            belligerent, the sentence is flagged once.
        """),
        fix=_para("""
            Repeat the attribution in the sentence ("the same source says that the next day
            ...") or merge the sentences, so the claimant is visible where the claim is.
        """),
    ),
    Rule(
        code="CT010",
        slug="dropped-attribution",
        severity=Level.ERROR,
        summary="A figure the source attributes to a claimant, stated in the draft with no claimant.",
        explanation=_para("""
            With --source, a figure that the source document attributes (`according to the
            Azerbaijani side, 600 killed`) and the draft states without any claimant has lost its
            attribution on the way: the draft turns one side's claim into the article's.
        """),
        fix=_para("""
            Restore the claimant from the source ("according to ..."), and cite the source.
        """),
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
RULES_BY_SLUG: dict[str, Rule] = {rule.slug: rule for rule in RULES}


def explain_markdown(rule: Rule) -> str:
    """One rule as a Markdown section (`claims audit --explain`, SARIF ``help.markdown``,
    ``docs/audit-rules.md``); the anchor of its heading is the code in lower case."""
    return (
        f"## {rule.code}\n\n`{rule.slug}` · default severity **{rule.severity.value}**\n\n"
        f"{rule.summary}\n\n{rule.explanation}\n\n**What to do:** {rule.fix}\n"
    )


def select_rules(names: list[str]) -> set[str]:
    """Rule codes named by codes, slugs or code prefixes (`CT00`, as ruff's `--select E4`);
    raises ValueError naming the unknown one."""
    codes: set[str] = set()
    for name in names:
        rule = find_rule(name)
        if rule is not None:
            codes.add(rule.code)
            continue
        prefix = name.strip().upper()
        matching = {r.code for r in RULES if r.code.startswith(prefix)} if prefix else set()
        if not matching:
            raise ValueError(f"unknown rule {name!r}; rules are " + ", ".join(r.code for r in RULES))
        codes |= matching
    return codes


def find_rule(name: str) -> Rule | None:
    """A rule by code (`CT001`, case-insensitive) or slug (`unattributed-figure`)."""
    return RULES_BY_CODE.get(name.strip().upper()) or RULES_BY_SLUG.get(name.strip().lower())
