"""Mail about access: to the administrators when someone asks, to a user who was given it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from naervaer.web.virksomheter.models import Tilgangsforesporsel, Virksomhet
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


def inviter(
    request: HttpRequest, bruker: AbstractBaseUser, virksomhet: Virksomhet, ny: bool
) -> bool:
    """Tell a user they were given access; a new user gets a link to choose a password.

    The link is Django's password-reset token: single use, and void once the password is set
    or after ``PASSWORD_RESET_TIMEOUT``.
    """
    epost = getattr(bruker, "email", "")
    if not epost:
        return False
    innlogging = request.build_absolute_uri(reverse("kontoer:logg_inn"))
    tekst = f"Du har fått tilgang til {virksomhet.navn} (org.nr. {virksomhet.orgnr}) i Nærvær.\n\n"
    if ny and not bruker.has_usable_password():
        uid = urlsafe_base64_encode(force_bytes(bruker.pk))
        token = default_token_generator.make_token(bruker)
        lenke = request.build_absolute_uri(
            reverse("kontoer:nytt_passord", kwargs={"uidb64": uid, "token": token})
        )
        tekst += f"Velg passordet ditt her (lenken virker én gang):\n{lenke}\n\n"
    tekst += f"Logg inn her:\n{innlogging}\n"
    try:
        send_mail(
            f"Du har fått tilgang til {virksomhet.navn} i Nærvær",
            tekst,
            settings.DEFAULT_FROM_EMAIL,
            [epost],
        )
    except OSError:
        logger.exception("Kunne ikke sende invitasjon til bruker %s", bruker.pk)
        return False
    return True
