"""The mail to an employee when the leader shares the plan: a link, and nothing from the plan.

Mail is read on phones, forwarded and kept: it says that there is a plan to read, never what is
in it, and not the leader's name (the subject would show it in every inbox list).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse

from naervaer.web.oppfolging.models import Tilfelle

logger = logging.getLogger(__name__)

EMNE = "Oppfølgingsplanen din er klar til å leses"


def varsle_ansatt(request: HttpRequest, tilfelle: Tilfelle) -> bool:
    """Mail the employee's user; answers whether a mail went."""
    bruker = tilfelle.ansatt.bruker
    if bruker is None or not bruker.email:
        return False
    virksomhet = tilfelle.ansatt.virksomhet
    lenke = request.build_absolute_uri(
        reverse(
            "oppfolgingsplan:mitt_tilfelle",
            kwargs={"orgnr": virksomhet.orgnr, "tilfelle_id": tilfelle.pk},
        )
    )
    tekst = (
        f"Lederen din i {virksomhet.navn} har delt oppfølgingsplanen med deg i Nærvær.\n\n"
        "Les planen, skriv en kommentar om du vil, og si fra om du er enig. Du trenger ikke "
        "skrive noe om sykdommen din.\n\n"
        f"{lenke}\n"
    )
    try:
        send_mail(EMNE, tekst, settings.DEFAULT_FROM_EMAIL, [bruker.email])
    except OSError:
        logger.exception("Kunne ikke sende e-post om delt oppfølgingsplan %s", tilfelle.pk)
        return False
    return True
