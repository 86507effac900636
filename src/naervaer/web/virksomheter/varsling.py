"""Mail to a virksomhet's administrators when someone asks for access."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse

from naervaer.web.virksomheter.models import Tilgangsforesporsel
from naervaer.web.virksomheter.tilgang import administratorer

logger = logging.getLogger(__name__)


def varsle_administratorer(request: HttpRequest, foresporsel: Tilgangsforesporsel) -> int:
    """Mail every administrator; answers how many got it. A mail server that is down must not
    lose the request, which is saved and shown on the administrators' page anyway."""
    mottakere = [
        bruker.email
        for bruker in administratorer(foresporsel.virksomhet)
        if getattr(bruker, "email", "")
    ]
    if not mottakere:
        return 0
    lenke = request.build_absolute_uri(
        reverse("virksomheter:tilganger", args=[foresporsel.virksomhet_id])
    )
    navn = foresporsel.bruker.get_full_name() or foresporsel.bruker.email or "En bruker"
    tekst = (
        f"{navn} ({foresporsel.bruker.email}) ber om tilgang til sykefraværsstatistikken for "
        f"{foresporsel.virksomhet.navn} (org.nr. {foresporsel.virksomhet.orgnr}) i Nærvær.\n\n"
    )
    if foresporsel.begrunnelse:
        tekst += f"Begrunnelse: {foresporsel.begrunnelse}\n\n"
    tekst += f"Gi eller avslå tilgang her:\n{lenke}\n"
    try:
        send_mail(
            f"Forespørsel om tilgang: {foresporsel.virksomhet.navn}",
            tekst,
            settings.DEFAULT_FROM_EMAIL,
            mottakere,
        )
    except OSError:
        logger.exception("Kunne ikke sende e-post om tilgangsforespørsel %s", foresporsel.pk)
        return 0
    return len(mottakere)
