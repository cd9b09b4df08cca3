"""LanguageTool as an optional grammar backend, spoken to over its HTTP API.

Drafts are confidential: nothing is sent anywhere unless the user configured a
server in ``[tool.mailcheck.languagetool]``::

    remote-server = "http://localhost:8081"   # a LanguageTool server the user runs
    path = "/opt/LanguageTool-6.6"             # or an existing install, started here
    timeout = 15                               # seconds to wait for either (default)

or set ``LTP_PATH`` to an install (or to a folder of ``LanguageTool-*``
installs, as language-tool-python keeps them). The documented ``/v2/check``
API is called with the standard library. language-tool-python is not used for
this because it downloads LanguageTool when the install does not match its
pinned version (a network call the user did not ask for), retries hundreds of
ports when a broken install's server exits, and waits up to 300 seconds per
request. Here start-up is bounded: a missing java or jar fails at once, a
server that exits or does not answer within ``timeout`` fails then, each with
one line that says what to fix.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError

DEFAULT_TIMEOUT = 15.0
LANGUAGE = "en-US"
_SERVER_CLASS = "org.languagetool.server.HTTPServer"
_JARS = ("languagetool-server.jar", "languagetool.jar")


class LanguageToolError(ConfigError):
    """The configured LanguageTool cannot be used; the message is one line saying why."""


@dataclass(frozen=True)
class Match:
    """One problem LanguageTool found; ``start``/``end`` index the Python string that was checked."""

    start: int
    end: int
    message: str
    category: str  # LanguageTool's category id: "TYPOS", "GRAMMAR", …
    rule_id: str
    replacements: tuple[str, ...]


class Server:
    """A running LanguageTool HTTP server at ``url`` (the part before ``/v2/``)."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT):
        url = url.rstrip("/")
        self.url = url[: -len("/v2")] if url.endswith("/v2") else url
        self.timeout = timeout

    def check(self, text: str, markup: Sequence[tuple[int, int]] = (), language: str = LANGUAGE) -> list[Match]:
        """The matches in ``text``; the ``markup`` spans are skipped (read as a paragraph break)."""
        params = {"data": json.dumps({"annotation": _annotation(text, markup)}), "language": language}
        reply = self._post("/v2/check", params)
        to_python = _utf16_to_python(text)
        matches = []
        for raw in reply.get("matches", []):
            start = to_python(raw["offset"])
            end = to_python(raw["offset"] + raw["length"])
            rule = raw.get("rule", {})
            matches.append(
                Match(
                    start=start,
                    end=end,
                    message=raw.get("message", ""),
                    category=rule.get("category", {}).get("id", ""),
                    rule_id=rule.get("id", ""),
                    replacements=tuple(r["value"] for r in raw.get("replacements", [])[:3] if r.get("value")),
                )
            )
        return matches

    def ping(self, timeout: float | None = None) -> None:
        """Raise LanguageToolError unless the server answers a check."""
        self._post("/v2/check", {"text": "Ping.", "language": LANGUAGE}, timeout)

    def _post(self, path: str, params: Mapping[str, str], timeout: float | None = None) -> dict:
        request = urllib.request.Request(
            self.url + path,
            data=urllib.parse.urlencode(params).encode("utf-8"),
            headers={"Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            raise LanguageToolError(
                f"LanguageTool at {self.url} answered {err.code}: {detail[0] if detail else err.reason}"
            ) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise LanguageToolError(f"LanguageTool at {self.url} cannot be reached: {reason}") from err
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise LanguageToolError(f"LanguageTool at {self.url} did not answer with JSON: {err}") from err


class LocalServer(Server):
    """A server started here from an existing install, stopped when the process exits."""

    def __init__(self, install: Path, timeout: float = DEFAULT_TIMEOUT):
        self.install = install
        port = _free_port()
        super().__init__(f"http://127.0.0.1:{port}", timeout)
        java = shutil.which("java")
        if java is None:
            raise LanguageToolError(f"LanguageTool at {install} needs Java, and no `java` is on the PATH")
        command = [java, "-cp", str(_jar(install)), _SERVER_CLASS, "--port", str(port)]
        # A file, not a pipe: a pipe nobody reads would block the server once full.
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        atexit.register(self.stop)
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        port = int(self.url.rsplit(":", 1)[1])
        while (left := deadline - time.monotonic()) > 0:
            if self.process.poll() is not None:
                self.log.seek(0)
                lines = [line for line in self.log.read().splitlines() if line.strip()]
                why = lines[-1].strip() if lines else f"exit code {self.process.returncode}"
                raise LanguageToolError(f"LanguageTool at {self.install} did not start: {why}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=min(left, 0.5)):
                    pass
                self.ping(timeout=max(left, 0.1))
                return
            except (OSError, LanguageToolError):
                time.sleep(0.2)
        self.stop()
        raise LanguageToolError(
            f"LanguageTool at {self.install} did not answer within {self.timeout:g} s (raise `timeout` if it is slow)"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _jar(install: Path) -> Path:
    """The server jar of an install, or of the newest ``LanguageTool-*`` install inside ``install``."""
    if not install.is_dir():
        raise LanguageToolError(f"LanguageTool path {install} is not a folder")
    folders = [install] + sorted(install.glob("LanguageTool-*"), key=lambda p: p.name, reverse=True)
    for folder in folders:
        for name in _JARS:
            if (folder / name).is_file():
                return folder / name
    raise LanguageToolError(f"no {' or '.join(_JARS)} in {install}; is it a LanguageTool install?")


def _annotation(text: str, markup: Sequence[tuple[int, int]]) -> list[dict[str, str]]:
    parts, cursor = [], 0
    for start, end in sorted(markup):
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        if end > max(start, cursor):
            parts.append({"markup": text[max(start, cursor) : end], "interpretAs": "\n\n"})
        cursor = max(cursor, end)
    if cursor < len(text):
        parts.append({"text": text[cursor:]})
    return parts


def _utf16_to_python(text: str):
    """LanguageTool (Java) counts UTF-16 code units: characters beyond U+FFFF count twice."""
    if all(ord(c) <= 0xFFFF for c in text):
        return lambda offset: offset
    python_at: list[int] = []
    for index, char in enumerate(text):
        python_at.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    python_at.append(len(text))
    return lambda offset: python_at[min(offset, len(python_at) - 1)]


_servers: dict[tuple[tuple[str, str], ...], Server | LanguageToolError] = {}
_servers_lock = threading.Lock()


def server_for(settings: Mapping[str, str], environ: Mapping[str, str] = os.environ) -> Server | None:
    """The server the settings name (started and checked once per process), or None when none is configured.

    A failure is remembered, so a run over many drafts reports it once and
    does not wait again for every draft.
    """
    settings = dict(settings)
    if not settings.get("remote-server") and not settings.get("path") and environ.get("LTP_PATH"):
        settings["path"] = environ["LTP_PATH"]
    unknown = set(settings) - {"remote-server", "path", "timeout"}
    if unknown:
        known = "use remote-server, path, timeout"
        raise LanguageToolError(f"languagetool: unknown key(s) {', '.join(sorted(unknown))}; {known}")
    if not settings.get("remote-server") and not settings.get("path"):
        return None
    key = tuple(sorted(settings.items()))
    with _servers_lock:
        if key not in _servers:
            _servers[key] = _connect(settings)
        found = _servers[key]
    if isinstance(found, LanguageToolError):
        raise found
    return found


def _connect(settings: Mapping[str, str]) -> Server | LanguageToolError:
    try:
        timeout = float(settings.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        return LanguageToolError(f"languagetool: timeout must be a number of seconds, not {settings['timeout']!r}")
    try:
        if settings.get("remote-server"):
            server = Server(settings["remote-server"], timeout)
            server.ping()
            return server
        return LocalServer(Path(settings["path"]).expanduser(), timeout)
    except LanguageToolError as err:
        return err
