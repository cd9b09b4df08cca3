"""HTML mail bodies → plain text lines."""

from __future__ import annotations

from mailcheck.read.html_text import html_to_text


def test_paragraphs_are_separated_by_one_blank_line():
    html = "<p>Dear Tom,</p><p>Thank you.</p>\n\n<p>&nbsp;</p><p>Best regards,<br>Wang Kun</p>"
    assert html_to_text(html) == "Dear Tom,\n\nThank you.\n\nBest regards,\nWang Kun"


def test_gmail_divs_and_br_blank_lines():
    html = "<div dir=ltr><div>Hi Tom,</div><div><br></div><div>Samples are ready.</div></div>"
    assert html_to_text(html) == "Hi Tom,\n\nSamples are ready."


def test_outlook_paragraphs_are_lines_and_nbsp_paragraphs_blank_lines():
    html = (
        "<p class=MsoNormal>Dear Tom,<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>Price: USD 12.50<o:p></o:p></p>"
        "<p class=MsoNormal>MOQ: 500 sets<o:p></o:p></p>"
    )
    assert html_to_text(html) == "Dear Tom,\n\nPrice: USD 12.50\nMOQ: 500 sets"


def test_nested_blockquotes_get_one_marker_per_level():
    html = "<div>Agreed.</div><blockquote><div>Can you do 500?</div><blockquote>Price?</blockquote></blockquote>"
    assert html_to_text(html) == "Agreed.\n> Can you do 500?\n> > Price?"


def test_scripts_styles_and_title_are_dropped_entities_decoded():
    html = (
        "<html><head><title>x</title><style>p{color:red}</style></head>"
        "<body><script>alert(1)</script><p>R&amp;D &lt;team&gt; &euro;5 &#8220;ok&#8221;</p></body></html>"
    )
    assert html_to_text(html) == "R&D <team> €5 “ok”"


def test_lists_and_tables():
    html = (
        "<ol><li>Price</li><li>Lead time</li></ol><ul><li>CE</li></ul>"
        "<table><tr><td>MOQ</td><td>500</td></tr></table>"
    )
    assert html_to_text(html) == "1. Price\n2. Lead time\n- CE\nMOQ\t500"


def test_reply_separator_rule_and_preformatted_text():
    html = "<div>See below.</div><hr><pre>Item   Qty\nA-1    500</pre>"
    assert html_to_text(html) == "See below.\n" + "_" * 32 + "\n\nItem   Qty\nA-1    500"


def test_inline_markup_does_not_break_lines():
    html = "<p><b>From:</b> Tom Baker &lt;tom@x.co.uk&gt;<br><b>Sent:</b> Monday</p>"
    assert html_to_text(html) == "From: Tom Baker <tom@x.co.uk>\nSent: Monday"
