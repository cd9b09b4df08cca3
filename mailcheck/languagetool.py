"""LanguageTool as an optional grammar backend, driven through language-tool-python.

Drafts are confidential: nothing is sent anywhere unless the user configured a
server in ``[tool.mailcheck.languagetool]``::

    remote-server = "http://localhost:8081"   # a LanguageTool server the user runs
    path = "/opt/LanguageTool-6.6"             # or an existing install, started here
    timeout = 15                               # seconds to wait for either (default)

or set ``LTP_PATH`` to an install (or to a folder of ``LanguageTool-*``
installs, as language-tool-python keeps them).

Left to itself, language-tool-python would download LanguageTool when the
install does not match its pinned version, try hundreds of ports when a broken
install's server exits, and wait up to 300 seconds per request. So the library
is only ever given a server URL (its remote mode, which never starts or
downloads anything), with a request timeout of ours. A local install is started
here, with the command the library builds for it, on one free port; a missing
java or jar fails at once, a server that exits or does not answer within
``timeout`` fails then, each with one line that says what to fix.
"""

from __future__ import annotations

import atexit
import functools
import ipaddress
import os
import re
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import ConfigError

DEFAULT_TIMEOUT = 15.0
LANGUAGE = "en-US"
_PROBE_INTERVAL = 0.2  # seconds between two looks at a starting server


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


@functools.cache
def _client_class() -> type:
    """language-tool-python's client with a bounded request timeout.

    Imported on first use: the library (requests, psutil, …) takes about 0.15 s
    to import, which runs without LanguageTool should not pay.
    """
    from language_tool_python import LanguageTool

    class BoundedLanguageTool(LanguageTool):
        """The library has no public setting for its request timeout: every request
        reads ``_TIMEOUT`` (300 s), which here is the instance's ``timeout``.
        It is set before ``__init__``, whose first request asks for the languages."""

        def __init__(self, url: str, timeout: float, **options: Any):
            self.timeout = timeout
            super().__init__(LANGUAGE, remote_server=url, **options)

        @property
        def _TIMEOUT(self) -> float:  # type: ignore[override]  # noqa: N802 (the library's name)
            return self.timeout

    return BoundedLanguageTool


class Server:
    """A running LanguageTool HTTP server at ``url`` (the part before ``/v2/``).

    Connecting asks the server for its languages, so a wrong URL fails here,
    not on the first draft. A request waits at most ``timeout`` seconds; the
    library tries a check a second time when the first fails.
    """

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT):
        self.url = url.rstrip("/").removesuffix("/v2")
        with _reported(self.url):
            self._tool = _client_class()(self.url + "/", timeout, proxies=_proxies(self.url))

    def check(self, text: str, skipped: Sequence[tuple[int, int]] = ()) -> list[Match]:
        """The matches in ``text``. The ``skipped`` spans are not sent: each of
        their characters goes as a line break, so offsets still index ``text``
        and LanguageTool reads a paragraph break there."""
        sent = _blanked(text, skipped)
        with _reported(self.url):
            found = self._tool.check(sent)
        return [
            Match(
                start=m.offset,
                end=_end(sent, m.offset, m.error_length),
                message=m.message,
                category=m.category,
                rule_id=m.rule_id,
                replacements=tuple(r for r in m.replacements[:3] if r),
            )
            for m in found
        ]


class LocalServer(Server):
    """A server started here from an existing install, stopped when the process exits."""

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT):
        from language_tool_python.exceptions import JavaError

        self.install = path
        port = _free_port()
        try:
            command = _install(path).get_server_cmd(port)
        except JavaError:
            raise LanguageToolError(f"LanguageTool at {path} needs Java, and no `java` is on the PATH") from None
        # A file, not a pipe: a pipe nobody reads would block the server once full.
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        atexit.register(self.stop)
        self._wait_until_ready(f"http://127.0.0.1:{port}", timeout)

    def _wait_until_ready(self, url: str, timeout: float) -> None:
        """Connect once the server answers: each try may wait what is left of ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise LanguageToolError(f"LanguageTool at {self.install} did not start: {self._last_words()}")
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise LanguageToolError(
                    f"LanguageTool at {self.install} did not answer within {timeout:g} s"
                    " (raise `timeout` if it is slow)"
                )
            try:
                super().__init__(url, left)
                break
            except LanguageToolError:  # not listening yet
                time.sleep(min(_PROBE_INTERVAL, left))
        self._tool.timeout = timeout

    def _last_words(self) -> str:
        """Java's last line: "Caused by: java.lang.ClassNotFoundException: …", "… UnsupportedClassVersionError …"."""
        self.log.seek(0)
        lines = [line.strip() for line in self.log.read().splitlines() if line.strip()]
        return lines[-1] if lines else f"exit code {self.process.returncode}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _install(path: Path):
    """The install at ``path``, or the newest ``LanguageTool-*`` install inside it (the layout of LTP_PATH)."""
    from language_tool_python.download_lt import LocalLanguageTool

    if not path.is_dir():
        raise LanguageToolError(f"LanguageTool path {path} is not a folder")
    installed = _installed_class()
    if installed(path).has_jar():
        return installed(path)
    versions = []
    for folder in path.glob("LanguageTool-*"):
        with suppress(ValueError):  # a name the library reads no version from is none of its installs
            versions.append((LocalLanguageTool.from_path(folder), folder))
    for _version, folder in sorted(versions, key=lambda pair: pair[0], reverse=True):
        if installed(folder).has_jar():
            return installed(folder)
    raise LanguageToolError(
        f"no languagetool-server.jar or languagetool.jar in {path} or a LanguageTool-* folder in it;"
        " is it a LanguageTool install?"
    )


@functools.cache
def _installed_class() -> type:
    """The library's class for an install, for a folder the user named.

    The library looks for installs only in its download folder (LTP_PATH, or a
    cache folder it creates) and downloads a missing one; this one is used
    where it is and never downloaded. Only its server command is used.
    """
    from language_tool_python.download_lt import ReleaseLocalLanguageTool

    class InstalledLanguageTool(ReleaseLocalLanguageTool):
        def __init__(self, folder: Path):
            super().__init__(folder.name.removeprefix("LanguageTool-"))
            self.folder = folder

        def get_directory_path(self) -> Path:
            return self.folder

        def download(self) -> None:
            raise LanguageToolError(f"mailcheck does not download LanguageTool; {self.folder} must be an install")

        def has_jar(self) -> bool:
            try:
                self.get_jar_path()
            except FileNotFoundError:
                return False
            return True

    return InstalledLanguageTool


@contextmanager
def _reported(url: str) -> Iterator[None]:
    """The library's failures as one line that says which server and why."""
    from language_tool_python.exceptions import LanguageToolError as LibraryError

    try:
        yield
    except LibraryError as err:
        # requests' errors are OSErrors, its JSONDecodeError (an answer, not JSON) too.
        if isinstance(err.__cause__, OSError) and not isinstance(err.__cause__, ValueError):
            raise LanguageToolError(f"LanguageTool at {url} cannot be reached: {_root_cause(err)}") from err
        raise LanguageToolError(f"LanguageTool at {url} answered: {_one_line(str(err))}") from err
    except (ValueError, LookupError, TypeError, AttributeError) as err:
        # JSON of another shape, or a server without English.
        raise LanguageToolError(f"LanguageTool at {url} did not answer like LanguageTool: {err}") from err


def _root_cause(err: BaseException) -> str:
    """The words of the socket error that ends the chain: "Connection refused", "timed out", …"""
    while err.__cause__ is not None or err.__context__ is not None:
        err = err.__cause__ or err.__context__
    return (err.strerror if isinstance(err, OSError) else None) or _one_line(str(err))


def _one_line(text: str) -> str:
    """An answer as one line: the words of an HTML error page ("404 Not Found nginx"), or LanguageTool's text."""
    words = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    return (words[:200] + "…" if len(words) > 200 else words) or "(nothing)"


def _proxies(url: str) -> dict[str, None] | None:
    """No proxy for a server on this machine: a proxy from the environment (HTTP_PROXY)
    cannot reach this machine's loopback, and must not see the drafts. Elsewhere the
    environment's proxies apply, as for any request (None)."""
    host = urllib.parse.urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    with suppress(ValueError):
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return {"http": None, "https": None}  # requests: None drops the environment's value
    return None


def _blanked(text: str, skipped: Sequence[tuple[int, int]]) -> str:
    parts, cursor = [], 0
    for start, end in sorted(skipped):
        start = max(start, cursor)
        if end > start:
            parts += [text[cursor:start], "\n" * (end - start)]
            cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _end(text: str, start: int, length: int) -> int:
    """Where a match of ``length`` UTF-16 code units (Java's count) ends in ``text``.

    The library turns a match's offset into a Python index, not its length: a
    character beyond U+FFFF (an emoji, a styled letter) counts twice in Java.
    """
    end = start
    while length > 0 and end < len(text):
        length -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
        timeout = 0.0
    if not timeout > 0:
        return LanguageToolError(f"languagetool: timeout must be a number of seconds, not {settings['timeout']!r}")
    try:
        if settings.get("remote-server"):
            return Server(settings["remote-server"], timeout)
        return LocalServer(Path(settings["path"]).expanduser(), timeout)
    except LanguageToolError as err:
        return err
