"""Headless Chromium (Debian's package, driven by Playwright) against the built site on localhost.

Every page a test opens is watched: a request to any other host, a failed request, a console
error, an uncaught exception or anything the page's Content-Security-Policy blocks fails the
test, so each browser test also checks that the site works offline and within its policy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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


def launch() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """What a page did that a reader would notice or that breaks offline use."""

    origin: str
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.expose_function("__fvdCspViolation", self._violation)
        page.add_init_script(REPORT_CSP_VIOLATIONS)
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

    def _request(self, request: Request) -> None:
        if not request.url.startswith((self.origin, "data:", "blob:", "about:")):
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.csp_violations == [], "the Content-Security-Policy blocked something"
        assert self.foreign_requests == [], "requests left the site"
        assert self.failed_requests == [], "requests failed"
        assert self.errors == [], "console errors"
