"""Where Debian's Chromium is and the flags it needs here, for the browser tests and for Lighthouse.

The flags suit a root user in a container whose only network is loopback: without the
background-networking ones, Chromium keeps trying to reach Google's hosts.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
