"""Load: 50 respondents send at once through the page's own code path
(``questionnaire.send_answers``), on SQLite and PostgreSQL: all 50 stored, no error.
Timing figures are printed, never asserted (see bench/questionnaire_load.py)."""

from __future__ import annotations

from stadforstad import questionnaire
from stadforstad.link_load import run_load
from stadforstad.storage.links import LinkStore


def test_fifty_respondents_at_once(
    links: LinkStore, admin, workspace, shareable_form, monkeypatch, capsys
):
    monkeypatch.setattr(questionnaire, "link_form", lambda form_id: shareable_form)
    result = run_load(links, admin, workspace.id, shareable_form, respondents=50)
    assert result.errors == []
    assert result.stored == 50
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 50
    with capsys.disabled():
        print(f"\n{result.summary()}")
