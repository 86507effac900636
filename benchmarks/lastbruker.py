"""The load test's user: access to a sample of virksomheter that have statistics.

    DJANGO_SETTINGS_MODULE=naervaer.web.settings python benchmarks/lastbruker.py 200 <passord>

Prints the chosen orgnr, comma-separated, for the locust users.
"""

from __future__ import annotations

import random
import sys

import django


def lag_bruker(antall: int, passord: str) -> list[str]:
    from django.contrib.auth import get_user_model

    from naervaer.web.statistikk.models import Kvartalsstatistikk
    from naervaer.web.virksomheter.models import Rolle, Tilgang, Virksomhet

    bruker, _ = get_user_model().objects.get_or_create(username="last@example.no")
    bruker.email = "last@example.no"
    bruker.set_password(passord)
    bruker.save()
    Tilgang.objects.filter(bruker=bruker).delete()
    med_tall = set(
        Kvartalsstatistikk.objects.filter(kategori="VIRKSOMHET").values_list("kode", flat=True)
    )
    kjente = set(Virksomhet.objects.values_list("orgnr", flat=True))
    valgt = random.Random(2026).sample(sorted(med_tall & kjente), antall)
    Tilgang.objects.bulk_create(
        [Tilgang(bruker=bruker, virksomhet_id=o, rolle=Rolle.STATISTIKK) for o in valgt]
    )
    return valgt


if __name__ == "__main__":
    django.setup()
    print(",".join(lag_bruker(int(sys.argv[1]), sys.argv[2])))
