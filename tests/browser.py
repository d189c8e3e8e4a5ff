"""Headless Chromium (Debian's package, driven by Playwright) against the built site on localhost.

Every page a test opens is watched: a request to any other host, a failed request, a console
error, an uncaught exception, anything the page's Content-Security-Policy blocks or an issue
Chrome's DevTools report (a deprecated API used, a cookie or mixed-content problem) fails the
test, so each browser test also checks that the site works offline, within its policy, and
without what Lighthouse's deprecations and inspector-issues audits count.

axe-core (pinned in package.json and package-lock.json; `npm ci` installs it into node_modules/)
checks accessibility wherever a test calls ``axe_violations``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

# Chromium fires a securitypolicyviolation event for everything the policy blocks (an inline
# script, a style, a worker, a request); the listener hands each to Python at once, so it counts
# even when the page navigates or closes right after. Init scripts themselves are not subject to CSP.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.__fvdCspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI || "(none)"}`
  + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}` + (event.sample ? `: ${event.sample}` : "")
), true);
"""


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The rules outside those tags that Lighthouse's accessibility category scores (the rules it enables
# in core/gather/gatherers/accessibility.js of the pinned lighthouse, with a weight above 0 in its
# default config). Lighthouse runs the same axe-core, so an axe run with these at a phone's size
# checks what that category does (tests/test_browser_pages.py); tests/test_lighthouse.py need not.
LIGHTHOUSE_RULES = [
    "accesskeys", "aria-allowed-role", "aria-conditional-attr", "aria-deprecated-role", "aria-dialog-name",
    "aria-prohibited-attr", "aria-text", "aria-treeitem-name", "heading-order", "html-xml-lang-mismatch",
    "image-redundant-alt", "input-button-name", "link-in-text-block", "meta-viewport", "select-name", "skip-link",
    "tabindex", "table-duplicate-name", "target-size",
]
RUN_AXE = """options => axe.run(document, options).then(results => results.violations.map(violation => ({
  id: violation.id,
  impact: violation.impact,
  help: violation.help,
  nodes: violation.nodes.map(node => ({target: node.target.join(" "), summary: node.failureSummary})),
})))"""


@functools.cache
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run 'npm ci' (package-lock.json pins axe-core)")
    return AXE.read_text(encoding="utf-8")


# Resolves once no CSS transition or animation has run for five frames in a row: a scroll can
# start one (Material's header title) a frame or two after the event that caused it.
SETTLE = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let quiet = 0; quiet < 5; ) {
    await frame();
    quiet = document.getAnimations().some((animation) => animation.playState === "running") ? 0 : quiet + 1;
  }
}"""


def settle(page: Page) -> None:
    """Wait until the page's colours and positions are final: no transition or animation running."""
    page.evaluate(SETTLE)


def axe_violations(page: Page, more_rules: Sequence[str] = ()) -> list[dict]:
    """Inject axe-core (from the file, so no request leaves the site) and run the WCAG 2.1 A/AA rules and ``more_rules``."""
    page.evaluate(axe_source())  # not a <script> tag: the page's CSP would block it
    # Colours measured mid-transition are neither the old nor the new state: Material fades the
    # header title in when the page scrolls (the chooser scrolls on each answer), and axe once read
    # it at 3.4:1. Measure only once every CSS transition and animation has finished.
    settle(page)
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": True} for rule in more_rules},
        "resultTypes": ["violations"],
    }
    return page.evaluate(RUN_AXE, options)


def axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def launch() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# The DevTools issues that Lighthouse's deprecations and inspector-issues audits count. Its
# ContentSecurityPolicyIssue is left out: the listener above reports the same violations.
COUNTED_ISSUES = {"DeprecationIssue", "MixedContentIssue", "CookieIssue", "BlockedByResponseIssue", "HeavyAdIssue"}


@dataclass
class Watch:
    """What a page did that a reader would notice or that breaks offline use."""

    origin: str
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.expose_function("__fvdCspViolation", self._violation)
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        devtools = page.context.new_cdp_session(page)
        devtools.on("Audits.issueAdded", self._issue)
        devtools.send("Audits.enable")
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _failed(self, request: Request) -> None:
        # A navigation cancels the requests still in flight (ERR_ABORTED); that is not a failure.
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url} ({request.failure})")

    def _violation(self, report: str) -> None:
        self.csp_violations.append(report)

    def _issue(self, event: dict) -> None:
        if event["issue"]["code"] in COUNTED_ISSUES:
            self.issues.append(f"{event['issue']['code']}: {event['issue']['details']}")

    def _request(self, request: Request) -> None:
        if not request.url.startswith((self.origin, "data:", "blob:", "about:")):
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.csp_violations == [], "the Content-Security-Policy blocked something"
        assert self.foreign_requests == [], "requests left the site"
        assert self.failed_requests == [], "requests failed"
        assert self.errors == [], "console errors"
        assert self.issues == [], "Chrome reported issues (deprecated APIs, cookies, mixed content)"
