"""Which virksomheter a background command works on: those named, or all with own data."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.management.base import CommandError

from naervaer.web.virksomheter.models import Virksomhet


def virksomheter_med_egne_data(orgnumre: Sequence[str]) -> list[Virksomhet]:
    """The named virksomheter (spaces in an orgnr are ignored; an unknown one is an error), or
    every virksomhet that has employees, by orgnr."""
    valgte = [o.replace(" ", "") for o in orgnumre]
    if not valgte:
        return list(Virksomhet.objects.filter(ansatte__isnull=False).distinct().order_by("orgnr"))
    virksomheter = list(Virksomhet.objects.filter(pk__in=valgte).order_by("orgnr"))
    ukjente = sorted(set(valgte) - {v.orgnr for v in virksomheter})
    if ukjente:
        raise CommandError(f"Fant ingen virksomhet med orgnr {', '.join(ukjente)}")
    return virksomheter
