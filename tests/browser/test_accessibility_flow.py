"""Accessibility in a real browser: axe-core (through ``axe-playwright-python``, which
ships it) on every page, for every role – administrator, county coordinator, member,
the app without sign-in – and on the respondent page of an invitation link, in both
languages. A page passes with no *serious* or *critical* finding and no skipped heading
level (``heading-order``, moderate: screen readers list the headings as the page's
outline); the count of every page is printed in the test output (``axe: …`` lines).

Two findings lie in Streamlit's own markup and cannot be changed by this app; each is
excluded as one rule on one selector (``STREAMLIT_MARKUP``), so the same rule still
fails anywhere else. docs/accessibility.md lists them as known gaps.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect

from stadforstad import accounts
from stadforstad.catalog import list_forms, load_form
from stadforstad.demo import _Generator, _valid, create_demo
from stadforstad.questionnaire import link_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore, link_url, new_token
from tests.helpers.browser import PASSWORD, served, sign_in

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")
#: Rules of a lower impact that fail a page all the same.
BLOCKING_RULES = ("heading-order",)
#: A page's first run imports and computes much (the comparison most): on a busy
#: machine that has taken 45 s.
LOAD_MS = 120_000

#: Findings inside Streamlit's own markup (Streamlit 1.67), one rule and one selector
#: each; the app cannot change them. ``st.navigation`` with sections draws the sidebar
#: menu as ``<ul data-testid="stSidebarNavItems">`` whose children are one ``<div>``
#: per section (its heading and its ``<li>`` items): the ``<ul>`` has ``<div>``
#: children (rule ``list``) and each ``<li>`` has a ``<div>`` parent (``listitem``).
#: Screen readers still read the links and the section headings; the list count is
#: wrong. Reported in docs/accessibility.md under "Kända brister".
STREAMLIT_MARKUP: tuple[tuple[str, str], ...] = (
    ("list", 'ul[data-testid="stSidebarNavItems"]'),
    ("listitem", 'ul[data-testid="stSidebarNavItems"] > div > li'),
)


@dataclass
class Finding:
    rule: str
    impact: str
    help: str
    targets: list[str] = field(default_factory=list)


def settle(page: Page) -> None:
    """Wait until the script run is over and nothing is left of the run before."""
    page.wait_for_timeout(400)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=60_000)
    page.wait_for_timeout(300)


def _streamlit_own(page: Page, rule: str, target: object) -> bool:
    selectors = [s for r, s in STREAMLIT_MARKUP if r == rule]
    if not selectors or not isinstance(target, list) or len(target) != 1:
        return False
    return bool(
        page.evaluate(
            "([t, s]) => { const e = document.querySelector(t); return !!e && e.matches(s); }",
            [target[0], selectors[0]],
        )
    )


def axe_findings(page: Page) -> list[Finding]:
    """axe-core's violations on the page as it is now, all rules (WCAG 2.0/2.1 A and AA
    and best practice), less the Streamlit markup above."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        targets = [
            str(node["target"])
            for node in violation["nodes"]
            if not _streamlit_own(page, violation["id"], node["target"])
        ]
        if targets:
            found.append(
                Finding(violation["id"], violation["impact"] or "", violation["help"], targets)
            )
    return found


class Report:
    """Counts per page, printed as they come and checked at the end."""

    def __init__(self, capsys, who: str):
        self.capsys = capsys
        self.who = who
        self.failures: list[str] = []

    def check(self, page: Page, name: str) -> None:
        settle(page)
        found = axe_findings(page)
        blocking = [f for f in found if f.impact in BLOCKING or f.rule in BLOCKING_RULES]
        other = len(found) - len(blocking)
        with self.capsys.disabled():
            print(
                f"\naxe: {self.who:<12} {name:<40} blocking: {len(blocking)}"
                f"  other: {other} ({', '.join(sorted({f.rule for f in found})) or '-'})",
                end="",
            )
        self.failures += [
            f"{self.who} {name}: {f.impact} {f.rule} ({f.help}) at {f.targets[:3]}"
            for f in blocking
        ]

    def assert_clean(self) -> None:
        assert not self.failures, "\n".join(self.failures)


# -- the installation: users, a municipality with answers, a link with answers ----------
@dataclass
class Installation:
    app: object  # with local accounts
    open_app: object  # without sign-in
    workspace_id: int
    token: str


def _answers_through_link(links: LinkStore, token: str, count: int) -> None:
    form = link_form("kartlaggning")
    rng = random.Random(7)
    for n in range(count):
        actor, _ = links.open_link(token)
        answers = _valid(form, _Generator(rng, 2.5 + n % 3, ()).answers(form))
        links.submit(
            actor=actor, resume=new_token(), submission_key=f"a{n}", form=form, answers=answers
        )


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    folder = tmp_path_factory.mktemp("a11y")
    database_url = f"sqlite:///{folder / 'a11y.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    local = Actor.local()
    demo_ids = create_demo(store, actor=local)
    place = store.create_workspace(actor=local, name="Alfastad")
    accounts.create_user(store, actor=local, username="chefen", password=PASSWORD, admin=True)
    for name, role in (("medlem", "member"), ("samordnare", "coordinator")):
        accounts.create_user(store, actor=local, username=name, password=PASSWORD)
        accounts.grant_role(store, actor=local, username=name, workspace_id=place.id, role=role)
    for demo_id in demo_ids[:3]:  # a county coordinator compares several municipalities
        accounts.grant_role(
            store, actor=local, username="samordnare", workspace_id=demo_id, role="coordinator"
        )
    redo = load_form("redo")
    store.submit_many(
        actor=local,
        workspace_id=place.id,
        form=redo,
        rows=[
            (f"Deltagare {n}", _valid(redo, _Generator(random.Random(n), 3.0, ()).answers(redo)))
            for n in range(1, 5)
        ],
        round=1,
    )
    links = LinkStore(store)
    created = links.create_link(
        actor=local,
        workspace_id=place.id,
        form=link_form("kartlaggning"),
        label="Hotell",
        intro="Hej! Frågor till Kim Kvist, kim@kommun.se.",
        ask_identity=True,
    )
    _answers_through_link(links, created.token, 4)
    engine.dispose()
    with (
        served(database_url, {"STADFORSTAD_AUTH": "local"}, log=folder / "local.log") as signed,
        served(database_url, log=folder / "open.log") as open_app,
    ):
        yield Installation(signed, open_app, place.id, created.token)


#: The pages each role has in its menu (app.py), by address.
ROLE_PAGES = {
    "admin": [
        "",
        "form",
        "group",
        "links",
        "compilation",
        "compare",
        "workspaces",
        "admin",
        "about",
    ],
    "coordinator": ["", "group", "compilation", "compare", "about"],
    "member": ["", "form", "group", "links", "compilation", "about"],
}
#: The administration's tabs, each a view of its own.
ADMIN_TABS = ["Export och import"]


def _visit_all(page: Page, base: str, pages: list[str], ws: int, report: Report, lang: str):
    for address in pages:
        page.goto(f"{base}/{address}?kommun={ws}&lang={lang}")
        expect(page.locator("h1").first).to_be_visible(timeout=LOAD_MS)
        # Each page itself is checked, never the sign-in screen in its place.
        expect(page.get_by_label("Användarnamn")).to_have_count(0)
        report.check(page, f"/{address or ''} ({lang})")
        if address == "admin":
            for tab in page.get_by_role("tab").all()[1:]:
                name = tab.inner_text().strip()
                tab.click()
                report.check(page, f"/admin, tab {name} ({lang})")
        if address == "compare":
            for view in ("Framsteg",) if lang == "sv" else ("Progress",):
                page.get_by_text(view, exact=True).click(timeout=LOAD_MS)
                report.check(page, f"/compare, {view} ({lang})")


@pytest.mark.parametrize("role", ["admin", "coordinator", "member"])
def test_every_page_of_every_role_has_no_serious_axe_finding(installation, page, capsys, role):
    report = Report(capsys, role)
    base = installation.app.url
    page.goto(base)
    expect(page.get_by_label("Användarnamn")).to_be_visible(timeout=LOAD_MS)
    report.check(page, "sign-in")
    sign_in(page, {"admin": "chefen", "coordinator": "samordnare", "member": "medlem"}[role])
    # Swedish here; the same pages in English are checked without sign-in below.
    _visit_all(page, base, ROLE_PAGES[role], installation.workspace_id, report, "sv")
    report.assert_clean()


def test_every_page_without_sign_in_has_no_serious_axe_finding(installation, page, capsys):
    report = Report(capsys, "no sign-in")
    base = installation.open_app.url
    for lang in ("sv", "en"):
        _visit_all(page, base, ROLE_PAGES["admin"], installation.workspace_id, report, lang)
    report.assert_clean()


@pytest.mark.slow
def test_every_form_has_no_serious_axe_finding(installation, page, capsys):
    """Every form as it is filled in (each kind of question), in the app without sign-in."""
    report = Report(capsys, "forms")
    base = installation.open_app.url
    for form in list_forms():
        page.goto(f"{base}/form?kommun={installation.workspace_id}&form={form.id}")
        expect(page.locator("h1").first).to_be_visible(timeout=LOAD_MS)
        report.check(page, f"/form?form={form.id}")
    report.assert_clean()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_respondent_page_has_no_serious_axe_finding(installation, browser, capsys, lang):
    report = Report(capsys, "respondent")
    context = browser.new_context(locale="sv-SE", viewport={"width": 420, "height": 900})
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto(link_url(installation.open_app.url, installation.token, lang=lang))
        expect(page.locator("h1").first).to_be_visible(timeout=LOAD_MS)
        report.check(page, f"invitation link ({lang})")
        consent = "Jag har läst informationen ovan" if lang == "sv" else "I have read"
        page.get_by_text(consent).click()
        send = page.get_by_role("button", name="Skicka in" if lang == "sv" else "Submit")
        # The rerun after the tick replaces the form; wait until the old copy is gone.
        expect(send).to_have_count(1)
        expect(send).to_be_enabled()
        report.check(page, f"invitation link, consented ({lang})")
        page.goto(f"{installation.open_app.url}/?t=made-up&lang={lang}")
        expect(page.get_by_test_id("stAlert").first).to_be_visible()
        report.check(page, f"unusable link ({lang})")
    finally:
        context.close()
    report.assert_clean()


def test_every_page_of_the_app_is_in_the_check() -> None:
    """A page added later is checked too: the administrator's list names every page file
    ("" is the start page, home.py); the respondent page has its own test above."""
    from tests.helpers import ROOT

    files = {p.stem for p in (ROOT / "pages").glob("*.py")} - {"respond"}
    assert {address or "home" for address in ROLE_PAGES["admin"]} == files
