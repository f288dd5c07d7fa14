"""Storage reads for the views: the database is checked against the migrations once
per process, not on every page load; the frames' reads give what the rows hold."""

from __future__ import annotations

from stadforstad.storage import migrate
from tests.helpers.apptest import fresh_database, open_page  # noqa: F401 (fixture)
from tests.helpers.roles import answered


def test_the_migrations_are_checked_once_per_process_not_per_page_load(fresh_database, monkeypatch):
    checks = []
    original = migrate.upgrade_database

    def counted(engine, revision="head"):
        checks.append(str(engine.url))
        return original(engine, revision)

    monkeypatch.setattr(migrate, "upgrade_database", counted)
    for page in ("home", "compilation", "home"):  # three loads, each a new session
        at = open_page(page)
        assert not at.exception, at.exception
    assert checks == [fresh_database]


def test_link_answers_are_read_whole_and_names_only_for_members(store):
    place, coordinator, member = answered(store, 3)
    from stadforstad.storage.links import LinkStore

    links = LinkStore(store)
    own = links.link_answers(actor=member, workspace_id=place.id, form_id="kartlaggning")
    assert [a.name for a in own] == ["Kim 0", "Kim 1", "Kim 2"]
    assert [a.contact for a in own] == [f"kim{n}@example.se" for n in range(3)]
    first = own[0]
    assert (first.link_label, first.form_id, first.workspace_id) == (
        "Hotell",
        "kartlaggning",
        place.id,
    )
    assert first.industry == "Hotell" and first.form_version >= 1 and first.receipt
    assert first.submitted_at is not None and first.answers
    theirs = links.link_answers(actor=coordinator, workspace_id=place.id)
    assert [(a.name, a.contact) for a in theirs] == [(None, None)] * 3
    assert [a.answers for a in theirs] == [a.answers for a in own]


def test_a_database_at_the_head_is_opened_without_importing_alembic(tmp_path):
    import subprocess
    import sys

    from sqlalchemy import text

    from stadforstad.storage import make_engine
    from stadforstad.storage.engine import at_head, head_from_files

    assert head_from_files() == migrate.head_revision()  # the files read as text agree
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    engine = make_engine(url)  # a new database: Alembic makes it
    assert at_head(engine)
    check = (
        "import sys\n"
        "from stadforstad.storage import make_engine\n"
        f"make_engine({url!r})\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    with engine.begin() as connection:  # an older database: Alembic again
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    assert not at_head(engine)
    engine.dispose()
