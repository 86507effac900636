"""What the user chose on the page: months or quarters, which period, which unit."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from naervaer.statistikk.perioder import Inndeling, Periode
from naervaer.web.egenstatistikk.tekst import som_maned_eller_kvartal


@dataclass(frozen=True, slots=True)
class Valg:
    inndeling: Inndeling
    periode: Periode | None  # None: the default, the newest finished period
    enhet: str | None  # None: the default unit

    def querystring(self) -> str:
        felt = {"inndeling": self.inndeling.value}
        if self.periode is not None:
            felt["periode"] = str(self.periode)
        if self.enhet:
            felt["enhet"] = self.enhet
        return "?" + urlencode(felt)


def les_valg(get: QueryDict) -> Valg:
    """Anything unknown falls back to the default; the page never fails on a bad link."""
    inndeling = Inndeling.KVARTAL if get.get("inndeling") == "kvartal" else Inndeling.MANED
    periode = som_maned_eller_kvartal(get.get("periode", ""))
    # Switching between months and quarters keeps the time: March becomes the first quarter,
    # and a quarter its last month.
    if inndeling is Inndeling.KVARTAL and isinstance(periode, Maned):
        periode = periode.kvartal
    elif inndeling is Inndeling.MANED and isinstance(periode, Kvartal):
        periode = Maned.fra_dato(periode.slutt)
    enhet = (get.get("enhet") or "").strip()[:40] or None
    return Valg(inndeling, periode, enhet)
