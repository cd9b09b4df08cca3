"""Line classifiers for the edges of a message: greetings, closings, names, contact lines.

Each function looks at one line's content (quote markers removed, whitespace
collapsed) and answers one question; ``reply`` combines the answers by position.
"""

from __future__ import annotations

import re

# --- greetings -----------------------------------------------------------------------

_GREETING_WORD = re.compile(
    r"^(?:hi|hii|hello|hallo|hey|hiya|howdy|dear|dearest|respected|to\s+whom\s+it\s+may\s+concern|greetings|"
    r"good\s+(?:morning|afternoon|evening|day)|"
    r"morning|afternoon|evening|hola|bonjour|bonsoir|buongiorno|buenos\s+d[ií]as|buenas\s+tardes|ciao|ol[áa]|"
    r"salut|sehr\s+geehrte[rs]?|liebe[rs]?|guten\s+(?:tag|morgen|abend)|estimad[oa]s?|querid[oa]s?|"
    r"ch[eè]re?s?|geachte|beste|hej|witam|szanown\w+|здравствуйте|добрый\s+день|уважаем\w+)\b",
    re.I,
)
_CJK_GREETING = re.compile(
    r"^(?:尊敬的|亲爱的|親愛的|您好|你好|各位|大家好|拝啓|お世話になっております|안녕하세요)"
)
# "Thanks Yonik," opening a message is a greeting that thanks by name.
_THANKS_NAME = re.compile(
    r"^(?i:thanks|thank\s+you|thx|many\s+thanks)[ ,]+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"(?!(?:Again|All|So|Very|For|In|A)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*[,.!:]?$",
)
_HONORIFIC_WORD = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|Eng|Engr|Sir|Madam|Herr|Frau|Sr|Sra|Srta|M|Mme)\.?\s+")
_HONORIFIC = rf"(?:{_HONORIFIC_WORD.pattern[1:]})?"
_CAP_NAME = r"[A-Z][a-zA-Z'’-]*\.?"
# "Sally," "Tana:" "Frank & Hector," "Bob -" "Lisa/Stephanie,": a bare name heading the message.
_NAME_GREETING = re.compile(
    rf"^{_HONORIFIC}{_CAP_NAME}(?:\s+{_CAP_NAME}){{0,2}}(?P<others>(?:\s*(?:&|and|/|,)\s*{_CAP_NAME}){{0,3}})"
    r"(?P<punct>\s*(?:[,:]|-{1,2}|–|—))?$"
)
_HONORIFIC_DOT = re.compile(r"\b(?:Mr|Ms|Mrs|Mx|Dr|Prof|Eng|Engr|Ing|Dott|St|Jr|Sr|Sra|Mme)\.")
# Words that stand alone on a line ("FYI", "Update:", "Thanks") without being anyone's name.
_NOT_NAMES = frozenset(
    "fyi note notes update updates question questions answer attached attachment attachments agenda reminder "
    "summary background issue issues problem status subject re fw fwd ps yes no ok okay sure sorry thanks "
    "thank thx regards cheers best done agreed correct great perfect welcome congratulations hi hello dear "
    "importance urgent please see below above here there this that your my our name".split()
)


def is_pleasantry(content: str) -> bool:
    """A greeting that addresses nobody ("Good day!", "Greetings!"), often on the line after "Dear Anna,"."""
    m = _GREETING_WORD.match(content)
    return bool(m) and not content[m.end() :].strip(" ,:;!.-–—~") and not content.lower().startswith("dear")


def is_greeting(content: str, followed_by_text: bool) -> bool:
    """Whether a message's first line is only a greeting ("Dear Mr. Smith,", "Hi Anna,", "Sally,")."""
    if len(content) > 60 or content.endswith("?"):
        return False
    if _CJK_GREETING.match(content):
        return len(content) <= 30
    m = _GREETING_WORD.match(content)
    if m:
        # The words after the greeting word address someone; a sentence means the line says more.
        rest = _HONORIFIC_DOT.sub("", content[m.end() :]).strip(" ,:;!.-–—")
        return len(rest.split()) <= 5 and not re.search(r"[.!?]\s+\S", rest)
    if _THANKS_NAME.match(content):
        return True
    m = _NAME_GREETING.match(content)
    if not m or any(w.strip(".,:-").lower() in _NOT_NAMES for w in content.split()):
        return False
    if m.group("punct") and m.group("punct").strip() == ":":
        # "Tana:" and "Mr. Weber:" greet; "Price List:" heads a list.
        return len(_HONORIFIC_WORD.sub("", content).split()) == 1
    # Without punctuation ("Peter") the line must be a single name, lead straight into the text,
    # or name several people.
    return bool(m.group("punct") or m.group("others")) or followed_by_text or len(content.split()) == 1


# --- closings ------------------------------------------------------------------------

_THANKS = (
    r"(?:(?:many|much|big|with|again|a\s+thousand)\s+)?(?:thanks|thank\s*you|thx|tks|tnx|thnx|thanx|tx|ty|"
    r"danke(?:\s+sch[öo]n)?|vielen\s+dank|merci(?:\s+beaucoup)?|gracias|grazie|obrigad[oa]|bedankt|"
    r"谢谢|謝謝|多谢|感谢|ありがとうございます|감사합니다|спасибо)"
)
_THANKS_TAIL = (
    r"(?:\s+(?:(?:you\s+)?(?:so|very)\s+much|a\s+(?:lot|bunch|million)|again|once\s+again|in\s+advance|both|all|"
    r"for\s+(?:[^\s,.;:!?]+\s+){0,6}[^\s,.;:!?]+))*"
)
_REGARDS = (
    r"(?:(?:(?:best|kind|kindest|warm|warmest|sincere|good|many|with\s+(?:best|kind|warm)|my\s+best|"
    r"best\s+and\s+kind|yours)\s+)*(?:regards|rgds|brgds|wishes)|best|all\s+the\s+best|cheers|"
    r"sincerely(?:\s+yours)?|yours\s+(?:sincerely|faithfully|truly|cordially)|faithfully|respectfully|cordially|"
    r"take\s+care|hth|hope\s+(?:this|that|it)\s+helps|talk\s+soon|speak\s+soon|"
    r"see\s+you(?:\s+(?:soon|then|there|tomorrow))?|have\s+a\s+(?:nice|good|great|lovely)\s+"
    r"(?:day|weekend|evening|week)|love|hugs|ciao|br|b\.\s?r\.?|k\.?r\.?|mvh|mfg|lg|vg|greetings|best\s+greetings|"
    r"salutations|mit\s+freundlichen\s+gr[üu](?:ß|ss)en|(?:viele|beste|liebe|freundliche)\s+gr[üu](?:ß|ss)e|"
    r"gr[üu](?:ß|ss)e|cordialement|bien\s+(?:à|a)\s+vous|bien\s+cordialement|salutations\s+distingu[ée]es|"
    r"saludos(?:\s+cordiales)?|un\s+saludo|atentamente|cordiali\s+saluti|distinti\s+saluti|saluti|"
    r"met\s+vriendelijke\s+groet(?:en)?|groeten|atenciosamente|abra[çc]os|с\s+уважением|"
    r"此致(?:\s*敬礼)?|敬礼|祝好|顺祝商祺|顺颂商祺|祝商祺|商祺|よろしくお願い(?:いた)?します|敬具)"
)
# A Latin phrase must end at a word's end: "Br" is a closing, "Brian" is not.
_PHRASE = rf"(?:{_THANKS}{_THANKS_TAIL}|{_REGARDS})(?![a-zA-Z])"
# The words after a sign-off may only name the writer: "Best Regards Douglas", "Cheers -- Rick".
_NAME_WORD = (
    r"(?!(?:to|your|the|for|of|you|from|with|in|on|we|our|i|my|is|are|was|be|this|that|it|and)\b)"
    r"[^\W\d_][\w.'’-]*"
)
_CLOSING = re.compile(
    rf"^[-–—~ ]*{_PHRASE}(?:\s*(?:,|&|and|\+|n)?\s*{_PHRASE})?[\s,.!:;~-]*"
    rf"(?:(?:-{{1,2}}|–|—)?\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})[\s.!]*)?$",
    re.I,
)


# "Thanks for your help." may close a message; "Thanks for your inquiry." opens one.
_COURTESY_THANKS = re.compile(
    rf"^{_THANKS}(?:\s+(?:again|in\s+advance|a\s+lot|(?:so|very)\s+much|for\s+(?:all\s+)?(?:your|the)\s+"
    r"(?:kind\s+)?(?:help|time|support|assistance|attention|cooperation|understanding|patience|consideration)))*"
    r"[\s,.!]*$",
    re.I,
)
_THANKS_FOR = re.compile(rf"^{_THANKS}\s+for\b", re.I)


def is_closing(content: str) -> bool:
    """Whether the line is a sign-off phrase, optionally with the writer's name ("Best regards,")."""
    return len(content) <= 70 and bool(_CLOSING.match(content))


def closing_name(content: str) -> str | None:
    """The writer's name written on the sign-off line itself ("Best Regards Douglas" -> "Douglas")."""
    m = _CLOSING.match(content) if len(content) <= 70 else None
    return m.group("name") if m else None


def is_courtesy_thanks(content: str) -> bool:
    """A thanks that closes rather than opens: "Thanks again.", "Thank you for your help!"."""
    return len(content) <= 70 and bool(_COURTESY_THANKS.match(content))


def is_thanks_for(content: str) -> bool:
    """A thanks for something ("Thanks for your inquiry about …"), which may open a message."""
    return bool(_THANKS_FOR.match(content))


# --- names ---------------------------------------------------------------------------

_NAME_TOKEN = r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?"
_SIGNED_NAME = re.compile(rf"^(?:[-–—~]+\s*)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}$")
# "Mark D. Guinney, CFA", "Neal Wolkoff,": the name without its credentials and trailing comma.
_CREDENTIALS = re.compile(r"(?:,\s*(?:[A-Z][A-Za-z]?\.?){1,4}(?:\s*\([^)]*\))?)+$|,$")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af·・ ]{2,8}$")
_STANDALONE_NAME = re.compile(
    rf"^(?:(?:[-–—~]+\s*)[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){{0,2}}|"
    rf"{_HONORIFIC}{_CAP_NAME}(?:\s+(?:{_CAP_NAME}|[A-Z]\.)){{0,2}})$"
)


def is_cjk_name(content: str) -> bool:
    """A name in Chinese, Japanese or Korean script ("王丽", "山田太郎")."""
    return bool(_CJK_NAME.match(content))


def is_signed_name(content: str) -> bool:
    """A short line that can be the writer's name right after a sign-off ("Erick", "- Bram", "hgm")."""
    if len(content) > 60:
        return False
    content = _CREDENTIALS.sub("", content)
    if len(content) > 40 or _CJK_NAME.match(content):
        return bool(_CJK_NAME.match(content))
    if is_attachment(content):
        return False
    return bool(_SIGNED_NAME.match(content)) and content.strip("-–—~ .").lower() not in _NOT_NAMES


def is_standalone_name(content: str) -> bool:
    """A line that is a name on its own, without a sign-off phrase above it ("Jeanne Bennett", "-Hoss")."""
    if len(content) > 60:
        return False
    content = _CREDENTIALS.sub("", content)
    if _CJK_NAME.match(content):
        return True
    if len(content) > 40 or not _STANDALONE_NAME.match(content) or is_attachment(content):
        return False
    return not any(w.strip("-–—~.,").lower() in _NOT_NAMES for w in content.split())


def is_given_name(content: str) -> bool:
    """A single-word name as people sign with ("Mark", "-Hoss", "kari"), not a full name."""
    word = content.strip("-–—~ .")
    return 1 < len(word) <= 12 and word.isalpha() and " " not in word and word.lower() not in _NOT_NAMES


_ATTACHMENT = re.compile(
    r"(?:^|\s)[-–]?\s*\S+\.(?:docx?|xlsx?|xlsm|pptx?|pdf|txt|rtf|csv|zip|rar|7z|jpe?g|png|gif|tiff?|bmp|htm|html|"
    r"msg|eml|wpd|dwg|step|stp|igs)\b\W*$|<<[^<>]{1,150}>>|\(See attached file:",
    re.I,
)


def is_attachment(content: str) -> bool:
    """A line naming an attached file (" - Price list.xlsx", "<<File: memo.doc>>")."""
    return len(content) <= 200 and bool(_ATTACHMENT.search(content))


# --- signature material --------------------------------------------------------------

_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().\-/]{5,}\d(?![\w/])")
_PHONE_LABEL = re.compile(
    r"^(?:tel|tele|telephone|phone|ph|mobile|mob|cell|cellphone|handy|fax|direct|office|whatsapp|wechat|"
    r"skype|line|viber|电话|手机|传真|微信|t|m|f|p|o|d|c|w)\b\.?\s*[:：.#]?",
    re.I,
)
# "WeChat: lily_88", "Add: No. 18 …": signature lines introduced by a label, whatever follows.
_CONTACT_LABEL = re.compile(
    r"^(?:(?:tel|phone|mob|mobile|cell|fax|e-?mail|web|website|skype|wechat|whatsapp|qq|line|viber)"
    r"(?:\s*/\s*\w+)?|add|addr|address|(?:office|working|business)\s+hours|电话|手机|传真|微信|邮箱|地址|网址|"
    r"办公时间|工作时间)\s*[:：]\s*\S",
    re.I,
)
# Bounded repetitions keep these linear on long lines of dots and words.
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\."
    r"(?:com|net|org|io|co|cn|de|uk|fr|it|es|nl|jp|kr|ru|in|info|biz)\b",
    re.I,
)
_COMPANY = re.compile(
    r"\b(?:Inc|Ltd|LLC|L\.L\.C|LLP|Co|Corp|Corporation|Company|GmbH|AG|S\.A|S\.L|S\.p\.A|B\.V|Pty|PLC|Limited|"
    r"Group|Technolog(?:y|ies)|Industr(?:y|ies|ial)|Trading|Manufacturing|Factory|Enterprises?|Solutions|"
    r"Associates|University|Institute)\b\.?"
    r"|有限公司|公司|工厂|株式会社|주식회사"
)
_TITLE = re.compile(
    r"\b(?:Manager|Director|President|VP|CEO|CTO|CFO|COO|Chairman|Engineer|Consultant|Coordinator|Specialist|"
    r"Analyst|Assistant|Associate|Administrator|Officer|Attorney|Counsel|Founder|Partner|Representative|"
    r"Executive|Supervisor|Head of|Developer|Architect|Professor|Lecturer|Scientist|Researcher|Buyer|"
    r"Merchandiser|Secretary|Accountant|Agent|Sales|Marketing|Purchasing|Procurement|Department|Dept)\b"
    r"|经理|总监|主管|业务员|销售|外贸|部长"
)
_ADDRESS = re.compile(
    r"\b(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd|Suite|Ste\.|Floor|Fl\.|Room|Rm\.|Building|Bldg|"
    r"District|Province|P\.?\s?O\.?\s?Box|Zip)\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"  # "Houston, TX 77002"
    r"|[省市区县路街号楼室].*\d|\d.*[省市区县路街号楼室]"
)
_DISCLAIMER = re.compile(
    r"confidenti|intended (?:solely |only )?(?:for|recipient)|privileged|disclaimer|prohibited|"
    r"if you (?:are not|have received)|unauthori[sz]ed|viruses|legally binding|保密|机密|免责",
    re.I,
)
_DELIMITER = re.compile(r"^(?:[-_=*~#—]{2,}|-- )$")
# Digits in a price table or figures ("1,535,682", "$ 47.00") are not a phone number.
_TABLE_NUMBER = re.compile(r"\d,\d{3}\b|[$€£¥%]")
_EXTENSION = re.compile(r"^(?:x|ext\.?|extension)\s?\d{3,6}\b", re.I)
_POSTSCRIPT = re.compile(r"^(?:p\.?\s?p?\.?\s?s\b\.?|\[\d{1,2}\]\s)", re.I)


def is_company(content: str) -> bool:
    """A line naming a company ("Ningbo Homeware Trading Co., Ltd.", "Enron North America Corp.")."""
    return len(content.split()) <= 8 and bool(_COMPANY.search(content)) and not content.endswith(("!", "?"))


def has_contact(content: str) -> bool:
    """Phone, e-mail, web address, company, position or postal address: what signatures hold."""
    if len(content) > 300:
        return False  # a paragraph on one line, not a signature line
    phone = _PHONE.search(content)
    if phone and sum(ch.isdigit() for ch in phone.group()) >= 7 and not _TABLE_NUMBER.search(content):
        return True
    if _PHONE_LABEL.match(content) and sum(ch.isdigit() for ch in content) >= 5 or _CONTACT_LABEL.match(content):
        return True
    if _EXTENSION.match(content):
        return True
    return bool(
        EMAIL.search(content) or _URL.search(content) or _COMPANY.search(content)
        or _TITLE.search(content) or _ADDRESS.search(content)
    )


def is_disclaimer(content: str) -> bool:
    """A line of a legal notice ("… confidential … intended recipient …")."""
    return bool(_DISCLAIMER.search(content))


def is_delimiter(content: str) -> bool:
    """A rule line such as "--", "____", "*****" that sets a signature apart."""
    return bool(_DELIMITER.match(content))


_FUNCTION_WORDS = frozenset(
    "the a an to of and in is are was were be been you we i it for with on this that will can could would should "
    "please me my our your us have has had do does not but or if at as by from so he she they them their its his "
    "her there which who what when any also just".split()
)


def is_prose(content: str) -> bool:
    """A line of running text, as opposed to a name, a contact detail or a heading."""
    words = content.split()
    if len(words) < 5 or is_closing(content) or _CONTACT_LABEL.match(content):
        return False
    function = sum(w.lower().strip(",.;:!?()\"'") in _FUNCTION_WORDS for w in words)
    if has_contact(content):
        return function >= 3 and len(words) >= 8
    return function >= 2 or len(words) >= 10


_AUTOMATED_FOOTER = re.compile(
    r"^(?:sent from my\b|sent from (?:mail|outlook|yahoo|samsung|huawei|xiaomi)\b|sent via\b|sent with\b|"
    r"get outlook for\b|发自我的|从我的.{1,20}发送|view this message in context:|sent from:\s*https?://|"
    r"sent from the .{1,80} mailing list archive|get your private, free e-?mail|do you yahoo!?|"
    r"share information about yourself, create your own public profile)",
    re.I,
)


def is_appended(content: str) -> bool:
    """A line the writer did not type: "Sent from my iPhone", a list-archive footer, an attachment name."""
    return bool(_AUTOMATED_FOOTER.match(content)) or is_attachment(content)


def is_postscript(content: str) -> bool:
    """A line opening a postscript ("P.S.") or a footnote ("[1] http://…"): text of the message."""
    return bool(_POSTSCRIPT.match(content))


def is_signature_rule(content: str) -> bool:
    """The conventional signature separator "-- " (often sent without its trailing space)."""
    return content in ("--", "-- ", "—")


__all__ = [
    "closing_name",
    "has_contact",
    "is_attachment",
    "is_appended",
    "is_cjk_name",
    "is_closing",
    "is_company",
    "is_courtesy_thanks",
    "is_delimiter",
    "is_disclaimer",
    "is_given_name",
    "is_greeting",
    "is_pleasantry",
    "is_postscript",
    "is_prose",
    "is_signature_rule",
    "is_signed_name",
    "is_standalone_name",
    "is_thanks_for",
]
