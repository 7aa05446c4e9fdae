"""Helpers for the browser tests: the production server in a subprocess, headless Chromium, axe-core.

The server is `moedebog serve` itself (gunicorn and WhiteNoise, as in production), started on a
free port of 127.0.0.1 against the test database. Chromium is Debian's (/usr/bin/chromium) driven
by Playwright; axe-core comes from npm (`npm ci --prefix tests/site`). Where one of them is missing
the browser tests are skipped, unless MOEDEBOG_REQUIRE_BROWSER=1 (set by .ci/run) makes that an error.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CHROMIUM = os.environ.get("MOEDEBOG_CHROMIUM", "/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "bench" / "results" / "screenshots"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if not AXE.exists():
        return "axe-core is missing (npm ci --prefix tests/site)"
    return None


def require() -> None:
    reason = missing()
    if reason is None:
        return
    if os.environ.get("MOEDEBOG_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`moedebog serve` on 127.0.0.1 against the given database, until stopped."""

    def __init__(self, database_url: str, threads: int = 4) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "moedebog", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", "2", "--threads", str(threads)]
        log_path = ROOT / "bench" / "results" / "browser-server.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)  # gitignored: absent in a fresh clone
        self.log = open(log_path, "w")  # noqa: SIM115
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait()

    def _wait(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moedebog serve exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("moedebog serve did not answer in time")

    def stop(self) -> None:
        """Stop gunicorn and its workers (its own process group), so no connection outlives the tests."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the workers leave after the master
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        self.log.close()


def wait_for_other_sessions(connection, timeout: float = 10) -> None:
    """PostgreSQL ends a server process's sessions a moment after the process is gone; the test
    database can only be dropped when they have."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND pid <> pg_backend_pid()")
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.2)


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page (all rules that axe runs by default, best practices too)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => { const r = await axe.run(document); return r.violations; }")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result]


def describe(violations: list[dict]) -> str:
    return json.dumps(violations, ensure_ascii=False, indent=1)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
