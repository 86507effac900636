"""The content's inline Markdown, the same for the page, the Word file and the PDF."""

from __future__ import annotations

from naervaer.samtale.tekst import Bit, biter, ren_tekst, som_html


def test_emphasis_and_links_become_html() -> None:
    assert som_html("Du har **rett** til *medvirkning*, se [loven](https://lovdata.no/x).") == (
        "Du har <strong>rett</strong> til <em>medvirkning</em>, se "
        '<a href="https://lovdata.no/x">loven</a>.'
    )


def test_html_in_a_text_is_escaped_not_rendered() -> None:
    assert som_html('<script>alert("x")</script> & <b>') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"
    )


def test_a_link_to_a_script_stays_text() -> None:
    assert "href" not in som_html("[klikk](javascript:alert(1))")


def test_the_runs_carry_bold_italic_and_link() -> None:
    assert biter("Hei **fet *begge*** og [lenke](https://nav.no)\nny linje") == (
        Bit("Hei "),
        Bit("fet ", fet=True),
        Bit("begge", fet=True, kursiv=True),
        Bit(" og "),
        Bit("lenke", lenke="https://nav.no"),
        Bit(" ny linje"),
    )


def test_plain_text_drops_the_markup() -> None:
    assert ren_tekst("Spør om **arbeidet**, ikke om *diagnosen*.") == (
        "Spør om arbeidet, ikke om diagnosen."
    )
