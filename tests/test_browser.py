"""The web UI in a real headless Chromium (Debian's, driven by Playwright).

Marked ``browser``; skipped with a reason when Chromium or Playwright is missing. Screenshots go
to ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from kg.model import AnalysedArticle
from kg.settings import Settings
from tests.conftest import REPO, TOKEN, free_port
from tests.fixtures import timeline_articles as ta

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (apt-get install -y chromium; .ci/run does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                              else shutil.which("chromium"), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A live server (base IRI = its own URL) holding the annotated articles."""
    import waitress.server

    from kg.web import create_app

    port = free_port()
    settings = Settings(data_dir=tmp_path_factory.mktemp("browser") / "data",
                        update_token=TOKEN, base_iri=f"http://127.0.0.1:{port}/")
    app = create_app(settings)
    kg = app.extensions["kg"]
    for doc in ta.all_articles() + [ta.oblast_report()]:
        kg.ingest(AnalysedArticle.from_dict(doc))
    server = waitress.server.create_server(app, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    app.url = f"http://127.0.0.1:{port}"
    yield app
    server.close()
    thread.join(timeout=5)
    kg.store.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_timeline_filter_by_place_open_an_event_and_see_its_sources(site, page):
    page.goto(f"{site.url}/timeline")
    page.wait_for_selector("#chart[data-ready=true]")
    assert page.locator("svg#axis .mark").count() == 6
    assert page.locator("#events article.event").count() == 6
    # month precision is drawn as a span, a day as a dot; claimed events look different
    assert page.locator("svg#axis .mark.precision-month rect").count() == 1
    assert page.locator("svg#axis .mark.modality-claimed").count() == 2
    shot(page, "timeline")

    page.fill("input[name=place]", "Q170666")
    page.click("#apply")
    page.wait_for_selector("#chart[data-ready=true]")
    assert page.locator("#events article.event").count() == 1
    assert "across the Kharkiv region" in page.inner_text("#events")
    shot(page, "timeline-place")

    page.goto(f"{site.url}/timeline?type=ShellingMissileAttack")
    page.wait_for_selector("#chart[data-ready=true]")
    page.locator("svg#axis .mark.canonical").first.click()
    detail = page.locator("#detail")
    detail.wait_for(state="visible")
    text = detail.inner_text()
    assert "Missile strike on a Kharkiv fuel depot" in text
    assert "killing three people" in text and "killed five people" in text
    assert "2 sources" in text
    shot(page, "timeline-detail")

    detail.locator("a.article-link").first.click()
    page.wait_for_selector("#article-title")
    assert page.locator(".article-text a.span.entity").count() >= 1
    assert page.locator(".article-text a.span.time").count() >= 1
    shot(page, "article")


def test_zoom_changes_the_axis(site, page):
    page.goto(f"{site.url}/timeline")
    page.wait_for_selector("#chart[data-ready=true]")
    before = page.locator("svg#axis .tick").all_text_contents()
    page.click("#zoom-in")
    page.click("#zoom-in")
    page.click("#zoom-in")
    after = page.locator("svg#axis .tick").all_text_contents()
    assert after != before
    page.click("#zoom-fit")
    assert page.locator("svg#axis .tick").all_text_contents() == before


def test_event_page_lists_sources_with_links(site, page):
    body = json.loads(page.request.get(f"{site.url}/timeline?type=ShellingMissileAttack"
                                       "&format=json").text())
    merged = next(e for e in body["events"] if e["canonical"])
    page.goto(f"{site.url}/event/{merged['id']}")
    assert page.inner_text("#event-label") == "Missile strike on a Kharkiv fuel depot"
    sources = page.inner_text("#sources")
    assert "Northern Courier" in sources and "Eastern Wire" in sources
    assert "the sources disagree" in page.inner_text("dl.facts")
    shot(page, "event")
    page.locator("#sources a.article-link").first.click()
    page.wait_for_selector("#article-title")
    assert page.url.startswith(f"{site.url}/article/")


def test_entity_page_says_why_it_is_not_linked(site, page):
    page.goto(f"{site.url}/entity/geonames-706483")
    assert page.inner_text("#entity-label") == "Kharkiv"
    assert "not linked: the best candidate scored 0.41" in page.inner_text("#wikidata")
    shot(page, "entity")


def test_sparql_example_shows_a_result_table(site, page):
    page.goto(f"{site.url}/sparql")
    page.locator("button.example").first.click()
    page.wait_for_selector("#results table.results tbody tr")
    rows = page.locator("#results table.results tbody tr").count()
    assert rows >= 6
    assert "Missile strike on a Kharkiv fuel depot" in page.inner_text("#results")
    assert "results." in page.inner_text("#status")
    shot(page, "sparql")


def test_home_page_ingests_an_annotated_file(site, page, tmp_path):
    page.goto(f"{site.url}/")
    assert "articles" in page.inner_text("#stats")
    doc = ta.ukraine_report()
    path = tmp_path / "report.json"
    path.write_text(json.dumps(doc), "utf-8")
    page.set_input_files("input[name=file]", str(path))
    page.fill("input[name=token]", TOKEN)
    page.click("#ingest button[type=submit]")
    page.wait_for_selector("#ingest-status a")
    assert "ukraine-withdrawal" in page.inner_text("#ingest-status")
    shot(page, "home-ingest")
    page.click("#ingest-status a")
    page.wait_for_selector("#article-title")
    assert page.inner_text("#article-title") == "Russian forces pull back"


def test_home_page_reports_a_refused_write(site, page):
    page.goto(f"{site.url}/")
    page.fill("textarea[name=text]", "Some text.")
    page.fill("input[name=token]", "wrong")
    page.click("#ingest button[type=submit]")
    page.wait_for_function("document.getElementById('ingest-status').textContent"
                           ".startsWith('Not stored')")
