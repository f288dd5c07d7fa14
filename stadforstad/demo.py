"""A demo county: about ten made-up municipalities with plausible, varied answers over
two rounds, so a new user sees the comparison working at once.

Every demo workspace is named "Demo: …" and marked ``is_demo``; ``remove_demo`` deletes
exactly those, in one step. Answers are generated from the form definitions, so every
scored form in the registry gets demo data, including forms added later. Sensitive
forms (special categories of personal data) are never filled with made-up people.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from stadforstad.answers import check_answers
from stadforstad.catalog import list_forms
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.tables import utcnow

PREFIX = "Demo: "
#: The one who fills in the workshop notes on the core group's behalf.
CORE_GROUP = "Kärngruppen (demo)"


@dataclass(frozen=True)
class Profile:
    """How far a made-up municipality has come: its readiness level (1–5), the items it
    is weak on, the furthest step it has reached, how many answer, and whether it has
    measured a second round."""

    name: str
    level: float
    weak: tuple[str, ...]
    step: int
    respondents: int
    second_round: bool = True


#: Three lack political will, one lacks time and resources (the issue's picture);
#: one has a single respondent, to show how a mean from one answer is marked.
PROFILES = (
    Profile("Norrvik", 3.6, ("politisk_vilja",), 7, 6),
    Profile("Sjöstad", 2.4, ("politisk_vilja", "hallbarhet"), 3, 5),
    Profile("Ekbacka", 4.2, (), 7, 8),
    Profile("Lindås", 3.0, ("politisk_vilja",), 5, 4),
    Profile("Bergholm", 3.4, ("tid_resurser",), 6, 7),
    Profile("Åkerby", 2.0, (), 2, 3, second_round=False),
    Profile("Strandhamn", 4.6, (), 7, 5),
    Profile("Granlunda", 2.8, ("organisatorisk_vilja",), 4, 6),
    Profile("Mossby", 3.8, (), 6, 1),
    Profile("Västerå", 3.2, ("deltagarnas_vilja",), 5, 4, second_round=False),
)

ACTORS = (
    "Polisen",
    "Socialtjänsten",
    "Migrationsverket",
    "Skolan",
    "Frälsningsarmén",
    "Region – hälso- och sjukvården",
    "Kvinnojouren",
    "Arbetsförmedlingen",
    "Hotell och restaurang",
    "Skatteverket",
    "Kriminalvården",
    "Fritidsgårdarna",
)
PEOPLE = (
    "Anna Berg",
    "Karim Said",
    "Lena Holm",
    "Mikael Ek",
    "Sara Lind",
    "Johan Nyberg",
    "Fatima Ali",
    "Erik Sandberg",
    "Maria Öberg",
    "Olof Strand",
)
PHRASES = (
    "Vi behöver mer kunskap om läget i kommunen.",
    "Polisen och socialtjänsten träffas redan regelbundet.",
    "Det saknas en tydlig samordnare.",
    "Vi vill börja med en gemensam utbildningsdag.",
    "Frågan har stöd i ledningen men lite tid avsatt.",
)


def _round_dates(now: dt.datetime) -> dict[int, dt.datetime]:
    # Round 1 a year ago, round 2 last month: the handbook's "12–18 months" between.
    return {1: now - dt.timedelta(days=380), 2: now - dt.timedelta(days=20)}


class _Generator:
    """Answers for one respondent, from the form definition."""

    def __init__(self, rng: random.Random, level: float, weak: tuple[str, ...]):
        self.rng, self.level, self.weak = rng, level, weak

    def rating(self, low: int, high: int, item_id: str = "") -> int:
        # ``level`` is on 1–5; map it to the item's own range, then scatter.
        centre = low + (self.level - 1) / 4 * (high - low)
        if item_id in self.weak:
            centre -= 1.8
        return max(low, min(high, round(self.rng.gauss(centre, 0.8))))

    def wished(self, today: int, values: list) -> object:
        """Wished for is today or higher: one to two steps up, within the scale."""
        index = values.index(today) if today in values else 0
        return values[min(len(values) - 1, index + self.rng.choice((0, 1, 1, 2)))]

    def text(self, max_length: int) -> str:
        return self.rng.choice(PHRASES)[:max_length]

    def answers(self, form: Form) -> dict:
        answers: dict = {}
        for item in form.answerable():
            kind = item.kind
            if kind == "scale":
                answers[item.id] = self.rating(item.min, item.max, item.id)
            elif kind == "level":
                values = [level.value for level in item.levels]
                today = answers.get(item.id.replace("onskad", "idag"))
                answers[item.id] = (
                    self.wished(today, values)
                    if item.id.endswith("onskad") and today is not None
                    else values[self.rating(1, len(values), item.id) - 1]
                )
            elif kind == "yes_no":
                answers[item.id] = self.rng.random() < 0.25 + self.level / 7
            elif kind == "choice":
                values = [o.value for o in item.options]
                answers[item.id] = (
                    self.rng.sample(values, min(2, len(values)))
                    if item.multiple
                    else self.rng.choice(values)
                )
            elif kind == "checklist":
                values = [o.value for o in item.options]
                answers[item.id] = [v for v in values if self.rng.random() < self.level / 5]
            elif kind == "text":
                answers[item.id] = self.text(item.max_length)
            elif kind == "number":
                low = item.min if item.min is not None else 0
                high = item.max if item.max is not None else low + 100
                answers[item.id] = self.rng.randint(int(low), int(min(high, low + 20)))
            elif kind == "date":
                answers[item.id] = (
                    dt.date.today() + dt.timedelta(days=self.rng.randint(10, 200))
                ).isoformat()
            elif kind == "table":
                answers[item.id] = self.table(item)
        return answers

    def table(self, item) -> list[dict]:
        most = item.max_rows or 8
        count = max(item.min_rows, min(most, self.rng.randint(3, 7)))
        first_text = next((c.id for c in item.columns if c.kind == "text"), None)
        pool = ACTORS if first_text and "aktor" in first_text else PEOPLE
        names = self.rng.sample(pool, min(count, len(pool)))
        rows = []
        for name in names:
            row: dict = {}
            for column in item.columns:
                row[column.id] = self.cell(column, row, name if column.id == first_text else None)
            rows.append(row)
        return rows

    def cell(self, column, row: dict, name: str | None):
        kind = column.kind
        if name is not None:
            return name
        if kind == "text":
            return self.text(column.max_length)
        if kind == "scale":
            return self.rating(int(column.min), int(column.max), column.id)
        if kind == "number":
            low = int(column.min if column.min is not None else 0)
            return self.rng.randint(low, int(column.max if column.max is not None else low + 10))
        if kind == "yes_no":
            return self.rng.random() < 0.3 + self.level / 8
        if kind == "date":
            return (dt.date.today() + dt.timedelta(days=self.rng.randint(10, 300))).isoformat()
        values = [o.value for o in column.options]
        if kind == "checklist":
            return [v for v in values if self.rng.random() < 0.4] or [values[0]]
        # Ordered choices (levels of collaboration): today from the level, wished higher.
        today = row.get(column.id.replace("onskad", "idag").replace("initialt", "idag"))
        if today is not None and today in values and column.id.endswith(("onskad", "initialt")):
            return self.wished(today, values)
        return values[self.rating(1, len(values), column.id) - 1]


def demo_forms() -> tuple[list[Form], list[Form]]:
    """The scored forms (every one in the registry) and the workshop notes of steps 0–7
    that demo municipalities fill in as they progress; sensitive forms are left out."""
    forms = [f for f in list_forms() if not f.sensitive]
    scored = [f for f in forms if INSTRUMENTS[f.id].scored]
    notes = [f for f in forms if f.scoring is None and f.step is not None]
    return scored, notes


def create_demo(
    store: Store, *, actor: Actor, seed: int = 2023, now: dt.datetime | None = None
) -> list[int]:
    """Create the demo county; returns the new workspace ids. An earlier demo county is
    removed first, so running it twice gives one demo county, not two."""
    remove_demo(store, actor=actor)
    rng = random.Random(seed)
    dates = _round_dates(now or utcnow())
    scored, notes = demo_forms()
    created = []
    for profile in PROFILES:
        workspace = store.create_workspace(actor=actor, name=PREFIX + profile.name, is_demo=True)
        created.append(workspace.id)
        people = [f"Deltagare {n}" for n in range(1, profile.respondents + 1)]
        for form in scored:
            if form.step is not None and form.step > profile.step:
                continue  # not there yet
            rounds = (1, 2) if profile.second_round else (1,)
            for round_no in rounds:
                # A year's work shows: the second round is somewhat more ready, and the
                # weak items are no longer quite as weak.
                level = min(5.0, profile.level + (0.6 if round_no == 2 else 0.0))
                weak = profile.weak if round_no == 1 else profile.weak[:1]
                if form.owner == "group":  # one shared answer, the plan's
                    answers = _valid(form, _Generator(rng, level, weak).answers(form))
                    _submit_shared(store, actor, workspace.id, form, answers, round_no)
                    continue
                rows = [
                    (person, _valid(form, _Generator(rng, level, weak).answers(form)))
                    for person in people
                ]
                store.submit_many(
                    actor=actor,
                    workspace_id=workspace.id,
                    form=form,
                    rows=rows,
                    round=round_no,
                    saved_at=dates[round_no] + dt.timedelta(hours=rng.randint(0, 240)),
                )
        for form in notes:
            # Workshop notes are sometimes skipped, as in real work: the grid has holes.
            if form.step is not None and form.step <= profile.step and rng.random() > 0.15:
                answers = _valid(form, _Generator(rng, profile.level, ()).answers(form))
                if form.owner == "group":
                    _submit_shared(store, actor, workspace.id, form, answers, 1)
                    continue
                store.submit_many(
                    actor=actor,
                    workspace_id=workspace.id,
                    form=form,
                    rows=[(CORE_GROUP, answers)],
                    round=1,
                    saved_at=dates[1] + dt.timedelta(days=20 * form.step),
                )
    return created


def _submit_shared(
    store: Store, actor: Actor, workspace_id: int, form: Form, answers: dict, round_no: int
) -> None:
    """A form the whole group writes (``owner: group``): its one shared answer."""
    group = store.group_respondent(actor=actor, workspace_id=workspace_id)
    assert group is not None  # made for a writer
    store.submit(
        actor=actor,
        workspace_id=workspace_id,
        respondent_id=group.id,
        form=form,
        answers=answers,
        round=round_no,
    )


def _valid(form: Form, answers: dict) -> dict:
    # Generated answers go through the same check as typed ones; a form that the
    # generator cannot fill is a bug here, and says so at once.
    return check_answers(form, answers)


def remove_demo(store: Store, *, actor: Actor) -> int:
    """Delete every demo workspace with all its data; returns how many."""
    return store.delete_demo_workspaces(actor=actor)
