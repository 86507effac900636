"""Who sees which follow-up page, decided from ``tilgang.Rettigheter`` in one place for the
views and the menu.

- The worklist and the case pages: those who see person-level data (a leader their departments'
  people, HR and the administrator everyone).
- The figures (open cases and overdue tasks per department, masked below five persons): the
  verneombud and the tillitsvalgt, who see no person, and HR and the administrator.
- The employee's own follow-up: anyone who is an employee of the virksomhet.
"""

from __future__ import annotations

from naervaer.web.virksomheter.models import Rolle
from naervaer.web.virksomheter.tilgang import Rettigheter

TALLROLLER = frozenset({Rolle.VERNEOMBUD, Rolle.TILLITSVALGT, Rolle.HR, Rolle.ADMINISTRATOR})


def ser_oppfolging(r: Rettigheter) -> bool:
    return r.ser_personer


def ser_tall(r: Rettigheter) -> bool:
    return r.rolle in TALLROLLER


def tall_i_menyen(r: Rettigheter) -> bool:
    """The menu's «Oppfølging» leads to the figures for those who have no worklist."""
    return ser_tall(r) and not ser_oppfolging(r)


def ser_egen(r: Rettigheter) -> bool:
    return r.er_ansatt_her
