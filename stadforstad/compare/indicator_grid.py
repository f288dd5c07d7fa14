"""The step-2 indicator grid (kartlaggning) across municipalities, with the
industries' answers through invitation links."""

from __future__ import annotations

import pandas as pd

from scoring.common import Rated
from stadforstad.compare.scope import (
    INDICATOR_FORM,
    LINKS_HIDDEN,
    Filters,
    _frame,
    _load,
    _note,
    scored_form,
)
from stadforstad.compilation import SHARE_MIN_GROUP, categories
from stadforstad.i18n import pick
from stadforstad.instruments.kartlaggning import KARTLAGGNING
from stadforstad.storage.links import LinkStore
from stadforstad.storage.rated import rated
from stadforstad.storage.repository import Actor, Store


def indicators(
    store: Store, *, actor: Actor, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """Municipality × category of indicators: the mean of the respondents' category
    means; the categories named (and the notes written) in ``lang``."""
    form = scored_form(INDICATOR_FORM)
    titles = {c.id: c.label for c in categories(form, lang)}
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    # The industries' answers through invitation links are the grid's main source; they
    # have no round, so they count in every round and within the period they were sent.
    saved_from, saved_to = filters.period()
    by_link: dict[int, list[Rated]] = {}
    for answer in LinkStore(store).sent_answers(
        actor=actor,
        workspace_ids=[w.id for w in workspaces],
        form_id=form.id,
        sent_from=saved_from,
        sent_to=saved_to,
    ):
        by_link.setdefault(answer.workspace_id, []).extend(rated([answer]))
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        linked = by_link.get(workspace.id, [])
        hidden = not actor.can_write(workspace.id) and 0 < len(linked) < SHARE_MIN_GROUP
        if hidden:
            # Too few answers through links to show to anyone outside the workspace
            # (a county coordinator): left out, as the compilation hides small groups.
            linked = []
        if not rows and not linked:
            continue
        group = KARTLAGGNING.summarize(form, rated(rows) + linked)
        for category in group.categories:
            records.append(
                {
                    "workspace_id": workspace.id,
                    "workspace": workspace.name,
                    "round": rows[0].round if rows else None,
                    "respondents": len(rows) + len(linked),
                    "link_answers": len(linked),
                    "category": category.id,
                    "category_label": titles.get(category.id, category.id),
                    "mean": category.mean,
                    "n": category.n,
                    "min": category.min,
                    "max": category.max,
                    "spread": (
                        category.max - category.min
                        if category.max is not None and category.min is not None
                        else None
                    ),
                    "single": category.n == 1,
                    "note": pick(lang, *LINKS_HIDDEN) if hidden else _note(category.n, lang),
                }
            )
    return _frame(
        records,
        [
            "workspace_id",
            "workspace",
            "round",
            "respondents",
            "link_answers",
            "category",
            "category_label",
            "mean",
            "n",
            "min",
            "max",
            "spread",
            "single",
            "note",
        ],
    )
