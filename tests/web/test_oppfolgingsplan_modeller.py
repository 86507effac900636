"""The plan's models: versions that never change, constraints the database keeps, and what
goes with the case and what survives a deleted user."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from naervaer.web.oppfolgingsplan import lagring
from naervaer.web.oppfolgingsplan.models import (
    Deling,
    Enighet,
    Kommentar,
    Oppfolgingsplan,
    Planversjon,
    Tiltak,
    Uforanderlig,
)
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, Sak, dager, lagre
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture


def test_a_stored_version_and_its_measures_are_never_changed(sak: Sak) -> None:
    versjon = lagre(sak)
    versjon.arbeidsoppgaver = "Skrevet over"
    with pytest.raises(Uforanderlig):
        versjon.save()
    with pytest.raises(Uforanderlig):
        Planversjon.objects.filter(pk=versjon.pk).update(arbeidsoppgaver="Skrevet over")
    with pytest.raises(Uforanderlig):
        versjon.tiltak.update(hvem="Noen andre")
    tiltak = versjon.tiltak.first()
    assert tiltak is not None
    tiltak.hvem = "Noen andre"
    with pytest.raises(Uforanderlig):
        tiltak.save()
    versjon.refresh_from_db()
    assert versjon.innhold() == INNHOLD


def test_sharing_agreement_and_comments_are_written_once(sak: Sak) -> None:
    lagre(sak)
    deling, _ = lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    enighet = lagring.bekreft_enig(sak.tilfelle, 1, sak.bjorn)
    enighet.tidspunkt += timedelta(days=1)
    with pytest.raises(Uforanderlig):
        enighet.save()
    with pytest.raises(Uforanderlig):
        Deling.objects.update(delt=deling.delt + timedelta(days=1))
    with pytest.raises(Uforanderlig):
        Kommentar.objects.update(tekst="Endret")


def test_the_database_keeps_the_rules(sak: Sak) -> None:
    versjon = lagre(sak)
    plan = versjon.plan
    felles = {
        "plan": plan,
        "lagret_av_navn": "Lars",
        "arbeidsoppgaver": "Noe",
        "gjelder_fra": dager(5),
        "evalueres": dager(10),
    }
    ugyldige = [
        Planversjon(nummer=1, **felles),  # number taken
        Planversjon(nummer=2, **{**felles, "gjelder_til": dager(4)}),  # ends before it begins
        Planversjon(nummer=2, **{**felles, "evalueres": dager(4)}),  # evaluated before
        Planversjon(nummer=2, **{**felles, "arbeidsoppgaver": ""}),
    ]
    for rad in ugyldige:
        with pytest.raises(IntegrityError), transaction.atomic():
            Planversjon.objects.bulk_create([rad])
    for rad in (
        Tiltak(versjon=versjon, nr=1, hva="Igjen", hvem="HR", innen=dager(3)),  # nr taken
        Tiltak(versjon=versjon, nr=9, hva="", hvem="HR", innen=dager(3)),
        Tiltak(versjon=versjon, nr=9, hva="Noe", hvem="", innen=dager(3)),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Tiltak.objects.bulk_create([rad])
    with pytest.raises(IntegrityError), transaction.atomic():
        Kommentar.objects.bulk_create(
            [Kommentar(versjon=versjon, skrevet_av_navn="Lars", fra_ansatt=False, tekst="")]
        )
    # Agreement hangs on a sharing: there is no agreement to a version never shown.
    felt = Enighet._meta.get_field("deling")
    assert (felt.related_model, felt.null) == (Deling, False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enighet.objects.bulk_create([Enighet(deling=None)])


def test_the_plan_goes_with_its_case(sak: Sak) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    lagring.bekreft_enig(sak.tilfelle, 1, sak.bjorn)
    lagring.kommenter(Planversjon.objects.get(), sak.bjorn, "Hei", fra_ansatt=True)
    sak.tilfelle.delete()
    for modell in (Oppfolgingsplan, Planversjon, Tiltak, Deling, Enighet, Kommentar):
        assert not modell.objects.exists(), modell.__name__


def test_a_deleted_user_leaves_the_name_on_what_they_wrote(sak: Sak) -> None:
    lagre(sak, bruker=sak.egendata.hr)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.hr)
    lagring.kommenter(Planversjon.objects.get(), sak.egendata.hr, "Hei", fra_ansatt=False)
    sak.egendata.hr.delete()
    versjon = Planversjon.objects.get()
    assert (versjon.lagret_av, versjon.lagret_av_navn) == (None, "Hege")
    assert Deling.objects.get().delt_av is None
    assert Kommentar.objects.get().skrevet_av_navn == "Hege"


def test_versions_are_numbered_in_order_and_a_stale_base_is_refused(sak: Sak) -> None:
    assert lagre(sak).nummer == 1
    assert lagre(sak, replace(INNHOLD, som_for="To")).nummer == 2
    with pytest.raises(lagring.Utdatert) as feil:
        lagring.lagre(sak.tilfelle, replace(INNHOLD, som_for="Tre"), sak.egendata.leder, 1)
    assert feil.value.nyeste == 2
    with pytest.raises(lagring.Utdatert):
        lagring.lagre(sak.tilfelle, replace(INNHOLD, som_for="Tre"), sak.egendata.leder, None)
    with pytest.raises(lagring.IngenEndring):
        lagring.lagre(sak.tilfelle, replace(INNHOLD, som_for="To"), sak.egendata.leder, 2)
    assert list(Planversjon.objects.values_list("nummer", flat=True)) == [1, 2]
