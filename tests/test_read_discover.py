"""Finding drafts in files and folders; errors for the files that cannot be read."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from mailcheck.read import DraftSource, ReadError, discover, parse, read_file

DATA = Path(__file__).parent / "data" / "read"

DRAFT = b"From: Wang Kun <wangkun@sunrise-lighting.cn>\nSubject: Re: Samples\n\nDear Tom,\n\nSamples left today.\n"
INQUIRY = b"Subject: Samples\n\nHi, can you send two samples?\n"


def found(paths, **kwargs):
    """(display path, kind) for drafts and (display path, reason) for errors."""
    out = []
    for item in discover(paths, **kwargs):
        if isinstance(item, ReadError):
            out.append((item.path, item.reason))
        else:
            out.append((item.path, item.kind))
    return out


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "notes").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".mailcheck_cache").mkdir()
    (root / "a.eml").write_bytes(DRAFT)
    (root / "a.inquiry.txt").write_bytes(INQUIRY)
    (root / "b.txt").write_text("Dear Hans,\n\nour offer is attached.\n", encoding="utf-8")
    (root / "notes" / "c.md").write_text("Hi Megan,\n\nthe lights ship Friday.\n", encoding="utf-8")
    (root / "orphan.inquiry.eml").write_bytes(INQUIRY)  # an inquiry is never a draft
    (root / ".git" / "COMMIT_EDITMSG.txt").write_text("wip\n", encoding="utf-8")
    (root / ".mailcheck_cache" / "old.eml").write_bytes(DRAFT)
    (root / ".a.eml.swp").write_bytes(b"\x00\x01swap")
    (root / "README.md").write_text("# Drafts for March\n", encoding="utf-8")
    (root / "catalogue.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "Drafts").write_bytes(b"From - Fri Mar 20 10:00:00 2026\n" + DRAFT)  # Thunderbird folder
    (root / "Drafts.msf").write_bytes(b"// <!-- <mdb:mork:z v=\"1.4\"/> -->\n")
    (root / "Makefile").write_bytes(b"all:\n\ttrue\n")
    return root


def test_folder_walk_finds_drafts_in_name_order_and_skips_the_rest(tree: Path):
    root = str(tree)
    assert found([tree]) == [
        (os.path.join(root, "Drafts:1"), "mbox"),
        (os.path.join(root, "a.eml"), "eml"),
        (os.path.join(root, "b.txt"), "text"),
        (os.path.join(root, "notes", "c.md"), "text"),
    ]


def test_inquiry_sibling_is_paired_with_its_draft(tree: Path):
    sources = {s.path: s for s in discover([tree]) if isinstance(s, DraftSource)}
    assert sources[os.path.join(str(tree), "a.eml")].inquiry == tree / "a.inquiry.txt"
    assert sources[os.path.join(str(tree), "b.txt")].inquiry is None
    assert read_file(tree / "a.inquiry.txt").text == "Hi, can you send two samples?"


def test_shell_glob_with_inquiry_files_yields_drafts_only(tree: Path):
    assert found([tree / "a.eml", tree / "a.inquiry.txt"]) == [(str(tree / "a.eml"), "eml")]
    # An inquiry named alone, without its draft beside it, is checked as asked.
    assert found([tree / "orphan.inquiry.eml"]) == [(str(tree / "orphan.inquiry.eml"), "eml")]


def test_the_same_file_twice_is_read_once(tree: Path):
    assert found([tree / "b.txt", tree, tree / "b.txt"]).count((str(tree / "b.txt"), "text")) == 1


def test_source_carries_the_raw_bytes_and_parses(tree: Path):
    source = next(s for s in discover([tree / "a.eml"]))
    assert source == DraftSource(str(tree / "a.eml"), tree / "a.eml", "eml", DRAFT, tree / "a.inquiry.txt")
    assert parse(source).text == "Dear Tom,\n\nSamples left today."


def test_unreadable_files_become_errors_and_the_walk_goes_on(tmp_path: Path):
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "draft.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "big.eml").write_bytes(DRAFT * 40)
    (tmp_path / "ok.eml").write_bytes(DRAFT)
    assert found([tmp_path, tmp_path / "missing.eml"], max_bytes=2048) == [
        (str(tmp_path / "big.eml"), "file too large (4 KB; the limit is 2 KB)"),
        (str(tmp_path / "draft.txt"), "binary file (a PDF document), not a mail or text draft"),
        (str(tmp_path / "empty.eml"), "empty file"),
        (str(tmp_path / "ok.eml"), "eml"),
        (str(tmp_path / "scan.txt"), "binary file, not a mail or text draft"),
        (str(tmp_path / "missing.eml"), "no such file or directory"),
    ]


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch):
    locked = tmp_path / "locked.eml"
    locked.write_bytes(DRAFT)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.eml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert found([tmp_path]) == [(str(locked), "permission denied")]


def test_a_folder_without_drafts_yields_nothing(tmp_path: Path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "invoice.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    assert found([tmp_path]) == []


def test_explicit_files_with_unknown_extensions_are_sniffed(tmp_path: Path):
    (tmp_path / "reply.draft").write_bytes(DRAFT)
    (tmp_path / "reply.note").write_text("Dear Tom, samples left today.\n", encoding="utf-8")
    (tmp_path / "reply.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40)
    (tmp_path / "export").write_bytes(b"From MAILER-DAEMON Fri Mar 20 10:00:00 2026\n" + DRAFT)
    names = ["reply.draft", "reply.note", "reply.docx", "export"]
    assert found([tmp_path / n for n in names]) == [
        (str(tmp_path / "reply.draft"), "eml"),
        (str(tmp_path / "reply.note"), "text"),
        (str(tmp_path / "reply.docx"), "binary file (a ZIP archive or Word/Excel document), not a mail or text draft"),
        (str(tmp_path / "export:1"), "mbox"),
    ]


def test_maildir_messages_in_cur_and_new(tmp_path: Path):
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1773972000.M1P42.mail:2,DS").write_bytes(DRAFT)
    (maildir / "cur" / "1773972100.M2P42.mail:2,DST").write_bytes(DRAFT)  # trashed
    (maildir / "new" / "1773972200.M3P42.mail").write_bytes(DRAFT.replace(b"Samples", b"Price"))
    (maildir / "tmp" / "1773972300.M4P42.mail").write_bytes(b"From: half-written")
    (maildir / "dovecot-uidlist").write_bytes(b"3 V1773972000 N4\n")
    sources = [s for s in discover([maildir])]
    assert [(s.path, s.kind) for s in sources] == [
        (os.path.join(str(maildir), "cur", "1773972000.M1P42.mail:2,DS"), "maildir"),
        (os.path.join(str(maildir), "new", "1773972200.M3P42.mail"), "maildir"),
    ]
    message = parse(sources[1])
    assert message.subject == "Re: Price"
    assert message.source.kind == "maildir"
    assert message.source.body_line == 4  # a Maildir file is a plain RFC 822 file


def test_large_mbox_checks_the_limit_per_message(tmp_path: Path):
    mbox = tmp_path / "Sent.mbox"
    big = DRAFT + b"Attached: " + b"x" * 3000 + b"\n"
    mbox.write_bytes(b"".join(b"From wk Fri Mar 20 10:00:00 2026\n" + m + b"\n" for m in (DRAFT, big, DRAFT)))
    assert found([mbox], max_bytes=2048) == [
        (f"{mbox}:1", "mbox"),
        (f"{mbox}:2", "message too large (3 KB; the limit is 2 KB)"),
        (f"{mbox}:3", "mbox"),
    ]


def test_mbox_file_that_is_not_one(tmp_path: Path):
    (tmp_path / "saved.mbox").write_bytes(DRAFT)
    assert found([tmp_path / "saved.mbox"]) == [
        (str(tmp_path / "saved.mbox"), 'not an mbox file: it does not start with a "From " line')
    ]


def test_fixture_folder_walk(tmp_path: Path):
    shutil.copytree(DATA / "mbox", tmp_path / "mbox")
    assert found([tmp_path / "mbox"]) == [
        (os.path.join(str(tmp_path / "mbox"), "Drafts:1"), "mbox"),
        (os.path.join(str(tmp_path / "mbox"), "Drafts:3"), "mbox"),  # 2 was superseded
        (os.path.join(str(tmp_path / "mbox"), "offers.mbox:1"), "mbox"),
        (os.path.join(str(tmp_path / "mbox"), "offers.mbox:2"), "mbox"),
    ]


def test_read_file_errors(tmp_path: Path):
    with pytest.raises(ReadError, match="is a folder"):
        read_file(tmp_path)
    with pytest.raises(ReadError, match="holds 2 messages; expected one"):
        read_file(DATA / "mbox" / "offers.mbox")
    with pytest.raises(ReadError) as err:
        read_file(tmp_path / "nope.eml")
    assert str(err.value) == f"{tmp_path / 'nope.eml'}: no such file or directory"


def test_read_error_is_one_line_and_pickles():
    err = ReadError("Drafts:3", "broken\nMIME   structure")
    assert str(err) == "Drafts:3: broken MIME structure"
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.reason, str(copy)) == ("Drafts:3", "broken MIME structure", str(err))
