"""Search finds what readers type: each query must put its page in the top 3 results.

The queries are phrased the way readers search; tune the data (titles, summaries, search
boosts) when one fails, never this list's expectations.
"""

from __future__ import annotations

from playwright.sync_api import Page

QUERIES = {
    "orm": "criteria/database/",
    "admin panel": "criteria/admin/",
    "websockets": "use-cases/real-time/",
    "csrf": "criteria/security/",
    "which is faster": "criteria/performance/",
    "lts": "criteria/maintenance/",
    "migrations": "criteria/database/",
    "rest api": "criteria/rest-apis/",
    "blueprint": "criteria/project-structure/",
    "async views": "criteria/async/",
    "django rest framework": "criteria/rest-apis/",
    "login": "criteria/authentication/",
    "password hashing": "criteria/security/",
    "jinja": "criteria/templating/",
    "url routing": "criteria/routing/",
    "test client": "criteria/testing/",
    "settings": "criteria/configuration/",
    "gunicorn": "criteria/deployment/",
    "e-commerce shop": "use-cases/e-commerce/",
    "cms": "use-cases/content-sites/",
    "microservices": "use-cases/microservices/",
    "beginners": "use-cases/learning/",
    "mvp": "use-cases/rapid-development/",
    "large team": "use-cases/large-teams/",
    "release schedule": "criteria/maintenance/",
    "wsgi": "glossary/",
    "mvc": "claims/",
    "debugger": "criteria/developer-tooling/",
    "form validation": "criteria/forms/",
    "which framework": "decisions/which-framework/",
    "werkzeug": "frameworks/flask/",
    "prototype": "use-cases/prototyping/",
    "sql injection": "criteria/security/",
    "real time updates": "use-cases/real-time/",
    "code example json": "examples/json-api/",
}


# Material's search runs in a Web Worker: the page posts each query ({type: 2, data: text}) and
# the worker answers each in turn ({type: 3}). Counting both tells when the results on screen
# are the answer to the last query typed, however slowly the worker runs.
COUNT_SEARCH_MESSAGES = """
(() => {
  const NativeWorker = window.Worker;
  window.__search = { asked: [], answered: 0 };
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => { if (event.data?.type === 3) window.__search.answered += 1; });
    }
    postMessage(message, ...rest) {
      if (message?.type === 2) window.__search.asked.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
ANSWERED = "query => window.__search.asked.at(-1) === query && window.__search.answered === window.__search.asked.length"


def top_results(page: Page, site_url: str, query: str) -> list[str]:
    """Type the query into the header's search box; the first three result pages."""
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query)  # typed key by key, as a reader does
    page.wait_for_function(ANSWERED, arg=query)
    hrefs = page.eval_on_selector_all(".md-search-result__list a.md-search-result__link", "links => links.map(a => a.href)")
    assert hrefs, f"no results for {query!r}"
    pages: list[str] = []
    for href in hrefs:  # results list a page's sections under it; rank by page
        url = href.removeprefix(site_url).split("#")[0].split("?")[0]
        if url not in pages:
            pages.append(url)
    return pages[:3]


def test_every_query_finds_its_page_in_the_top_three(page: Page, site_url: str) -> None:
    """All queries in one page, one after another as a reader searches again; every miss is reported.

    One test rather than one per query: the queries share the page and its search index, which
    a test per query would load again on each pytest-xdist worker that ran some of them.
    """
    page.add_init_script(COUNT_SEARCH_MESSAGES)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    misses = {}
    for query, expected in QUERIES.items():
        if expected not in (found := top_results(page, site_url, query)):
            misses[query] = {"expected": expected, "top three": found}
    assert misses == {}, "queries whose page is not in the top three results"
