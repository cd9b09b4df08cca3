"""The optional LanguageTool backend of PRO-SPELLING, against a local stand-in server.

mailcheck drives LanguageTool through language-tool-python, which asks a
server ``GET /v2/languages`` when it connects and ``POST /v2/check`` (form
fields ``language`` and ``text``) for every text. The stand-in answers both as
LanguageTool does: matches with offsets in UTF-16 code units, a rule with its
category and issue type, and the context around the match.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from language_tool_python.download_lt import LocalLanguageTool
from language_tool_python.server import LanguageTool

import mailcheck.languagetool as lt
from mailcheck import check
from mailcheck.languagetool import LanguageToolError

# What the stand-in finds: (text, category, rule id, message, replacement).
PROBLEMS = [
    ("will high", "GRAMMAR", "MD_BASEFORM", "The modal verb 'will' requires the verb's base form.", "will be high"),
    ("exising", "TYPOS", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", "existing"),
    ("MOQ", "TYPOS", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", "MOW"),
    ("Henrique", "TYPOS", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", "Henri"),
    ("colour", "TYPOS", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", "color"),
    # Mathematical bold letters, as pasted from styled text: each is two UTF-16 code units.
    ("𝐛𝐞𝐬𝐭", "TYPOS", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", "best"),
    ("  ", "TYPOGRAPHY", "WHITESPACE_RULE", "Possible typo: you repeated a whitespace", " "),
    ("a information", "GRAMMAR", "EN_A_VS_AN", "Use 'an' instead of 'a'.", "an information"),
]
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _matches(text: str) -> list[dict]:
    found = []
    for needle, category, rule_id, message, replacement in PROBLEMS:
        at = text.find(needle)
        while at != -1:
            found.append(
                {
                    "message": message,
                    "offset": _utf16(text[:at]),
                    "length": _utf16(needle),
                    "replacements": [{"value": replacement}],
                    "context": {"text": text, "offset": _utf16(text[:at]), "length": _utf16(needle)},
                    "rule": {
                        "id": rule_id,
                        "issueType": "misspelling" if category == "TYPOS" else "grammar",
                        "category": {"id": category, "name": category.title()},
                    },
                }
            )
            at = text.find(needle, at + 1)
    return found


class _StandIn(BaseHTTPRequestHandler):
    requests: list[dict[str, str]]

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if urllib.parse.urlsplit(self.path).path == "/v2/languages":
            self._answer(LANGUAGES)
        else:
            self.send_error(404)

    def do_POST(self):  # noqa: N802
        length = int(self.headers["Content-Length"])
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
        self.requests.append(form)
        software = {"name": "LanguageTool", "version": "6.6"}
        self._answer({"software": software, "matches": _matches(form["text"])})

    def _answer(self, reply) -> None:
        body = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _stand_in(port: int = 0) -> ThreadingHTTPServer:
    handler = type("Handler", (_StandIn,), {"requests": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.requests = handler.requests
    return httpd


@pytest.fixture
def server():
    httpd = _stand_in()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


DRAFT = """Subject: Re: Electric scooter 500W with seat

Dear Henrique,

Thank you for your email 👍 of 2 March. Our exising model EC-ES04 is about the same, the MOQ is 50 pcs and the colour is black. If you need, we can do it for you. But the price will high.

Best regards,
Douglas Zhang
Sales Manager, a information desk

On Mon, Mar 2, 2026 at 9:20 PM Henrique Almeida <henrique@movi.com.br> wrote:
> Please quote 200 units, the price will high is not ok.
"""


def _spelling(server_url: str, draft: str = DRAFT, **overrides):
    result = check(draft, select=("PRO-SPELLING",), lang="en", languagetool={"remote-server": server_url}, **overrides)
    return result.findings


def test_grammar_matches_become_findings(server):
    findings = _spelling(server.url)
    grammar = [f for f in findings if f.message.startswith("Grammar:")]
    assert [(f.excerpt, f.suggestion) for f in grammar] == [("will high", 'Replace with "will be high".')]
    assert grammar[0].message == "Grammar: The modal verb 'will' requires the verb's base form."
    assert grammar[0].fix.applicability == "unsafe"


def test_offsets_count_characters_beyond_the_basic_plane_once(server):
    # The emoji before the match is two UTF-16 code units; the span must still be right.
    [grammar] = [f for f in _spelling(server.url) if f.message.startswith("Grammar:")]
    assert DRAFT.split("\n\n", 1)[1][grammar.start : grammar.end] == "will high"


def test_a_match_over_such_characters_keeps_its_length(server):
    # language-tool-python converts a match's offset, not its length.
    text = "Our 𝐛𝐞𝐬𝐭 price will high."
    matches = lt.Server(server.url).check(text)
    assert [text[m.start : m.end] for m in matches] == ["will high", "𝐛𝐞𝐬𝐭"]
    assert matches[1].replacements == ("best",)


def test_spelling_matches_pass_the_offline_exceptions_and_are_not_doubled(server):
    findings = _spelling(server.url)
    # "MOQ" (trade term), "Henrique" (the buyer), "colour" (British) are dropped;
    # "exising" is reported once, by the offline check, with its suggestion.
    assert sorted(f.excerpt for f in findings) == ["exising", "will high"]
    [typo] = [f for f in findings if f.excerpt == "exising"]
    assert typo.message == '"exising" looks misspelt.'


def test_only_the_writers_text_is_sent(server):
    _spelling(server.url)
    [request] = server.requests[-1:]
    assert "But the price will high." in request["text"]
    # Neither the signature after the closing nor the quoted inquiry is sent.
    assert "a information desk" not in request["text"]
    assert "Please quote 200 units" not in request["text"]
    assert request["language"] == "en-US"


def test_skipped_spans_are_not_sent_and_offsets_stay_those_of_the_whole_text(server):
    text = "Our price will high.\n-- \nthe price will high 🙂\nSee you, the price will high."
    skipped = [(text.index("-- "), text.index("See you"))]
    matches = lt.Server(server.url).check(text, skipped)
    assert "the price will high 🙂" not in server.requests[-1]["text"]
    assert [(text[m.start : m.end], m.category) for m in matches] == [("will high", "GRAMMAR")] * 2
    assert matches[1].start == text.rindex("will high")


def test_typography_is_left_to_the_other_rules(server):
    draft = "Dear Ms. Kim,\n\nThe samples  leave tomorrow.\n\nBest regards,\nLily\n"
    assert _spelling(server.url, draft) == []


def test_nothing_is_sent_anywhere_without_a_configured_server(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a network connection was opened")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.delenv("LTP_PATH", raising=False)
    findings = check(DRAFT, select=("PRO-SPELLING",), lang="en").findings
    assert [f.excerpt for f in findings] == ["exising"]
    assert lt.server_for({}) is None


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_server_fails_with_one_line():
    url = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(LanguageToolError) as failure:
        _spelling(url)
    assert str(failure.value) == f"LanguageTool at {url} cannot be reached: Connection refused"


def test_a_server_that_never_answers_fails_after_the_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(LanguageToolError) as failure:
            lt.server_for({"remote-server": url, "timeout": "0.5"})
    # Without the bound the library would wait 300 s for the answer.
    assert str(failure.value) == f"LanguageTool at {url} cannot be reached: timed out"


def test_a_server_that_is_no_languagetool_is_named():
    # http.server's own handler: an HTML page "Unsupported method" to every request.
    handler = type("Handler", (BaseHTTPRequestHandler,), {"log_message": lambda *args: None})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with pytest.raises(LanguageToolError) as failure:
            lt.server_for({"remote-server": url})
    finally:
        httpd.shutdown()
        httpd.server_close()
    message = str(failure.value)
    assert message.startswith(f"LanguageTool at {url} answered: Error response")
    assert "Unsupported method" in message
    assert "\n" not in message


def test_the_failure_is_remembered_for_the_next_drafts(monkeypatch):
    url = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(LanguageToolError):
        lt.server_for({"remote-server": url})
    monkeypatch.setattr(lt, "_connect", lambda settings: pytest.fail("tried to connect again"))
    with pytest.raises(LanguageToolError):
        lt.server_for({"remote-server": url})


def test_unknown_settings_and_a_wrong_timeout_are_named():
    with pytest.raises(LanguageToolError, match="unknown key"):
        lt.server_for({"server": "http://localhost:8081"})
    with pytest.raises(LanguageToolError, match="timeout must be a number of seconds, not 'soon'"):
        lt.server_for({"remote-server": "http://localhost:8081", "timeout": "soon"})


# -- a local install ---------------------------------------------------------------
def test_a_path_that_is_no_install(tmp_path):
    with pytest.raises(LanguageToolError, match="no languagetool-server.jar or languagetool.jar in"):
        lt.server_for({"path": str(tmp_path)})
    with pytest.raises(LanguageToolError, match="is not a folder"):
        lt.server_for({"path": str(tmp_path / "LanguageTool-6.6")})


def _install(folder: Path, version: str = "6.6") -> Path:
    install = folder / f"LanguageTool-{version}"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    return install


def _java(tmp_path: Path, script: str, monkeypatch) -> Path:
    """A `java` first on the PATH that runs ``script`` instead of LanguageTool."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(script)
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return java


def test_an_install_without_java(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(LanguageToolError, match="needs Java, and no `java` is on the PATH"):
        lt.server_for({"path": str(_install(tmp_path))})


def test_a_broken_install_fails_at_once_with_javas_last_line(tmp_path, monkeypatch):
    error = "Error: Could not find or load main class org.languagetool.server.HTTPServer"
    _java(tmp_path, f"#!/bin/sh\necho '{error}' >&2\nexit 1\n", monkeypatch)
    _install(tmp_path)
    with pytest.raises(LanguageToolError) as failure:
        lt.server_for({"path": str(tmp_path), "timeout": "30"})  # the folder holding LanguageTool-6.6
    assert str(failure.value) == f"LanguageTool at {tmp_path} did not start: {error}"


def test_an_install_that_never_answers_is_stopped_after_the_timeout(tmp_path, monkeypatch):
    pid_file = tmp_path / "java.pid"
    _java(tmp_path, f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n", monkeypatch)
    with pytest.raises(LanguageToolError) as failure:
        lt.server_for({"path": str(_install(tmp_path)), "timeout": "0.5"})
    assert str(failure.value).endswith("did not answer within 0.5 s (raise `timeout` if it is slow)")
    with pytest.raises(ProcessLookupError):  # stopped, not left running
        os.kill(int(pid_file.read_text()), 0)


def _serve(port: int) -> None:
    """The stand-in as the server process a fake `java` starts."""
    _stand_in(port).serve_forever()


def test_an_install_runs_with_the_librarys_command_and_is_never_downloaded(tmp_path, monkeypatch):
    here = Path(__file__).parent
    _java(
        tmp_path,
        f"#!{sys.executable}\nimport sys\nsys.path[:0] = [{str(here)!r}, {str(here.parent)!r}]\n"
        "from test_languagetool import _serve\n_serve(int(sys.argv[sys.argv.index('-p') + 1]))\n",
        monkeypatch,
    )

    def no_download(*args, **kwargs):
        raise AssertionError("language-tool-python was asked to download or start LanguageTool")

    monkeypatch.setattr(LocalLanguageTool, "_get_remote_zip", no_download)
    monkeypatch.setattr(LanguageTool, "_start_local_server", no_download)
    # A proxy from the environment must not see the drafts sent to this machine's server.
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{_closed_port()}")
    _install(tmp_path, "6.9")
    newest = _install(tmp_path, "6.10")  # by version, not by name

    settings = {"path": str(tmp_path)}
    server = lt.server_for(settings)
    try:
        port = server.url.rsplit(":", 1)[1]
        assert server.process.args[1:] == [
            "-cp", str(newest / "languagetool-server.jar"), "org.languagetool.server.HTTPServer", "-p", port
        ]
        findings = check(DRAFT, select=("PRO-SPELLING",), lang="en", languagetool=settings).findings
        assert sorted(f.excerpt for f in findings) == ["exising", "will high"]
    finally:
        server.stop()


def test_the_command_line_reports_the_failure_in_one_line(tmp_path):
    url = f"http://127.0.0.1:{_closed_port()}"
    (tmp_path / "mailcheck.toml").write_text(f'[languagetool]\nremote-server = "{url}"\n')
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Ms. Kim,\n\nThe samples leave tomorrow.\n\nBest regards,\nLily\n")
    run = subprocess.run(
        [sys.executable, "-m", "mailcheck", "check", "--no-cache", "--select", "PRO-SPELLING", str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"mailcheck: error: LanguageTool at {url} cannot be reached: Connection refused"
    ]


# -- a real LanguageTool, when the environment has one ------------------------------
REAL = {"remote-server": os.environ["MAILCHECK_LT_SERVER"]} if os.environ.get("MAILCHECK_LT_SERVER") else (
    {"path": os.environ["LTP_PATH"], "timeout": "120"} if os.environ.get("LTP_PATH") else None
)


@pytest.mark.skipif(REAL is None, reason="set MAILCHECK_LT_SERVER (a server URL) or LTP_PATH (an install)")
def test_a_real_languagetool_finds_the_seed_000_grammar_error():
    draft = "Dear Henrique,\n\nIf you really need, we can do it for you. But the price will high.\n\nBest regards,\nDouglas\n"
    findings = check(draft, select=("PRO-SPELLING",), lang="en", languagetool=REAL).findings
    assert any("will high" in f.excerpt or "high" in f.excerpt for f in findings), [
        (f.excerpt, f.message) for f in findings
    ]
