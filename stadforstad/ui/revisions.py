"""The version history of a response ("Tidigare versioner"): each submitted version
with its items named by their labels, answers written as words (Ja/Nej, the option
chosen, a decimal comma), and every table as a table of its own."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from stadforstad.i18n import number_text, pick, time_text
from stadforstad.schema import Form
from stadforstad.ui.context import get_actor, get_lang, get_store, tr


def answer_text(item, value: Any, lang: str) -> str:
    """One answer as a person reads it; "–" for none."""
    if value is None or value == [] or value == "":
        return "–"
    kind = getattr(item, "kind", None)
    if isinstance(value, bool):
        labels = getattr(item, "yes_label", None), getattr(item, "no_label", None)
        if kind == "yes_no" and labels[0] is not None and labels[1] is not None:
            return (labels[0] if value else labels[1]).get(lang)
        return pick(lang, "Ja", "Yes") if value else pick(lang, "Nej", "No")
    options = {o.value: o.label.get(lang) for o in getattr(item, "options", None) or []}
    levels = {lv.value: lv.label.get(lang) for lv in getattr(item, "levels", None) or []}
    if isinstance(value, list):
        return ", ".join(options.get(v, str(v)) for v in value)
    if isinstance(value, str):
        return options.get(value, value)
    if isinstance(value, (int, float)):
        if value in levels:
            return f"{value} · {levels[value]}"
        return number_text(value, lang)
    return str(value)


def revision_tables(form: Form, answers: dict, lang: str) -> tuple[pd.DataFrame, dict]:
    """The answers of one version: a question | answer table for the single items, and
    per table item its label → the rows under the columns' labels."""
    question, answer = pick(lang, "Fråga", "Question"), pick(lang, "Svar", "Answer")
    simple, tables = [], {}
    for item in form.answerable():
        label = item.label.get(lang)
        value = answers.get(item.id)
        if item.kind == "table":
            columns = {c.id: c for c in item.columns}
            tables[label] = pd.DataFrame(
                [
                    {
                        column.label.get(lang): answer_text(column, row.get(cid), lang)
                        for cid, column in columns.items()
                    }
                    for row in value or []
                ],
                columns=[c.label.get(lang) for c in item.columns],
            )
        elif value is not None:
            simple.append({question: label, answer: answer_text(item, value, lang)})
        comment = answers.get(f"{item.id}_comment")
        if comment and item.comment is not None:
            simple.append({question: f"{label} – {item.comment.get(lang)}", answer: comment})
    return pd.DataFrame(simple, columns=[question, answer]), tables


def show_revisions(form: Form, workspace_id: int, response_id: int) -> None:
    store, actor, lang = get_store(), get_actor(), get_lang()
    with st.expander(tr("Tidigare versioner", "Earlier versions")):
        for revision in reversed(
            store.revisions(actor=actor, workspace_id=workspace_id, response_id=response_id)
        ):
            st.markdown(
                f"**{tr('Version', 'Version')} {revision.number}** · {time_text(revision.saved_at)}"
            )
            st.text(changed_text(form, revision, lang))
            simple, tables = revision_tables(form, revision.answers, lang)
            if not simple.empty:
                st.dataframe(simple, hide_index=True, width="stretch")
            for label, table in tables.items():
                st.caption(label)
                if table.empty:
                    st.caption(tr("Inga rader.", "No rows."))
                else:
                    st.dataframe(table, hide_index=True, width="stretch")


def changed_text(form: Form, revision, lang: str) -> str:
    """Who saved a version and which questions it changed (plain text: a name is typed)."""
    who = pick(lang, f"Sparad av {revision.saved_by}", f"Saved by {revision.saved_by}")
    if revision.changed is None:
        return who
    labels = []
    for item_id in revision.changed:
        base = item_id.removesuffix("_comment")
        try:
            label = form.item(base).label.get(lang)
        except KeyError:  # an item of an older version of the form
            label = item_id
        labels.append(
            label if base == item_id else f"{label} ({pick(lang, 'kommentar', 'comment')})"
        )
    if not labels:
        return f"{who}; {pick(lang, 'inget ändrat', 'nothing changed')}"
    return f"{who}; {pick(lang, 'ändrade', 'changed')}: " + "; ".join(labels)
