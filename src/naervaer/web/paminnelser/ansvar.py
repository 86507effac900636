"""Who is responsible for following up an employee, and who hears of a missed deadline.

- The leaders of the employee's department; a department without a leader passes the duty to
  the department above it, up to the top.
- No leader anywhere above: the virksomhet's HR users, and without them its administrators.
- A missed deadline goes to HR, and without HR to the administrators.

Only users who are still tied to the virksomhet count (a leader whose access was taken away gets
no mail about its employees), and never the employee: a sick leader is not reminded to follow
themselves up; the duty goes on up the tree.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Q

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Avdeling
from naervaer.web.virksomheter.models import Rolle, Tilgang, Virksomhet
from naervaer.web.virksomheter.tilgang import LEDER_SER_SLUTTET_I


class Ansvarskart:
    """One virksomhet's lines of responsibility on one day, read from the database once."""

    def __init__(self, virksomhet: Virksomhet, dag: date) -> None:
        self.virksomhet = virksomhet
        self.dag = dag
        tilganger = list(
            Tilgang.objects.filter(virksomhet=virksomhet, bruker__is_active=True).select_related(
                "bruker"
            )
        )
        self._brukere: dict[int, User] = {t.bruker_id: t.bruker for t in tilganger}
        self._hr = sorted(
            (t.bruker for t in tilganger if t.rolle == Rolle.HR), key=lambda b: b.email
        )
        self._admin = sorted(
            (t.bruker for t in tilganger if t.rolle == Rolle.ADMINISTRATOR),
            key=lambda b: b.email,
        )
        self._overordnet: dict[int, int | None] = dict(
            Avdeling.objects.filter(virksomhet=virksomhet).values_list("pk", "overordnet_id")
        )
        self._ledere: dict[int, list[int]] = defaultdict(list)
        for avdeling_id, bruker_id in Avdeling.ledere.through.objects.filter(
            avdeling__virksomhet=virksomhet
        ).values_list("avdeling_id", "user_id"):
            if bruker_id in self._brukere:
                self._ledere[avdeling_id].append(bruker_id)
        self._ansatt_bruker: dict[int, int | None] = dict(
            Ansatt.objects.filter(virksomhet=virksomhet).values_list("pk", "bruker_id")
        )
        self._forhold: dict[int, list[tuple[int, date | None]]] | None = None

    def er_tilknyttet(self, bruker_id: int) -> bool:
        return bruker_id in self._brukere

    def bruker(self, bruker_id: int) -> User | None:
        return self._brukere.get(bruker_id)

    def _avdelinger_for(self, ansatt_id: int) -> list[int]:
        """The departments the employee works in on the day; after the last employment ended,
        the last one, for as long as its leader still sees the person (``tilgang``)."""
        if self._forhold is None:
            # Every employment of the virksomhet that can count, in one query.
            self._forhold = defaultdict(list)
            for ansatt, avdeling, til in (
                Arbeidsforhold.objects.filter(
                    ansatt__virksomhet=self.virksomhet, fra_dato__lte=self.dag
                )
                .filter(Q(til_dato__isnull=True) | Q(til_dato__gte=self.dag - LEDER_SER_SLUTTET_I))
                .values_list("ansatt_id", "avdeling_id", "til_dato")
            ):
                self._forhold[ansatt].append((avdeling, til))
        forhold = self._forhold.get(ansatt_id, [])
        naa = [a for a, til in forhold if til is None or til >= self.dag]
        if not naa and forhold:
            naa = [max(forhold, key=lambda f: f[1] or self.dag)[0]]
        return naa

    def ledere(self, ansatt_id: int) -> list[User]:
        """The responsible leaders, or HR, or the administrators (see the module)."""
        selv = self._ansatt_bruker.get(ansatt_id)
        funnet: dict[int, User] = {}
        for avdeling in self._avdelinger_for(ansatt_id):
            sett: set[int] = set()
            neste: int | None = avdeling
            while neste is not None and neste not in sett:
                sett.add(neste)
                ledere = [b for b in self._ledere.get(neste, []) if b != selv]
                if ledere:
                    for b in ledere:
                        funnet[b] = self._brukere[b]
                    break
                neste = self._overordnet.get(neste)
        if funnet:
            return sorted(funnet.values(), key=lambda b: b.email)
        return self.eskalering(ansatt_id)

    def eskalering(self, ansatt_id: int) -> list[User]:
        """HR, or the administrators when the virksomhet has no HR user."""
        selv = self._ansatt_bruker.get(ansatt_id)
        hr = [b for b in self._hr if b.pk != selv]
        return hr or [b for b in self._admin if b.pk != selv]


def navn(bruker: User) -> str:
    return bruker.get_full_name() or bruker.first_name or bruker.email
