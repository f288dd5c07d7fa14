"""Two replicas behind nginx on the real PostgreSQL, in a real browser.

The proxy runs ``deploy/nginx/stadforstad.conf`` (the configuration docs/deploy.md
gives) with local ports. Both replicas share the database and the cookie secret. A
user signs in through the proxy and a respondent answers an invitation link; then the
replica serving them is killed mid-session. Every answer that got a receipt is stored,
the user is still signed in on the other replica, and a new answer goes through.
"""

from __future__ import annotations

import re
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from stadforstad import accounts
from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore
from tests.helpers import ROOT
from tests.helpers.browser import PASSWORD, free_port, sign_in, start_app, wait_for_cookie

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

CONFIG = ROOT / "deploy" / "nginx" / "stadforstad.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render_config(folder: Path, listen: int, replicas: list[int]) -> Path:
    """The deployment's file with local addresses, a local log and plain http."""
    text = CONFIG.read_text(encoding="utf-8")
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{listen};")
    text = re.sub(r"\n\s*ssl_certificate(_key)? [^\n]+;", "", text)
    text = text.replace("/var/log/nginx/stadforstad.log", str(folder / "access.log"))
    for production, port in zip(("10.0.0.11:8501", "10.0.0.12:8501"), replicas):
        text = text.replace(production, f"127.0.0.1:{port}")
    assert "10.0.0." not in text and "ssl" not in text
    (folder / "stadforstad.conf").write_text(text, encoding="utf-8")
    main = folder / "nginx.conf"
    main.write_text(
        f"worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'};\nevents {{ worker_connections 256; }}\n"
        "http {\n"
        f"    client_body_temp_path {folder / 'body'};\n"
        f"    proxy_temp_path {folder / 'proxy'};\n"
        f"    fastcgi_temp_path {folder / 'fastcgi'};\n"
        f"    uwsgi_temp_path {folder / 'uwsgi'};\n"
        f"    scgi_temp_path {folder / 'scgi'};\n"
        f"    include {folder / 'stadforstad.conf'};\n"
        "}\n",
        encoding="utf-8",
    )
    return main


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, postgres_server_url):
    if not Path(NGINX).exists():
        pytest.skip("Debian's nginx is not installed (.ci/run installs it)")
    folder = tmp_path_factory.mktemp("replicas")
    # A database of its own on the shared server, as the root conftest makes them.
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(postgres_server_url)
    name = f"test_replicas_{secrets.token_hex(6)}"
    server = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = base.set(database=name).render_as_string(hide_password=False)

    engine = make_engine(database_url)
    store, local = Store(engine), Actor.local()
    accounts.create_user(store, actor=local, username="chefen", password=PASSWORD, admin=True)
    place = store.create_workspace(actor=local, name="Alfastad")
    created = LinkStore(store).create_link(
        actor=local, workspace_id=place.id, form=load_form("kartlaggning"), label="Hotell"
    )

    env = {
        "STADFORSTAD_AUTH": "local",
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        "STADFORSTAD_TRUSTED_PROXIES": "1",
    }
    replicas, ports = [], []
    for number in (1, 2):
        port = free_port()
        process, _running = start_app(
            database_url, env, log=folder / f"replica{number}.log", port=port
        )
        replicas.append(process)
        ports.append(port)
    listen = free_port()
    nginx = subprocess.Popen(
        [NGINX, "-c", str(render_config(folder, listen, ports)), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{listen}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield {
        "url": url,
        "ports": ports,
        "replicas": replicas,
        "log": folder / "access.log",
        "store": store,
        "workspace": place.id,
        "link": f"{url}/?t={created.token}",
    }
    nginx.terminate()
    nginx.wait(timeout=10)
    for process in replicas:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
    engine.dispose()
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()


def serving_port(log: Path) -> int:
    """The replica that served the latest connection, from the proxy's access log: the
    browser asks ``/_stcore/health`` each time it (re)connects (the last address tried,
    when nginx had to pass the request on). A websocket itself is logged only when it
    closes."""
    checks = [line for line in log.read_text().splitlines() if "GET /_stcore/health " in line]
    tried = checks[-1].rsplit("upstream=", 1)[1].split(",")
    return int(tried[-1].strip().rsplit(":", 1)[1])


def answer_link(browser, link: str) -> str:
    """A respondent (a browser of their own) answers the link; the receipt code."""
    from playwright.sync_api import expect

    context = browser.new_context(locale="sv-SE", viewport={"width": 1000, "height": 1000})
    context.set_default_timeout(30_000)
    try:
        phone = context.new_page()
        phone.goto(link)
        phone.get_by_text("Jag har läst informationen ovan").click()
        # The run that the tick starts must end before the answers are given.
        expect(phone.get_by_test_id("stStatusWidget")).to_have_count(0)
        expect(phone.get_by_role("button", name="Skicka in")).to_be_enabled()
        label = load_form("kartlaggning").item("generell_1").label.sv
        group = phone.get_by_role("radiogroup", name=label, exact=True).first
        group.get_by_text(re.compile(r"^4( – .*)?$")).first.click()
        expect(group.get_by_role("radio", name="4")).to_be_checked()
        phone.get_by_role("button", name="Skicka in").click()
        expect(phone.get_by_text("Tack! Ert svar är inskickat.")).to_be_visible()
        receipt = phone.get_by_test_id("stCode").first.inner_text()
        return receipt.strip()
    finally:
        context.close()


def test_the_proxy_closes_metrics_and_sends_the_security_headers(cluster):
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(f"{cluster['url']}/_stcore/metrics", timeout=10)
    assert closed.value.code == 404
    with urllib.request.urlopen(cluster["url"], timeout=10) as answer:
        headers = answer.headers
    assert headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_a_replica_stops_mid_session_and_nothing_acknowledged_is_lost(cluster, page, browser):
    from playwright.sync_api import expect

    page.goto(cluster["url"])
    sign_in(page, "chefen")
    wait_for_cookie(page.context)
    receipts = [answer_link(browser, cluster["link"]), answer_link(browser, cluster["link"])]

    # Stop the replica that serves this browser, abruptly, mid-session.
    serving = serving_port(cluster["log"])
    index = cluster["ports"].index(serving)
    cluster["replicas"][index].kill()
    cluster["replicas"][index].wait(timeout=10)
    other = cluster["ports"][1 - index]

    # The open tab reconnects to the other replica and is still signed in: it can go
    # to another page (which needs a live server that knows who is there).
    page.get_by_role("link", name="Kommuner", exact=True).click()
    expect(page.get_by_role("heading", name="Kommuner")).to_be_visible()
    expect(page.get_by_text("Du är inloggad som chefen")).to_be_visible()
    page.reload()
    expect(page.get_by_text("Du är inloggad som chefen")).to_be_visible()
    expect(page.get_by_label("Användarnamn")).to_have_count(0)
    assert serving_port(cluster["log"]) == other

    receipts.append(answer_link(browser, cluster["link"]))
    assert len(set(receipts)) == 3 and all(receipts)
    [link] = LinkStore(cluster["store"]).list_links(
        actor=Actor.local(), workspace_id=cluster["workspace"]
    )
    assert link.answers == len(receipts)


def test_the_deployment_guide_shows_the_configuration_the_test_runs():
    """One fact in one place: docs/deploy.md quotes the file this test runs."""
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert f"```nginx\n{CONFIG.read_text(encoding='utf-8')}```" in guide
