"""Sign-in through an identity provider (OpenID Connect, ``st.login``), end to end in a
real browser, against a local OpenID provider the test starts (``oidc-provider-mock``).

Eva's provider account has a verified e-mail address that matches her account in
Stad för stad: she signs in, and stays signed in across a reload. Mallory's provider
account merely *claims* Eva's address (not verified): she gets AUTH_011 and no page.
"""

from __future__ import annotations

import secrets

import pytest

from stadforstad import accounts
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import free_port, served, wait_for_cookie

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def provider():
    import os

    from oidc_provider_mock import User, run_server_in_thread

    # The provider runs in this process; plain http on this machine only.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    users = [
        User(
            sub="eva-123",
            claims={"email": "eva@kommun.se", "email_verified": True, "name": "Eva Ek"},
        ),
        User(sub="mallory-9", claims={"email": "eva@kommun.se", "email_verified": False}),
    ]
    with run_server_in_thread(port=free_port(), user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def oidc_app(tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("oidc")
    database_url = f"sqlite:///{folder / 'oidc.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    local = Actor.local()
    place = store.create_workspace(actor=local, name="Alfastad")
    accounts.create_user(store, actor=local, username="eva@kommun.se", password=None)
    accounts.grant_role(
        store, actor=local, username="eva@kommun.se", workspace_id=place.id, role="member"
    )
    engine.dispose()
    port = free_port()
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "stadforstad"\n'
        'client_secret = "hemlig-klient"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    with served(
        database_url,
        {"STADFORSTAD_AUTH": "local", "AUTHLIB_INSECURE_TRANSPORT": "1"},
        log=folder / "streamlit.log",
        port=port,
        extra_args=["--secrets.files", str(secrets_file)],
    ) as running:
        yield running


def sign_in_at_provider(page, app_url: str, subject: str) -> None:
    from playwright.sync_api import expect

    page.goto(app_url)
    page.get_by_role("button", name="Logga in").click()
    # The provider's own page: pick the account.
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_role("button", name=subject).click()


def test_a_verified_address_signs_in_and_stays_signed_in(oidc_app, page):
    from playwright.sync_api import expect

    sign_in_at_provider(page, oidc_app.url, "eva-123")
    expect(page.get_by_text("Du är inloggad som eva@kommun.se")).to_be_visible()
    expect(page.get_by_role("heading", name="Alfastad")).to_be_visible()
    # The app's own sign-in (idle and absolute limits, revocable) rides along.
    assert wait_for_cookie(page.context)["httpOnly"]
    page.reload()
    expect(page.get_by_text("Du är inloggad som eva@kommun.se")).to_be_visible()
    expect(page.get_by_role("heading", name="Alfastad")).to_be_visible()


def test_an_unverified_address_is_refused(oidc_app, page):
    from playwright.sync_api import expect

    sign_in_at_provider(page, oidc_app.url, "mallory-9")
    expect(page.get_by_text("AUTH_011")).to_be_visible()
    expect(page.get_by_text("Du är inloggad som")).to_have_count(0)
    expect(page.get_by_role("heading", name="Alfastad")).to_have_count(0)
