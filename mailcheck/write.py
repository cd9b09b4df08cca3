"""Writing safe fixes back into draft files, touching nothing but the fixed text.

``--fix`` must never damage a draft. So a file is rewritten only when every
step can be checked:

- the file still reads as the message that was checked (it did not change since);
- plain-text drafts (.txt, .md) are decoded losslessly, the edits are made at
  the same places of the decoded file (line ends and byte-order mark kept) and
  the text is encoded again with the same codec;
- in mail files (.eml, Maildir, .emlx) only the payload of the text part that
  holds the body is re-encoded (7bit, 8bit, quoted-printable or base64, as it
  was), and a subject fix rewrites only the Subject header field (RFC 2047
  encoded when it is not ASCII). Every other byte, attachments included, stays
  as it was;
- the result is read back and must give exactly the fixed subject and text
  and the same attachments; otherwise nothing is written.

What cannot be written safely — a body that exists only as HTML, ``format=flowed``
text, Outlook .msg files, messages inside an mbox — is skipped with a note.
The new file is written next to the old one and moved over it (``os.replace``),
keeping its permissions, so an interrupted run leaves the old file whole.
"""

from __future__ import annotations

import base64
import codecs
import contextlib
import difflib
import os
import quopri
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.quoprimime import body_encode
from pathlib import Path

from .fix import apply_fixes
from .model import Finding, Message
from .packs import Text
from .read import ReadError, detect_decode, read_bytes
from .read.decoding import lenient_b64decode, unix_newlines
from .results import FileResult, Report

#: Reader kinds whose files this module can rewrite.
WRITABLE = frozenset({"text", "eml", "maildir", "emlx"})
_HEADER_PARSER = BytesHeaderParser(policy=policy.default)


class Unsafe(Exception):
    """This part of the draft cannot be rewritten safely; the argument says why (a Text)."""


@dataclass
class Rewrite:
    """The safe fixes of one draft, as new file content."""

    path: Path
    #: The new bytes of the file, or None when nothing can be written.
    data: bytes | None = None
    applied: tuple[Finding, ...] = ()
    #: Why some fixes (or all) were left out.
    notes: list[Text] = field(default_factory=list)
    #: The subject and text as the buyer reads them, before and after.
    before: str = ""
    after: str = ""

    def diff(self) -> str:
        if self.data is None:
            return ""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=str(self.path) if self.path.is_absolute() else f"a/{self.path}",
            tofile=str(self.path) if self.path.is_absolute() else f"b/{self.path}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _note(en: str, zh: str) -> Text:
    return Text(en, zh)


def _unwritable(codec: str) -> Text:
    return _note(f"the fix cannot be written in {codec}", f"修改内容无法用 {codec} 编码写入")


_HTML_BODY = _note("the text comes from the HTML part, which is not rewritten", "正文来自 HTML 部分，不做改写")
_HTML_TOO = _note(
    "the mail also has an HTML version, which is not rewritten; fix the text in your mail program",
    "邮件还有 HTML 版本（不做改写）；请在邮件程序中修改正文",
)
_FLOWED = _note("format=flowed text is not rewritten", "format=flowed 格式的正文不做改写")
_NOT_7BIT = _note("the 7bit text part cannot carry the new characters", "7bit 正文部分无法容纳新的字符")
_UNREADABLE = _note("the fixed file would not read back as fixed", "修改后的文件读回结果与预期不符")


def _view(subject: str | None, text: str) -> str:
    return (f"Subject: {subject}\n\n" if subject is not None else "") + text + "\n"


# -- offsets --------------------------------------------------------------------------
def _original_offsets(original: str) -> list[int]:
    """For each index of ``unix_newlines(original)`` (and its end), the index in ``original``."""
    offsets, index = [], 0
    while index < len(original):
        offsets.append(index)
        index += 2 if original.startswith("\r\n", index) else 1
    offsets.append(len(original))
    return offsets


def _splice(original: str, edits: Iterable[tuple[int, int, str]], newline: str) -> str:
    """Apply edits given in ``unix_newlines(original)`` offsets to ``original`` itself."""
    at = _original_offsets(original)
    out, cursor = [], 0
    for start, end, replacement in sorted(edits):
        out.append(original[cursor : at[start]])
        out.append(replacement.replace("\n", newline))
        cursor = at[end]
    out.append(original[cursor:])
    return "".join(out)


def _text_edits(findings: Iterable[Finding], base: int) -> list[tuple[int, int, str]]:
    return [
        (base + e.start, base + e.end, e.replacement)
        for f in findings
        for e in f.fix.edits  # type: ignore[union-attr]
        if e.target == "text"
    ]


def _body_offset(unix: str, message: Message, first_line: int) -> int:
    """Where ``message.text`` starts in ``unix``, checked; the reader drops a BOM and trailing space."""
    lead = len(unix) - len(unix.lstrip("\ufeff"))
    lines = unix[lead:].split("\n")
    at = lead + sum(len(line) + 1 for line in lines[: first_line - 1])
    if unix[at : at + len(message.text)] != message.text:
        raise Unsafe(_note("the text no longer lines up with the file", "正文与文件内容对不上"))
    return at


# -- codecs ---------------------------------------------------------------------------
def _encoder(raw: bytes, codec: str) -> tuple[bytes, str]:
    """(byte-order mark to write first, codec to encode the rest) that reproduce ``raw``."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                      (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if codec in ("utf-16", "utf-32") and raw.startswith(bom) and name.startswith(codec):
            return bom, name
    return b"", codec


def _encode(text: str, codec: str, what: Text) -> bytes:
    try:
        return text.encode(codec)
    except UnicodeEncodeError as err:
        raise Unsafe(what) from err


# -- plain-text drafts ------------------------------------------------------------------
class _TextFile:
    """A .txt/.md draft: the decoded file, edited in place."""

    def __init__(self, raw: bytes, message: Message):
        self.message = message
        self.decoded, codec = detect_decode(raw)
        self.bom, self.codec = _encoder(raw, codec)
        lossy = _note(f"the file is not valid {codec} throughout", f"文件中有不合 {codec} 编码的字节")
        if self.bom + _encode(self.decoded, self.codec, lossy) != raw:
            raise Unsafe(lossy)
        self.unix = unix_newlines(self.decoded)

    def render(self, subject: str | None, findings: list[Finding]) -> bytes:
        edits = []
        if any(e.target == "text" for f in findings for e in f.fix.edits):  # type: ignore[union-attr]
            edits += _text_edits(findings, _body_offset(self.unix, self.message, self.message.source.body_line or 1))
        if subject is not None:
            edits.append((*self._subject_value(), subject))
        new = _splice(self.decoded, edits, self.message.source.newline)
        return self.bom + _encode(new, self.codec, _unwritable(self.codec))

    def _subject_value(self) -> tuple[int, int]:
        number = self.message.source.subject_line
        if number is None:
            raise Unsafe(_note("the subject is not on a line of its own", "主题不在单独的一行"))
        lines = self.unix.split("\n")
        start = sum(len(line) + 1 for line in lines[: number - 1])
        match = re.match(r"(?i)(?:subject|主题)[ \t]*[:：][ \t]*(.*?)[ \t]*$", lines[number - 1])
        if match is None or match.group(1) != (self.message.subject or ""):
            raise Unsafe(_note("the subject line no longer matches", "主题行与检查时不一致"))
        return start + match.start(1), start + match.end(1)


# -- MIME mail files ----------------------------------------------------------------------
@dataclass
class _Part:
    start: int  # where its header block starts
    body: int  # where its payload starts
    end: int  # where its payload ends
    headers: EmailMessage


_LINE_END = re.compile(rb"\r?\n")


def _payload_start(data: bytes, start: int, end: int) -> int:
    """The offset just after the blank line that ends the header block at ``start`` (``end`` if none)."""
    position = start
    while position < end:
        blank = _LINE_END.match(data, position)
        if blank is not None:
            return blank.end()
        line_end = _LINE_END.search(data, position, end)
        if line_end is None:
            return end
        position = line_end.end()
    return end


def _leaves(data: bytes, start: int, end: int) -> Iterable[_Part]:
    """The non-multipart parts between ``start`` and ``end``, with their byte spans."""
    body = _payload_start(data, start, end)
    headers = _HEADER_PARSER.parsebytes(data[start:body])
    boundary = headers.get_boundary() if headers.get_content_maintype() == "multipart" else None
    if not boundary:
        yield _Part(start, body, end, headers)
        return
    delimiter = re.compile(rb"(?m)^--" + re.escape(boundary.encode("ascii", "replace")) + rb"(--)?[ \t]*(?:\r?\n|$)")
    marks = list(delimiter.finditer(data, body, end))
    for this, following in zip(marks, marks[1:]):
        if this.group(1):
            break
        # The line end before a delimiter belongs to the delimiter (RFC 2046).
        part_end = following.start()
        part_end -= len(re.search(rb"\r?\n?\Z", data[max(this.end(), part_end - 2) : part_end]).group())
        yield from _leaves(data, this.end(), part_end)


def _decode_payload(raw: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        return lenient_b64decode(raw)
    if encoding == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


def _encode_payload(data: bytes, encoding: str, original: bytes, newline: bytes) -> bytes:
    if encoding == "base64":
        first = original.split(b"\n", 1)[0].rstrip(b"\r")
        width = len(first) if len(original) > len(first) + 2 and len(first) % 4 == 0 and first else 76
        encoded = base64.b64encode(data)
        return newline.join(encoded[i : i + width] for i in range(0, len(encoded), width))
    if encoding == "quoted-printable":
        return body_encode(data.decode("latin-1"), maxlinelen=76, eol=newline.decode("ascii")).encode("ascii")
    if encoding == "7bit" and not data.isascii():
        raise Unsafe(_NOT_7BIT)
    return data


def _is_inline(part: _Part, content_type: str) -> bool:
    return part.headers.get_content_type() == content_type and part.headers.get_content_disposition() != "attachment"


class _MailFile:
    """An RFC 822 message (.eml, a Maildir file, or the message inside an .emlx)."""

    def __init__(self, raw: bytes, message: Message):
        self.message = message
        self.prefix, self.mime, self.suffix = _unwrap(raw, message.source.kind)
        self.newline = message.source.newline.encode("ascii")
        self.header_end = _payload_start(self.mime, 0, len(self.mime))

    def render(self, subject: str | None, findings: list[Finding]) -> bytes:
        mime = self.mime
        if any(e.target == "text" for f in findings for e in f.fix.edits):  # type: ignore[union-attr]
            start, end, payload = self._body_part()
            mime = mime[:start] + payload(findings) + mime[end:]
        if subject is not None:
            mime = self._with_subject(mime, subject)
        return _rewrap(self.prefix, mime, self.suffix, self.message.source.kind)

    def _body_part(self):
        if self.message.from_html:
            raise Unsafe(_HTML_BODY)
        parts = list(_leaves(self.mime, 0, len(self.mime)))
        if any(_is_inline(p, "text/html") for p in parts):
            # Mail clients show the HTML version; fixing only the plain one would fix nothing the buyer sees.
            raise Unsafe(_HTML_TOO)
        flowed = False
        for part in parts:
            headers = part.headers
            if not _is_inline(part, "text/plain"):
                continue
            encoding = str(headers.get("content-transfer-encoding", "7bit")).strip().lower()
            raw = self.mime[part.body : part.end]
            core = raw[: len(raw) - len(re.search(rb"[\r\n]*\Z", raw).group())]
            data = _decode_payload(core, encoding)
            decoded, codec = detect_decode(data, headers.get_content_charset())
            if str(headers.get_param("format", "")).lower() == "flowed":
                # Its lines were joined when it was read: they no longer map onto the file's.
                flowed = True
                continue
            unix = unix_newlines(decoded)
            if unix.lstrip("\ufeff").rstrip() != self.message.text:
                continue
            bom, codec = _encoder(data, codec)
            lossy = _note(f"the text part is not valid {codec} throughout", f"正文部分有不合 {codec} 编码的字节")
            if bom + _encode(decoded, codec, lossy) != data:
                raise Unsafe(lossy)
            base = _body_offset(unix, self.message, 1)

            def payload(findings: list[Finding]) -> bytes:
                newline = "\r\n" if "\r\n" in decoded else "\n"
                new = _splice(decoded, _text_edits(findings, base), newline)
                encoded = bom + _encode(new, codec, _unwritable(codec))
                return _encode_payload(encoded, encoding, core, self.newline)

            return part.body, part.body + len(core), payload
        if flowed:
            raise Unsafe(_FLOWED)
        raise Unsafe(_note("the text part was not found in the file", "在文件中找不到正文部分"))

    def _with_subject(self, mime: bytes, subject: str) -> bytes:
        field = re.compile(rb"(?im)^(subject)[ \t]*:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n")
        match = field.search(mime, 0, self.header_end)
        if match is None:
            raise Unsafe(_note("the mail has no Subject header", "邮件没有 Subject 头"))
        name = match.group(1).decode("ascii")
        newline = self.newline.decode("ascii")
        if subject.isascii():
            value = subject
        else:
            value = Header(subject, "utf-8", header_name=name).encode(linesep=newline)
        return mime[: match.start()] + f"{name}: {value}{newline}".encode("ascii") + mime[match.end() :]


def _unwrap(raw: bytes, kind: str) -> tuple[bytes, bytes, bytes]:
    """(bytes before the message, the message, bytes after it): an .emlx wraps it with its length and a plist."""
    if kind != "emlx":
        return b"", raw, b""
    first, _, rest = raw.partition(b"\n")
    length = int(first.strip())
    return first + b"\n", rest[:length], rest[length:]


def _rewrap(prefix: bytes, mime: bytes, suffix: bytes, kind: str) -> bytes:
    if kind == "emlx":
        width = len(prefix.rstrip(b"\r\n"))
        prefix = str(len(mime)).ljust(width).encode("ascii") + prefix[width:]
    return prefix + mime + suffix


# -- planning and writing ----------------------------------------------------------------
def _writer(raw: bytes, message: Message) -> _TextFile | _MailFile:
    return _TextFile(raw, message) if message.source.kind == "text" else _MailFile(raw, message)


def _safe(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.fix.applicability == "safe"]


def plan(result: FileResult) -> Rewrite | None:
    """The new content of ``result``'s file with its safe fixes, or None when it has none."""
    message = result.message
    safe = _safe(result.findings)
    if message is None or not safe:
        return None
    path = Path(result.path)
    rewrite = Rewrite(path, before=_view(message.subject, message.text))
    kind = message.source.kind
    if kind not in WRITABLE:
        why = {
            "msg": _note("Outlook .msg files are not rewritten", "不改写 Outlook .msg 文件"),
            "mbox": _note("messages inside a mailbox are not rewritten", "不改写邮箱文件中的邮件"),
        }.get(kind, _note("the draft is not a file", "草稿不是文件"))
        rewrite.notes.append(why)
        return rewrite
    try:
        raw = path.read_bytes()
        current = read_bytes(raw, str(path), kind)
    except (OSError, ReadError) as err:
        rewrite.notes.append(_note(f"the file cannot be read again: {err}", f"无法重新读取文件：{err}"))
        return rewrite
    if current.text != message.text or current.subject != message.subject:
        rewrite.notes.append(_note("the file changed since it was checked", "文件在检查后已被修改"))
        return rewrite
    try:
        writer = _writer(raw, message)
    except Unsafe as why:
        rewrite.notes.append(why.args[0])
        return rewrite
    for target in ("text", "subject"):
        # Each target is tried on its own, so that an HTML body still lets a subject fix through.
        trial = [f for f in safe if any(e.target == target for e in f.fix.edits)]  # type: ignore[union-attr]
        if not trial:
            continue
        try:
            subject, _, chosen = _apply(message, trial)
            writer.render(subject, chosen)
        except Unsafe as why:
            rewrite.notes.append(why.args[0])
            safe = [f for f in safe if f not in trial]
    if not safe:
        return rewrite
    subject, text, applied = _apply(message, safe)
    try:
        data = writer.render(subject, applied)
        _verify(data, path, kind, current, subject if subject is not None else message.subject, text)
    except Unsafe as why:
        rewrite.notes.append(why.args[0])
        return rewrite
    rewrite.data, rewrite.applied = data, tuple(applied)
    rewrite.after = _view(message.subject if subject is None else subject, text)
    return rewrite


def _apply(message: Message, findings: list[Finding]) -> tuple[str | None, str, list[Finding]]:
    """(the new subject, or None when it stays; the new text; the findings whose fixes were taken)."""
    fixed = apply_fixes(message.subject or "", message.text, findings)
    subject = fixed.subject if fixed.subject != (message.subject or "") else None
    return subject, fixed.text, list(fixed.applied)


def _verify(data: bytes, path: Path, kind: str, before: Message, subject: str | None, text: str) -> None:
    """Read the new bytes back: the fixed subject and text, the same attachments, or nothing is written."""
    try:
        after = read_bytes(data, str(path), kind)
    except ReadError as err:
        raise Unsafe(_UNREADABLE) from err
    if after.text != text.rstrip() or after.subject != subject or after.attachments != before.attachments:
        raise Unsafe(_UNREADABLE)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content in one step: a temporary file beside it, then ``os.replace``.

    A symbolic link stays a link (its target is rewritten); the file keeps its
    permission bits, and its owner when the process may set it.
    """
    target = Path(os.path.realpath(path))
    status = target.stat()
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):
                os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def fix_report(report: Report, write: bool) -> list[Rewrite]:
    """Plan (and with ``write``, write) the safe fixes of every draft in ``report``."""
    rewrites = []
    for result in report.files:
        rewrite = plan(result)
        if rewrite is None:
            continue
        if write and rewrite.data is not None:
            write_atomically(rewrite.path, rewrite.data)
        rewrites.append(rewrite)
    return rewrites


#: Fixes that touch the same characters are applied one per run, as ruff does;
#: the drafts are checked again and fixed again until nothing is left, at most this often.
MAX_ROUNDS = 10


@dataclass
class FixRun:
    """What ``--fix`` did: the report of the final check, and per file the fixed rules and the notes."""

    report: Report
    fixed: dict[Path, list[str]] = field(default_factory=dict)
    notes: dict[Path, list[Text]] = field(default_factory=dict)

    def lines(self, lang: str) -> list[str]:
        out = []
        for path, codes in self.fixed.items():
            names = ", ".join(sorted(set(codes)))
            done = Text(f"{path}: fixed {len(codes)} ({names})", f"{path}：已修复 {len(codes)} 处（{names}）")
            out.append(done.get(lang))
        for path, notes in self.notes.items():
            for note in notes:
                out.append(Text(f"{path}: not fixed: {note.en}", f"{path}：未修复：{note.zh}").get(lang))
        return out


def fix_files(report: Report, check_again: Callable[[], Report]) -> FixRun:
    """Write the safe fixes, check again, and repeat while fixes were deferred by overlaps."""
    run = FixRun(report)
    for _ in range(MAX_ROUNDS):
        rewrites = fix_report(run.report, write=True)
        run.notes = {r.path: r.notes for r in rewrites if r.notes}
        written = [r for r in rewrites if r.data is not None]
        for rewrite in written:
            run.fixed.setdefault(rewrite.path, []).extend(f.rule for f in rewrite.applied)
        if not written:
            break
        run.report = check_again()
    return run

