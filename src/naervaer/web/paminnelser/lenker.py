"""Addresses in mails: links built on ``NAERVAER_NETTADRESSE``, since a command run from cron has
no request to take the host from, and the sender and domain of Message-IDs and calendar UIDs."""

from __future__ import annotations

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from naervaer.oppfolging.kalender import Person


def nettadresse() -> str:
    return str(settings.NAERVAER_NETTADRESSE).rstrip("/")


def domene() -> str:
    """The host of the web address: Message-IDs and calendar UIDs are unique within it."""
    return urlsplit(nettadresse()).hostname or "localhost"


def lenke(sti: str) -> str:
    return nettadresse() + sti


def tilfelle(orgnr: str, tilfelle_id: int) -> str:
    """The case's page; the worklist until the follow-up pages name their case view."""
    try:
        return lenke(reverse("oppfolging:tilfelle", args=[orgnr, tilfelle_id]))
    except NoReverseMatch:
        return lenke(f"/virksomhet/{orgnr}/oppfolging/")


def aktivitet(orgnr: str, aktivitet_id: int) -> str:
    return lenke(reverse("paminnelser:aktivitet", args=[orgnr, aktivitet_id]))


def epostvalg() -> str:
    return lenke(reverse("paminnelser:valg"))


def avsender() -> Person:
    navn, epost = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Person(epost or "ikke-svar@localhost", navn or "Nærvær")
