"""The retention deletion: whole cases three years after they ended, then nothing more."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Fravaer
from naervaer.web.oppfolging.models import Tilfelle
from naervaer.web.personvern.models import Sletting
from naervaer.web.personvern.oppbevaring import frossen_for
from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata

pytestmark = pytest.mark.django_db


def kjor(dato: str, *argumenter: str) -> str:
    ut = StringIO()
    call_command("slett_utlopte", "--dato", dato, *argumenter, stdout=ut)
    return ut.getvalue()


def fravaer(egendata: Egendata, nummer: str) -> list[tuple[str, str]]:
    return [
        (f.fra_dato.isoformat(), f.til_dato.isoformat())
        for f in Fravaer.objects.filter(ansatt=egendata.ansatte[nummer]).order_by("fra_dato")
    ]


def test_cases_older_than_three_years_go_and_the_rest_stay(egendata: Egendata) -> None:
    # 1002's case (January to 30 May 2025) ended 30 May 2025; 1001's two short ones in February
    # and June 2025. On 1 June 2028, 1001's February case and 1002's case are over 3 years old.
    foer = Fravaer.objects.count()
    ut = kjor("2028-06-01")
    assert fravaer(egendata, "1001") == [("2025-06-02", "2025-06-03")]
    assert fravaer(egendata, "1002") == []
    assert fravaer(egendata, "1007") == [("2025-11-03", "2025-11-05"), ("2025-11-06", "2026-01-30")]
    slettet = foer - Fravaer.objects.count()
    # 1001 Feb, 1002 ×2, 1005 (April 2025), 1010 (May 2025).
    assert slettet == 5
    assert "Slettet 5 fraværsperioder" in ut
    assert "tilfeller som var over før 1. juni 2025" in ut
    virksomhet = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    assert frossen_for(virksomhet) == date(2025, 6, 1)
    # Running again the same day deletes nothing more.
    assert "Slettet 0 fraværsperioder" in kjor("2028-06-01")


def test_an_ongoing_case_is_never_deleted(egendata: Egendata) -> None:
    Fravaer.objects.create(
        ansatt=egendata.ansatte["1012"],
        fra_dato=date(2019, 1, 7),
        til_dato=date(2031, 12, 31),
        type="sykmelding",
        grad=Decimal(100),
    )
    kjor("2030-01-01")
    assert fravaer(egendata, "1012") == [("2019-01-07", "2031-12-31")]


def test_someone_who_left_long_ago_goes_entirely(egendata: Egendata) -> None:
    Arbeidsforhold.objects.filter(ansatt=egendata.ansatte["1010"]).update(
        til_dato=date(2025, 6, 30)
    )
    kjor("2028-06-01")
    # 1010's only absence ended in May 2025 and the employment in June 2025: still within 3 years.
    assert Ansatt.objects.filter(ansattnummer="1010").exists()
    ut = kjor("2028-07-15")
    assert not Ansatt.objects.filter(ansattnummer="1010").exists()
    assert "1 ansatte" in ut
    # Someone still employed stays, with no absence left.
    assert Ansatt.objects.filter(ansattnummer="1005").exists()


def test_closed_follow_up_cases_and_old_log_lines_go(egendata: Egendata) -> None:
    gammel = Tilfelle.objects.create(
        ansatt=egendata.ansatte["1002"],
        fra_dato=date(2025, 1, 6),
        til_dato=date(2025, 5, 30),
        avsluttet=date(2025, 6, 2),
    )
    apen = Tilfelle.objects.create(ansatt=egendata.ansatte["1007"], fra_dato=date(2025, 11, 3))
    linje = Hendelse.objects.create(
        virksomhet_id=SOLSIKKEN, bruker_epost="hr@example.no", hva="så fraværshistorikken"
    )
    Hendelse.objects.filter(pk=linje.pk).update(
        tidspunkt=timezone.make_aware(timezone.datetime(2025, 1, 10, 12))
    )
    kjor("2028-06-01")
    assert not Tilfelle.objects.filter(pk=gammel.pk).exists()
    assert Tilfelle.objects.filter(pk=apen.pk).exists()
    assert not Hendelse.objects.filter(pk=linje.pk).exists()
    (sletting,) = Sletting.objects.all()
    assert (sletting.tilfeller, sletting.logglinjer) == (1, 1)


def test_a_retention_of_zero_years_is_refused(egendata: Egendata) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="minst ett år"):
        kjor("2028-06-01", "--aar", "0")
    assert not Sletting.objects.exists()


def test_the_statistics_keep_the_quarters_whose_absence_is_gone(egendata: Egendata) -> None:
    from naervaer.web.egenstatistikk.beregning import beregn
    from naervaer.web.egenstatistikk.models import Egentall

    virksomhet = Virksomhet.objects.get(orgnr=SOLSIKKEN)
    dag = date(2028, 6, 1)
    beregn(virksomhet, dag=dag)

    def tall() -> dict[tuple[str, int, int, int | None, bool], tuple[int, int, bool]]:
        return {
            (t.inndeling, t.arstall, t.nummer, t.avdeling_id, t.direkte): (
                t.mulige,
                t.tapte,
                t.maskert,
            )
            for t in Egentall.objects.filter(virksomhet=virksomhet)
        }

    foer = tall()
    kjor(dag.isoformat())
    beregn(virksomhet, dag=dag)
    etter = tall()
    # 2025K1 and K2 lost 1002's case and others: their figures stay as they were computed.
    gamle = {k: v for k, v in foer.items() if (k[1], k[2]) in {(2025, 1), (2025, 2)}}
    gamle |= {k: v for k, v in foer.items() if k[0] == "maned" and k[1] == 2025 and k[2] <= 6}
    assert gamle and all(etter[k] == v for k, v in gamle.items())
    # From 2025K3 on, nothing was deleted, so computing again gives the same figures.
    nye = {k for k in foer if k not in gamle}
    assert nye and all(etter[k] == foer[k] for k in nye)
    # Without the freeze, 2025K1 would now count no tapte dagsverk for 1002.
    virksomhet_k1 = ("kvartal", 2025, 1, None, False)
    assert etter[virksomhet_k1][1] > 0
