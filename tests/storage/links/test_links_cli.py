"""``stadforstad links create | list | revoke``."""

from __future__ import annotations

import pytest

from stadforstad import cli
from stadforstad.cli import links as links_cli
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.settings import get_settings


@pytest.fixture
def env(monkeypatch, tmp_path, shareable_form):
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    monkeypatch.setenv("STADFORSTAD_PUBLIC_URL", "https://stad.example.se")
    get_settings.cache_clear()
    real = links_cli.load_form
    monkeypatch.setattr(
        links_cli,
        "load_form",
        lambda form_id: shareable_form if form_id == "enkat" else real(form_id),
    )
    yield
    get_settings.cache_clear()


def test_create_list_revoke(env, capsys):
    assert cli.main(["workspaces", "create", "Lund"]) == 0
    capsys.readouterr()
    assert (
        cli.main(
            [
                "links",
                "create",
                "lund",
                "enkat",
                "--label",
                "Hotell",
                "--closes",
                "2999-12-31",
                "--max",
                "20",
            ]
        )
        == 0
    )
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://stad.example.se/?t=") and len(url.split("=", 1)[1]) >= 43
    assert cli.main(["links", "list", "Lund"]) == 0
    listing = capsys.readouterr().out
    assert "Hotell\topen\t0\t0\t2999-12-31\t20" in listing
    assert url.split("=", 1)[1] not in listing  # the token is shown once, at creation
    assert cli.main(["links", "revoke", "1"]) == 0
    assert capsys.readouterr().out.strip() == "1\trevoked"


@pytest.mark.parametrize(
    "argv, code",
    [
        (["links", "create", "Lund", "redo"], "LINK_002"),
        (["links", "create", "Ingenstans", "enkat"], "STORE_001"),
        (["links", "create", "Lund", "enkat", "--max", "0"], "LINK_003"),
        (["links", "revoke", "99"], "LINK_004"),
    ],
    ids=["not-shareable", "unknown-municipality", "cap-zero", "unknown-link"],
)
def test_refusals_print_a_code(env, capsys, argv, code):
    cli.main(["workspaces", "create", "Lund"])
    capsys.readouterr()
    assert cli.main(argv) == EXIT_BAD_INPUT
    assert f"[{code}]" in capsys.readouterr().err


def test_list_strips_terminal_control_characters(env, capsys, shareable_form):
    """A label is what a member typed (or what a backup carried): printed, it must not
    drive the terminal – no escape sequences, no bell, no reversed text, no extra
    columns."""
    from stadforstad.storage import Actor, Store, make_engine
    from stadforstad.storage.links import InvitationLink, LinkStore

    cli.main(["workspaces", "create", "Lund"])
    capsys.readouterr()
    engine = make_engine(get_settings().database_url)
    links = LinkStore(Store(engine))
    created = links.create_link(
        actor=Actor.local(), workspace_id=1, form=shareable_form, label="\x1b[31mHotell\x07"
    )
    # Creating strips control characters already; a row from elsewhere may still hold them.
    assert links.get_link(actor=Actor.local(), link_id=created.info.id).label == "[31mHotell"
    with links.store._write() as session:
        session.get(
            InvitationLink, created.info.id
        ).label = "\x1b]0;pwned\x07Ho\ttell\u202egnp.exe\x9b2J\nx"
    engine.dispose()
    assert cli.main(["links", "list", "Lund"]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    row = out.splitlines()[1].split("\t")
    assert len(row) == len(out.splitlines()[0].split("\t"))  # no column added by a tab
    assert row[2] == "]0;pwnedHo tellgnp.exe2J x"


def test_create_an_english_link(env, capsys):
    cli.main(["workspaces", "create", "Lund"])
    capsys.readouterr()
    assert cli.main(["links", "create", "Lund", "enkat", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip().endswith("&lang=en")
