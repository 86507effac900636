"""Keys that let an HR system push files to the import API of one virksomhet.

A key is 43 random URL-safe characters after the prefix ``nvr_``. Only its SHA-256 is stored: a
key of that strength needs no slow hash, and a stolen copy of the database cannot be used to
import. The key is shown once, when it is made.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from naervaer.web.egendata.models import Importnokkel
from naervaer.web.virksomheter.models import Virksomhet

PREFIKS = "nvr_"
SYNLIG = len(PREFIKS) + 6
"""How much of a key the list shows, so the administrator can tell keys apart."""


def _hash(nokkel: str) -> str:
    return hashlib.sha256(nokkel.encode()).hexdigest()


def lag_nokkel(virksomhet: Virksomhet, navn: str, bruker: User | None) -> tuple[Importnokkel, str]:
    """A new key and its text, which is never stored and cannot be shown again."""
    tekst = PREFIKS + secrets.token_urlsafe(32)
    nokkel = Importnokkel.objects.create(
        virksomhet=virksomhet,
        navn=navn.strip()[:100],
        hash=_hash(tekst),
        prefiks=tekst[:SYNLIG],
        opprettet_av=bruker,
    )
    return nokkel, tekst


def finn_nokkel(tekst: str) -> Importnokkel | None:
    """The active key with this text, marked as used now; None for an unknown or revoked key."""
    if not tekst.startswith(PREFIKS) or len(tekst) > 100:
        return None
    nokkel = (
        Importnokkel.objects.select_related("virksomhet")
        .filter(hash=_hash(tekst), tilbakekalt__isnull=True)
        .first()
    )
    if nokkel is not None:
        nokkel.sist_brukt = timezone.now()
        Importnokkel.objects.filter(pk=nokkel.pk).update(sist_brukt=nokkel.sist_brukt)
    return nokkel


def nokler_for(virksomhet: Virksomhet) -> QuerySet[Importnokkel]:
    return Importnokkel.objects.filter(virksomhet=virksomhet).select_related("opprettet_av")


def tilbakekall(virksomhet: Virksomhet, nokkel_id: int) -> Importnokkel | None:
    """Revoke a key of this virksomhet at once; None when it has no such active key."""
    nokkel = Importnokkel.objects.filter(
        virksomhet=virksomhet, pk=nokkel_id, tilbakekalt__isnull=True
    ).first()
    if nokkel is None:
        return None
    nokkel.tilbakekalt = timezone.now()
    nokkel.save(update_fields=["tilbakekalt"])
    return nokkel
