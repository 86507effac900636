"""axe-core in the page under test, against WCAG 2.1 level A and AA."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _kilde() -> str:
    return AXE.read_text(encoding="utf-8")


def brudd(page: Page) -> list[dict[str, Any]]:
    """axe's violations on the page as it is now.

    The script goes in through the DevTools protocol (``evaluate``): the page's CSP forbids
    inline scripts, and a script tag would need one.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_kilde())
    resultat: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
            .then(r => ({violations: r.violations, bestatt: r.passes.length}))""",
        WCAG_21_AA,
    )
    # No violations because no rule ran would be no test at all.
    assert resultat["bestatt"] > 0, "axe kjørte ingen regler"
    violations: list[dict[str, Any]] = resultat["violations"]
    return violations


def beskriv(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation and element: rule, impact, where, and what axe says to do."""
    linjer = []
    for brudd_ in violations:
        for node in brudd_["nodes"]:
            maal = " ".join(str(t) for t in node["target"])
            # The summary's first reason names the measured values, e.g. the contrast ratio.
            grunn = (node.get("failureSummary") or "").splitlines()[1:2]
            linjer.append(
                f"{brudd_['id']} ({brudd_['impact']}) {maal}: {brudd_['help']}"
                + "".join(f" [{g.strip()}]" for g in grunn)
            )
    return linjer
