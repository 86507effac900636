"""Recomputing the own statistics: after a change of absence data, by command; what is kept."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.maned import Maned
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Egendata

pytestmark = pytest.mark.django_db

Fanger = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


def _virksomhet(orgnr: str = SOLSIKKEN) -> Any:
    from naervaer.web.virksomheter.models import Virksomhet

    return Virksomhet.objects.get(pk=orgnr)


def test_a_change_of_absence_recomputes_once_after_the_commit(
    egendata: Egendata, django_capture_on_commit_callbacks: Fanger
) -> None:
    from naervaer.web.egendata.signaler import send_fravaer_endret
    from naervaer.web.egenstatistikk.models import Egenberegning, Egentall

    virksomhet = _virksomhet()
    with django_capture_on_commit_callbacks(execute=False) as ventende, transaction.atomic():
        # An import in batches sends the signal more than once.
        send_fravaer_endret(virksomhet, frozenset({egendata.ansatte["1001"].pk}))
        send_fravaer_endret(virksomhet, frozenset({egendata.ansatte["1002"].pk}))
        # Nothing is computed inside the transaction: the import is not slowed by it.
        assert not Egentall.objects.exists()
    assert len(ventende) == 1
    ventende[0]()
    beregning = Egenberegning.objects.get(virksomhet=virksomhet)
    assert beregning.fra_maned == date(2025, 1, 1)
    assert Egentall.objects.filter(virksomhet=virksomhet, avdeling__isnull=True).exists()


def test_a_transaction_that_is_rolled_back_computes_nothing(
    egendata: Egendata, django_capture_on_commit_callbacks: Fanger
) -> None:
    from naervaer.web.egendata.signaler import send_fravaer_endret
    from naervaer.web.egenstatistikk.models import Egenberegning

    with django_capture_on_commit_callbacks(execute=True) as ventende:
        try:
            with transaction.atomic():
                send_fravaer_endret(_virksomhet(), frozenset())
                raise RuntimeError("importen feilet")
        except RuntimeError:
            pass
    assert ventende == []
    assert not Egenberegning.objects.exists()


def test_the_stored_rows_are_exact_and_replaced_when_the_data_changes(
    egendata: Egendata,
) -> None:
    from naervaer.web.egendata.models import Fravaer
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.egenstatistikk.models import Egentall

    virksomhet = _virksomhet()
    beregn(virksomhet, dag=date(2026, 3, 1))
    november = Egentall.objects.get(
        virksomhet=virksomhet, inndeling="maned", arstall=2025, nummer=11, avdeling=None
    )
    tall = november.fravaerstall
    assert (tall.antall_personer, tall.mulige_dagsverk, tall.tapte_dagsverk) == (
        12,
        Decimal(213),
        Decimal("9.6"),
    )
    assert november.periode == Maned(2025, 11)
    assert not november.maskert
    # 13 months and 4 quarters for the virksomhet.
    assert Egentall.objects.filter(virksomhet=virksomhet, avdeling=None).count() == 17
    Fravaer.objects.filter(ansatt__ansattnummer="1003", fra_dato=date(2025, 11, 10)).delete()
    beregn(virksomhet, dag=date(2026, 3, 1))
    november = Egentall.objects.get(
        virksomhet=virksomhet, inndeling="maned", arstall=2025, nummer=11, avdeling=None
    )
    assert november.fravaerstall.tapte_dagsverk == Decimal("6.6")
    assert Egentall.objects.filter(virksomhet=virksomhet, avdeling=None).count() == 17


def test_the_masks_are_stored_for_every_department_and_period(egendata: Egendata) -> None:
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.egenstatistikk.models import Egentall

    beregn(_virksomhet(), dag=date(2026, 3, 1))
    maskerte = {
        (r.avdeling.kode if r.avdeling else None, r.direkte)
        for r in Egentall.objects.filter(maskert=True, inndeling="kvartal", arstall=2025, nummer=2)
    }
    assert maskerte == {("A", False), ("A", True), ("A1", False), ("K", False)}


def test_only_finished_months_and_whole_quarters_are_computed() -> None:
    from naervaer.web.egenstatistikk.beregning import perioder_for

    perioder = perioder_for(date(2025, 2, 10), date(2026, 4, 30), date(2026, 3, 15))
    assert perioder is not None
    # From the quarter of the first absence; to February 2026, the last month that is over.
    assert perioder.maneder == (Maned(2025, 1), Maned(2026, 2))
    assert perioder.kvartaler == (Kvartal(2025, 1), Kvartal(2025, 4))
    assert perioder_for(date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 15)) is None
    # Absence that ended long ago ends the months there, not today.
    gamle = perioder_for(date(2020, 5, 1), date(2020, 8, 3), date(2026, 3, 15))
    assert gamle is not None and gamle.maneder == (Maned(2020, 4), Maned(2020, 8))
    assert gamle.kvartaler == (Kvartal(2020, 2), Kvartal(2020, 2))


def test_without_absence_there_are_no_rows(egendata: Egendata) -> None:
    from naervaer.web.egendata.models import Fravaer
    from naervaer.web.egenstatistikk.beregning import beregn, egne_tall
    from naervaer.web.egenstatistikk.models import Egentall

    Fravaer.objects.all().delete()
    beregning = beregn(_virksomhet())
    assert beregning.fra_maned is None and beregning.til_maned is None
    assert not Egentall.objects.exists()
    egne = egne_tall(_virksomhet())
    assert egne is not None and egne.perioder == ()


def test_a_higher_threshold_is_applied_to_stored_figures_at_once(
    egendata: Egendata, settings: Any
) -> None:
    from naervaer.statistikk.egentall import Celle
    from naervaer.web.egenstatistikk.beregning import beregn, egne_tall

    beregn(_virksomhet(), dag=date(2026, 3, 1))
    settings.NAERVAER_MASKERINGSTERSKEL = 13
    egne = egne_tall(_virksomhet())
    assert egne is not None
    virksomheten: Celle = (None, Maned(2025, 11))
    assert virksomheten in egne.maskert  # 12 persons, fewer than 13


def test_a_small_unshown_row_cannot_be_stored(egendata: Egendata) -> None:
    from naervaer.web.egenstatistikk.models import Egentall

    with pytest.raises(IntegrityError), transaction.atomic():
        Egentall.objects.create(
            virksomhet=_virksomhet(),
            inndeling="maned",
            arstall=2025,
            nummer=1,
            antall_personer=4,
            mulige=1,
            tapte=0,
            tapte_egenmeldt=0,
            tapte_legemeldt=0,
            tapte_gradert=0,
            tapte_korttid=0,
            tapte_langtid=0,
            maskert=False,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Egentall.objects.create(
            virksomhet=_virksomhet(),
            inndeling="kvartal",
            arstall=2025,
            nummer=5,
            antall_personer=40,
            mulige=1,
            tapte=0,
            tapte_egenmeldt=0,
            tapte_legemeldt=0,
            tapte_gradert=0,
            tapte_korttid=0,
            tapte_langtid=0,
            maskert=False,
        )


def test_the_command_computes_the_virksomheter_with_own_data(egendata: Egendata) -> None:
    from naervaer.web.egenstatistikk.models import Egenberegning

    ut = StringIO()
    call_command("beregn_egne_tall", stdout=ut)
    assert set(Egenberegning.objects.values_list("virksomhet_id", flat=True)) == {SOLSIKKEN}
    assert ut.getvalue().startswith(f"{SOLSIKKEN} Solsikken barnehage AS: 01.2025–")
    ut = StringIO()
    call_command("beregn_egne_tall", "--orgnr", SMAABYGG, stdout=ut)
    assert "ingen hele måneder med fravær" in ut.getvalue()
    with pytest.raises(CommandError, match="999999999"):
        call_command("beregn_egne_tall", "--orgnr", "999999999")
