"""mailcheck: checks drafted replies to overseas buyers before they are sent.

Library use::

    from mailcheck import check, check_file, check_many, Config

    result = check(draft_text, inquiry=buyer_text, region="DE")
    for finding in result.findings:
        print(finding.rule, finding.message)

    # A folder or mailbox: drafts go through spaCy in batches; jobs=N spreads
    # large folders over N processes, cache=True skips unchanged drafts.
    report = check_many(["drafts/"], config=Config(region="DE", lang="en"))
    failing = [r.path for r in report.files if r.fails]

docs/library.md has the details.
"""

__version__ = "0.1.0"

from .config import Config, Profile  # noqa: E402
from .engine import check, check_file, check_many  # noqa: E402
from .model import Finding, Message  # noqa: E402
from .results import FileResult, Report  # noqa: E402

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "Message",
    "Profile",
    "Report",
    "check",
    "check_file",
    "check_many",
    "__version__",
]
