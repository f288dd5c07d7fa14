"""MALL FÖR ATT KARTLÄGGA FÖR MÄNNISKOHANDEL OCH PROSTITUTION – one actor's picture.

Six categories of two indicators, each rated 1 (aldrig) – 5 (mycket ofta). The
handbook's "GENOMSNITT = lägg ihop siffrorna och dela på 2" is the category mean.
An unanswered indicator is not a zero: the mean is of what was answered, and the
category is marked ``partial``; a category with nothing answered has mean ``None``.

In the group's view, respondents (often from different industries) rating an indicator
differently is what the mapping is for, not a disagreement to settle: ``differing``
lists where the answers are 2 or more apart, to see where the picture varies.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from scoring.common import ItemStats, Rated, Result, summarize_items

#: Category id (= the form's section id) → its indicator item ids, in the handbook's order.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "generell": ("generell_1", "generell_2"),
    "sexuell": ("sexuell_1", "sexuell_2"),
    "tiggeri": ("tiggeri_1", "tiggeri_2"),
    "arbete": ("arbete_1", "arbete_2"),
    "kriminell": ("kriminell_1", "kriminell_2"),
    "hushall": ("hushall_1", "hushall_2"),
}
SCALE = (1, 2, 3, 4, 5)


def _mean(values: Sequence[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


class CategoryScore(Result):
    id: str
    #: Mean of the answered indicators; ``None`` when none was answered (not 0).
    mean: float | None
    answered: int
    of: int
    #: Some but not all indicators answered: the mean rests on fewer ratings.
    partial: bool


class KartlaggningResult(Result):
    form_id: str = "kartlaggning"
    actor: str | None
    industry: str | None
    category_means: dict[str, float | None]
    categories: list[CategoryScore]
    answered: int
    indicators: int
    complete: bool
    #: Mean of the category means that exist (each category weighs the same).
    overall_mean: float | None
    #: Categories with a mean, highest first (ties keep the handbook's order).
    ranking: list[str]
    partial_categories: list[str]
    #: Something was noted under begging's separate risk factors (disability, minors).
    risk_factors_noted: bool


def score_category(category: str, answers: dict) -> CategoryScore:
    items = CATEGORIES[category]
    values = [answers[i] for i in items if answers.get(i) is not None]
    return CategoryScore(
        id=category,
        mean=_mean(values),
        answered=len(values),
        of=len(items),
        partial=0 < len(values) < len(items),
    )


def score(form, answers: dict) -> KartlaggningResult:
    categories = [score_category(c, answers) for c in CATEGORIES]
    means = {c.id: c.mean for c in categories}
    present = [(c.id, c.mean) for c in categories if c.mean is not None]
    answered = sum(c.answered for c in categories)
    indicators = sum(c.of for c in categories)
    industry = answers.get("bransch")
    return KartlaggningResult(
        actor=answers.get("aktor"),
        industry=industry if isinstance(industry, str) else None,
        category_means=means,
        categories=categories,
        answered=answered,
        indicators=indicators,
        complete=answered == indicators,
        overall_mean=_mean([mean for _id, mean in present]),
        ranking=[id_ for id_, _mean_ in sorted(present, key=lambda c: -c[1])],
        partial_categories=[c.id for c in categories if c.partial],
        risk_factors_noted=bool((answers.get("tiggeri_riskfaktorer") or "").strip()),
    )


class KartlaggningMember(Result):
    respondent: str
    actor: str | None
    industry: str | None
    category_means: dict[str, float | None]
    complete: bool


class CategoryGroup(Result):
    id: str
    #: Mean over the respondents' category means; ``None`` if nobody rated the category.
    mean: float | None
    #: Respondents with a mean for this category.
    n: int
    min: float | None
    max: float | None


class IndicatorDistribution(Result):
    id: str
    category: str
    #: How many respondents gave each value, "1" … "5" (every value present, 0 if none).
    counts: dict[str, int]
    n: int


class KartlaggningGroup(Result):
    form_id: str = "kartlaggning"
    respondents: int
    members: list[KartlaggningMember]
    category_means: dict[str, float | None]
    categories: list[CategoryGroup]
    indicators: list[IndicatorDistribution]
    #: Industry → category → mean over that industry's respondents (for the city
    #: heatmap). Respondents without an industry are left out of this map only.
    industry_means: dict[str, dict[str, float | None]]
    items: list[ItemStats]
    #: Indicators where the answers are 2 points or more apart: where the picture varies
    #: between respondents (different industries see different things), not a dispute.
    differing: list[str]
    #: Category → how many respondents' averages rest on one of its two indicators.
    partial_counts: dict[str, int]


def _distribution(category: str, item_id: str, responses: Sequence[Rated]) -> IndicatorDistribution:
    values = [r.answers.get(item_id) for r in responses]
    values = [v for v in values if v is not None]
    return IndicatorDistribution(
        id=item_id,
        category=category,
        counts={str(k): sum(1 for v in values if v == k) for k in SCALE},
        n=len(values),
    )


def _category_group(category: str, members: Sequence[KartlaggningMember]) -> CategoryGroup:
    means = [mean for m in members if (mean := m.category_means[category]) is not None]
    return CategoryGroup(
        id=category,
        mean=_mean(means),
        n=len(means),
        min=min(means) if means else None,
        max=max(means) if means else None,
    )


def summarize(form, responses: Sequence[Rated]) -> KartlaggningGroup:
    members = []
    for response in responses:
        result = score(form, response.answers)
        members.append(
            KartlaggningMember(
                respondent=response.respondent,
                actor=result.actor,
                industry=result.industry,
                category_means=result.category_means,
                complete=result.complete,
            )
        )
    categories = [_category_group(c, members) for c in CATEGORIES]
    industries: dict[str, list[KartlaggningMember]] = {}
    for member in members:
        if member.industry:
            industries.setdefault(member.industry, []).append(member)
    items = summarize_items(form, responses)
    return KartlaggningGroup(
        respondents=len(members),
        members=members,
        category_means={c.id: c.mean for c in categories},
        categories=categories,
        indicators=[_distribution(c, i, responses) for c, ids in CATEGORIES.items() for i in ids],
        industry_means={
            industry: {c: _category_group(c, group).mean for c in CATEGORIES}
            for industry, group in industries.items()
        },
        items=items,
        differing=[s.id for s in items if s.disagree],
        partial_counts={
            c: sum(1 for r in responses if score_category(c, r.answers).partial) for c in CATEGORIES
        },
    )
