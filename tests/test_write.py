"""Writing safe fixes back into draft files (mailcheck.write and ``check --fix/--diff``).

The writer is rule-agnostic: these tests give it findings with safe fixes and
check that exactly those spans change, in every encoding a draft arrives in.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import mailcheck.write as write
from mailcheck.model import Edit, Finding, Fix, Message, Source
from mailcheck.read import read_bytes, read_file
from mailcheck.results import FileResult
from mailcheck.write import plan, write_atomically

ROOT = Path(__file__).parent.parent
READ = Path(__file__).parent / "data" / "read"


def _finding(*edits: Edit, applicability: str = "safe") -> Finding:
    return Finding("TEST-FIX", "test", (), "professional", "warning", "m", "body", 0, 0,
                   fix=Fix(tuple(edits), applicability))


def _copy(tmp_path: Path, source: Path) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def _plan(path: Path, replace: dict[str, str] | None = None, subject: str | None = None, **kind):
    message = read_file(path)
    findings = []
    for old, new in (replace or {}).items():
        at = message.text.index(old)
        findings.append(_finding(Edit(at, at + len(old), new)))
    if subject is not None:
        findings.append(_finding(Edit(0, len(message.subject), subject, target="subject")))
    return message, plan(FileResult(str(path), findings, message=message))


def _edit(message: Message) -> tuple[str, str]:
    """A change to make: an English word in capitals, or else a full-width comma made ASCII."""
    word = re.search(r"(?<![\w.@/-])[A-Za-z]{4,}(?![\w.@/-])", message.text)
    return (word.group(), word.group().upper()) if word else ("，", ", ")


def _header_block(data: bytes) -> bytes:
    """The header lines and the blank line after them."""
    return re.match(rb"(?s).*?\r?\n\r?\n", data).group()


def _reads_back(rewrite, message: Message) -> Message:
    return read_bytes(rewrite.data, str(rewrite.path), message.source.kind)


# -- plain-text drafts ---------------------------------------------------------------------
def test_utf16_notepad_draft_keeps_bom_crlf_and_every_other_byte(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "014-de-wiper-blades.txt")
    message, rewrite = _plan(path, {"12 sizes.The": "12 sizes. The"})
    old = path.read_bytes()
    assert rewrite.data == old.replace("sizes.The".encode("utf-16-le"), "sizes. The".encode("utf-16-le"), 1)
    assert rewrite.data.startswith(b"\xff\xfe") and b"\r\x00\n\x00" in rewrite.data
    assert "12 sizes. The multi-adapter" in _reads_back(rewrite, message).text


@pytest.mark.parametrize("name", ["utf8_bom.md", "gbk_headers.txt", "cp1252.txt", "big5.txt", "headers.txt"])
def test_text_drafts_in_their_own_encoding(tmp_path, name):
    path = _copy(tmp_path, READ / "text" / name)
    message = read_file(path)
    old_text, new_text = _edit(message)
    _, rewrite = _plan(path, {old_text: new_text})
    assert rewrite.data is not None, [n.en for n in rewrite.notes]
    codec = message.source.encoding.replace("-sig", "")
    old = path.read_bytes()
    at = old.index(old_text.encode(codec))
    assert rewrite.data == old[:at] + new_text.encode(codec) + old[at + len(old_text.encode(codec)) :]
    assert _reads_back(rewrite, message).text == message.text.replace(old_text, new_text, 1)


def test_a_subject_header_line_of_a_text_draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Subject: RE: RE: Re: LED panel price\r\nTo: Klaus Weber <k.weber@lichtwerk.de>\r\n\r\nDear Mr. Weber,\r\n")
    message, rewrite = _plan(path, subject="RE: LED panel price")
    assert rewrite.data == b"Subject: RE: LED panel price\r\nTo: Klaus Weber <k.weber@lichtwerk.de>\r\n\r\nDear Mr. Weber,\r\n"
    assert rewrite.diff().splitlines()[2:] == [
        "@@ -1,3 +1,3 @@", "-Subject: RE: RE: Re: LED panel price", "+Subject: RE: LED panel price", " ", " Dear Mr. Weber,"
    ]


# -- mail files ----------------------------------------------------------------------------
def test_8bit_mail_with_an_attachment(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "001-de-led-panels.eml")
    message = read_file(path)
    old_word = message.text.split()[3]
    _, rewrite = _plan(path, {old_word: old_word + "!"})
    old = path.read_bytes()
    at = old.index(old_word.encode())
    assert rewrite.data == old[:at] + (old_word + "!").encode() + old[at + len(old_word.encode()) :]
    assert _reads_back(rewrite, message).attachments == message.attachments


def test_quoted_printable_part_is_re_encoded_and_nothing_else_changes(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "003-uk-hoodies.eml")
    message, rewrite = _plan(path, {"We are professional garment factory": "We are a garment factory"})
    old, new = path.read_bytes(), rewrite.data
    assert _header_block(new) == _header_block(old)
    assert b"We are a garment factory with 15 years experience, please find attached our=\r\n price list" in new
    text = _reads_back(rewrite, message).text
    assert text == message.text.replace("We are professional garment factory", "We are a garment factory")


def test_base64_gbk_part_keeps_its_charset_and_line_length(tmp_path):
    path = _copy(tmp_path, READ / "eml" / "gbk_mislabeled.eml")
    message = read_file(path)
    old_text, new_text = _edit(message)
    _, rewrite = _plan(path, {old_text: new_text})
    old, new = path.read_bytes(), rewrite.data
    head = len(_header_block(old))
    assert new[:head] == old[:head]
    lines = new[head:].split(b"\n")
    assert {len(line.rstrip(b"\r")) for line in lines[:-2]} == {len(old[head:].split(b"\n")[0].rstrip(b"\r"))}
    decoded = base64.b64decode(b"".join(lines)).decode("gb18030")
    assert decoded.replace("\r\n", "\n").rstrip() == message.text.replace(old_text, new_text, 1)
    assert _reads_back(rewrite, message).text == message.text.replace(old_text, new_text, 1)


def test_big5_quoted_printable(tmp_path):
    path = _copy(tmp_path, READ / "eml" / "big5_hk.eml")
    message = read_file(path)
    old_text, new_text = _edit(message)
    _, rewrite = _plan(path, {old_text: new_text})
    assert _reads_back(rewrite, message).text == message.text.replace(old_text, new_text, 1)
    assert _header_block(rewrite.data) == _header_block(path.read_bytes())


def test_a_non_ascii_subject_is_written_as_rfc2047(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "005-sa-pump-parts.eml")
    message, rewrite = _plan(path, subject="RE: RFQ - 机械密封 for CDL pumps")
    new = rewrite.data
    assert b"Subject: =?utf-8?b?" in new
    assert _reads_back(rewrite, message).subject == "RE: RFQ - 机械密封 for CDL pumps"
    old = path.read_bytes()
    start = old.index(b"Subject:")
    end = old.index(b"\n", old.index(b"\n", start) + 1) + 1  # the subject is folded over two lines
    assert new[:start] == old[:start] and new.endswith(old[end:])


def test_an_ascii_subject_replaces_the_whole_folded_field(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "012-au-outdoor-furniture.eml")
    message, rewrite = _plan(path, subject="RE: Aluminium outdoor dining set - 7 piece")
    assert b"\r\nSubject: RE: Aluminium outdoor dining set - 7 piece\r\n" in rewrite.data
    assert len(rewrite.data.splitlines()) == len(path.read_bytes().splitlines()) - 1


def test_emlx_length_line_follows_the_message(tmp_path):
    path = _copy(tmp_path, READ / "apple" / "48213.emlx")
    message = read_file(path)
    word = _edit(message)[0]
    _, rewrite = _plan(path, {word: word + "s"})
    old = path.read_bytes()
    old_length = int(old.split(b"\n", 1)[0])
    first, _, rest = rewrite.data.partition(b"\n")
    assert len(first) == len(old.split(b"\n", 1)[0]) and int(first) == old_length + 1
    assert rest[int(first) :] == old.partition(b"\n")[2][old_length:]  # the property list is untouched
    assert word + "s" in _reads_back(rewrite, message).text


# -- what is skipped -----------------------------------------------------------------------
def test_html_only_mail_keeps_its_body_but_takes_the_subject_fix(tmp_path):
    path = _copy(tmp_path, READ / "eml" / "html_outlook.eml")
    message = read_file(path)
    word = message.text.split()[2]
    _, rewrite = _plan(path, {word: word.upper()}, subject="RE: LED panel lights - prices")
    assert [n.en for n in rewrite.notes] == ["the text comes from the HTML part, which is not rewritten"]
    after = _reads_back(rewrite, message)
    assert after.subject == "RE: LED panel lights - prices" and after.text == message.text


def test_a_plain_part_with_an_html_alternative_is_not_rewritten(tmp_path):
    path = _copy(tmp_path, READ / "eml" / "alternative_attachments.eml")
    message = read_file(path)
    _, rewrite = _plan(path, {message.text.split()[0]: "Hello"})
    assert rewrite.data is None
    assert rewrite.notes[0].en.startswith("the mail also has an HTML version")


def test_format_flowed_is_not_rewritten(tmp_path):
    path = _copy(tmp_path, READ / "eml" / "flowed.eml")
    message = read_file(path)
    _, rewrite = _plan(path, {message.text.split()[0]: "Hello"})
    assert rewrite.data is None and [n.en for n in rewrite.notes] == ["format=flowed text is not rewritten"]


def test_outlook_msg_is_not_rewritten():
    message = Message("quote.msg", "Dear Ms. Kim,", source=Source(kind="msg"))
    rewrite = plan(FileResult("quote.msg", [_finding(Edit(0, 4, "Hello"))], message=message))
    assert rewrite.data is None and [n.en for n in rewrite.notes] == ["Outlook .msg files are not rewritten"]


def test_a_file_changed_since_the_check_is_left_alone(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "016-it-cookware.txt")
    message = read_file(path)
    path.write_bytes(path.read_bytes().replace(b"Dear", b"Hello", 1))
    rewrite = plan(FileResult(str(path), [_finding(Edit(0, 4, "Dear"))], message=message))
    assert rewrite.data is None and [n.en for n in rewrite.notes] == ["the file changed since it was checked"]


def test_a_file_that_does_not_decode_cleanly_is_left_alone(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Dear Tom,\n\nPrice \x81 is USD 12.50/set,we can ship.\n")
    message = read_file(path)
    at = message.text.index(",we") + 1
    rewrite = plan(FileResult(str(path), [_finding(Edit(at, at, " "))], message=message))
    assert rewrite.data is None and rewrite.notes[0].en.startswith("the file is not valid")


def test_unsafe_fixes_are_never_applied(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "000-henrique-rewritten.eml")
    message = read_file(path)
    at = message.text.index("exising")
    finding = _finding(Edit(at, at + 7, "existing"), applicability="unsafe")
    assert plan(FileResult(str(path), [finding], message=message)) is None


# -- writing -------------------------------------------------------------------------------
def test_writing_keeps_permissions_and_links_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "link.txt"]


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "draft.txt"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


# -- the command line ----------------------------------------------------------------------
def _mailcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mailcheck", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_check_diff_shows_the_fixes_and_writes_nothing(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "012-au-outdoor-furniture.eml")
    old = path.read_bytes()
    run = _mailcheck("check", "--no-cache", "--select", "STR-RECHAIN", "--diff", path.name, cwd=tmp_path)
    assert run.returncode == 1
    assert "-Subject: 回复: RE: Fw: Aluminium outdoor dining set - 7 piece\n" in run.stdout
    assert "+Subject: RE: Aluminium outdoor dining set - 7 piece\n" in run.stdout
    assert path.read_bytes() == old


def test_check_fix_writes_reports_and_checks_again(tmp_path):
    path = _copy(tmp_path, ROOT / "samples" / "012-au-outdoor-furniture.eml")
    run = _mailcheck("check", "--no-cache", "--lang", "en", "--select", "STR-RECHAIN", "--fix", path.name, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr.strip() == f"{path.name}: fixed 1 (STR-RECHAIN)"
    assert "STR-RECHAIN" not in run.stdout
    assert read_file(path).subject == "RE: Aluminium outdoor dining set - 7 piece"
