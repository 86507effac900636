"""A walk through a page with the Tab key, as a keyboard user makes it."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# The outlines and shadows drawn on a control, on its ::before and ::after, and on those of its
# two nearest ancestors: Aksel draws a radio's focus ring on the wrapper's ::after
# (:focus-within), its buttons' and links' on the element itself, Chromium its own ring ("auto").
# Compared before and after the control gets focus, so a border drawn as a shadow that is always
# there does not count as a focus indicator.
FOKUSMERKER = """e => {
    const merker = [];
    let node = e;
    for (let nivaa = 0; node && nivaa < 3; nivaa++, node = node.parentElement) {
        for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(node, pseudo);
            if (s.outlineStyle === 'auto'
                || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)) {
                merker.push(`${nivaa}${pseudo || ''} outline ${s.outlineStyle} `
                    + `${s.outlineWidth} ${s.outlineColor}`);
            }
            if (s.boxShadow !== 'none') merker.push(`${nivaa}${pseudo || ''} ${s.boxShadow}`);
        }
    }
    return merker;
}"""

# Every control a keyboard user must reach, each marked so the Tab walk can tick it off, with
# its marks while it has no focus. A group of radios is one Tab stop (arrow keys move inside
# it), so only its checked radio counts. What lies in a closed <details> is reached by opening
# it: its summary is the Tab stop.
MERK_KONTROLLER = f"""() => {{
    const fokusmerker = {FOKUSMERKER};
    const iLukket = e => {{
        const d = e.closest('details:not([open])');
        return d !== null && !(e.tagName === 'SUMMARY' && e.parentElement === d);
    }};
    const alle = document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]');
    const synlige = [...alle].filter(e => e.tabIndex >= 0 && !e.disabled
        && e.getClientRects().length > 0 && !iLukket(e)
        && !(e.type === 'radio' && !e.checked
             && document.querySelector(`input[type=radio][name="${{e.name}}"]:checked`)));
    return synlige.map((e, i) => {{
        e.dataset.nettlesertest = String(i);
        return {{html: e.outerHTML.slice(0, 80), merker: fokusmerker(e)}};
    }});
}}"""

# What has focus, named so a failure says which control it was, with its marks now.
AKTIVT_ELEMENT = f"""() => {{
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    return {{
        navn: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.name ? '[name=' + e.name + ']' : '') + ' «' + (e.innerText
            || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '»',
        nokkel: e.dataset.nettlesertest,
        merker: ({FOKUSMERKER})(e),
    }};
}}"""


def gaa_gjennom_med_tab(side: Page) -> None:
    """Tab from the top of a freshly loaded page to its end: the skip link comes first, and
    every control gets focus and shows it with an outline or shadow it did not have before."""
    kontroller: list[dict[str, Any]] = side.evaluate(MERK_KONTROLLER)
    besokt: set[str] = set()
    uten_fokusmarkering: list[str] = []
    for steg in range(len(kontroller) + 5):
        side.keyboard.press("Tab")
        aktivt: dict[str, Any] | None = side.evaluate(AKTIVT_ELEMENT)
        if steg == 0:
            assert aktivt is not None and "Hopp til innhold" in aktivt["navn"], aktivt
        if aktivt is None or aktivt["nokkel"] in besokt:
            break  # past the last control, out into the browser
        besokt.add(aktivt["nokkel"])
        for_fokus = kontroller[int(aktivt["nokkel"])]["merker"] if aktivt["nokkel"] else []
        if not set(aktivt["merker"]) - set(for_fokus):
            uten_fokusmarkering.append(aktivt["navn"])
    ikke_naadd = [str(k["html"]) for i, k in enumerate(kontroller) if str(i) not in besokt]
    assert not ikke_naadd, "nås ikke med Tab:\n" + "\n".join(ikke_naadd)
    assert not uten_fokusmarkering, "fokus vises ikke:\n" + "\n".join(uten_fokusmarkering)
