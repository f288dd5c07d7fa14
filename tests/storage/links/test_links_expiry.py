"""Link drafts expire (30 days by default, configurable): an expired draft is no longer
resumed or counted, and ``stadforstad purge`` deletes it; sent answers stay. The purge
registry runs every kind of expired data. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from stadforstad import cli
from stadforstad.retention import RETENTIONS, purge_expired
from stadforstad.settings import get_settings
from stadforstad.storage import Store, make_engine
from stadforstad.storage.link_throttle import LinkLimits, LinkThrottle
from stadforstad.storage.links import LinkResponse, LinkStore, new_token
from stadforstad.storage.tables import utcnow

GOOD = {"generell_1": 4}


def _age(links, resume_rows, days):
    """Make drafts look last saved ``days`` ago."""
    with links.store._write() as session:
        session.execute(
            update(LinkResponse)
            .where(LinkResponse.id.in_(resume_rows))
            .values(
                draft_saved_at=utcnow() - dt.timedelta(days=days),
                created_at=utcnow() - dt.timedelta(days=days),
            )
        )


def _rows(links) -> list[tuple[int, bool]]:
    with links.store._read() as session:
        return [
            (r.id, r.submitted_at is not None)
            for r in session.scalars(select(LinkResponse).order_by(LinkResponse.id))
        ]


def test_an_expired_draft_is_not_resumed_counted_or_kept(links, admin, workspace, shareable_form):
    created = links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    me, _ = links.open_link(created.token)
    old, fresh, sent = new_token(), new_token(), new_token()
    for resume in (old, fresh):
        links.save_draft(actor=me, resume=resume, form=shareable_form, answers={"generell_2": 1})
    links.submit(actor=me, resume=sent, submission_key="k", form=shareable_form, answers=GOOD)
    ids = [row_id for row_id, _ in _rows(links)]
    _age(links, [ids[0]], days=31)
    _age(links, [ids[2]], days=400)  # a sent answer, however old, is not a draft

    assert links.respondent_state(actor=me, resume=old) is None
    assert links.respondent_state(actor=me, resume=fresh) is not None
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts) == (1, 1)

    assert purge_expired(links.store, dry_run=True)["link_drafts"] == 1
    assert len(_rows(links)) == 3  # a dry run deletes nothing
    assert purge_expired(links.store)["link_drafts"] == 1
    assert _rows(links) == [(ids[1], False), (ids[2], True)]
    assert purge_expired(links.store)["link_drafts"] == 0
    entries = links.store.audit_log(actor=admin)
    assert any(e.action == "purge" and "link_drafts=1" in (e.detail or "") for e in entries)


def test_the_draft_lifetime_is_a_setting(links, admin, workspace, shareable_form, monkeypatch):
    created = links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    me, _ = links.open_link(created.token)
    resume = new_token()
    links.save_draft(actor=me, resume=resume, form=shareable_form, answers={"generell_2": 1})
    _age(links, [_rows(links)[0][0]], days=10)
    assert links.respondent_state(actor=me, resume=resume) is not None
    short = LinkStore(links.store, limits=LinkLimits(draft_days=7))
    assert short.respondent_state(actor=me, resume=resume) is None
    monkeypatch.setenv("STADFORSTAD_LINK_DRAFT_DAYS", "7")
    get_settings.cache_clear()
    try:
        assert LinkStore(links.store).limits.draft_days == 7
        assert purge_expired(links.store)["link_drafts"] == 1
    finally:
        get_settings.cache_clear()


def test_the_purge_also_removes_ended_throttle_windows(links, admin, workspace, shareable_form):
    created = links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    me, _ = links.open_link(created.token)
    links.save_draft(
        actor=me, resume=new_token(), form=shareable_form, answers=GOOD, client="192.0.2.7"
    )
    later = utcnow() + dt.timedelta(days=3)
    assert purge_expired(links.store, now=later, kinds=["link_throttle"])["link_throttle"] >= 2
    with links.store._read() as session:
        assert session.scalar(select(func.count()).select_from(LinkThrottle)) == 0


def test_every_retention_is_described_and_runs(store):
    assert set(RETENTIONS) >= {"link_drafts", "link_throttle"}
    for name, retention in RETENTIONS.items():
        assert retention.description, name
    assert set(purge_expired(store, dry_run=True)) == set(RETENTIONS)


def test_the_purge_command(monkeypatch, tmp_path, capsys, shareable_form):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        engine = make_engine(url)
        links = LinkStore(Store(engine))
        from stadforstad.storage import Actor

        place = links.store.create_workspace(actor=Actor.local(), name="Lund")
        created = links.create_link(actor=Actor.local(), workspace_id=place.id, form=shareable_form)
        me, _ = links.open_link(created.token)
        links.save_draft(actor=me, resume=new_token(), form=shareable_form, answers=GOOD)
        _age(links, [_rows(links)[0][0]], days=60)
        assert cli.main(["purge", "--dry-run"]) == 0
        out = capsys.readouterr()
        assert "link_drafts\t1" in out.out and "dry run" in out.err
        assert len(_rows(links)) == 1
        assert cli.main(["purge"]) == 0
        assert "link_drafts\t1" in capsys.readouterr().out
        assert _rows(links) == []
        engine.dispose()
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("days", ["0", "-3"])
def test_a_draft_lifetime_below_one_day_is_refused(monkeypatch, days):
    from pydantic import ValidationError

    monkeypatch.setenv("STADFORSTAD_LINK_DRAFT_DAYS", days)
    get_settings.cache_clear()
    try:
        with pytest.raises(ValidationError):
            get_settings()
    finally:
        get_settings.cache_clear()
