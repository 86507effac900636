"""The administrator reads the audit log, chooses lines, and exports them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from naervaer.web.revisjon.models import Hendelse
from naervaer.web.virksomheter.tilgang import rettigheter, se_ansatt
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
STI = f"/virksomhet/{SOLSIKKEN}/revisjonslogg/"


def se(egendata: Egendata, bruker: object, nummer: str, hva: str) -> None:
    request = RequestFactory().get(f"/virksomhet/{SOLSIKKEN}/fravaer/ansatte/")
    request.user = bruker  # type: ignore[assignment]
    r = rettigheter(bruker, SOLSIKKEN)  # type: ignore[arg-type]
    se_ansatt(request, r, egendata.ansatte[nummer].pk, hva)


def test_every_look_at_a_person_is_a_line(client: Client, egendata: Egendata) -> None:
    se(egendata, egendata.hr, "1007", "så fraværshistorikken")
    se(egendata, egendata.leder, "1002", "så oppfølgingen")
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(STI).content)
    assert "2 linjer" in t
    assert "hr@example.no 1007 så fraværshistorikken" in t
    assert "leder@example.no 1002 så oppfølgingen" in t
    # Newest first.
    assert t.index("leder@example.no 1002") < t.index("hr@example.no 1007")


def test_a_leader_cannot_see_someone_outside_their_departments(egendata: Egendata) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        se(egendata, egendata.leder, "1007", "så fraværshistorikken")
    assert not Hendelse.objects.exists()


def test_lines_are_chosen_by_person_user_and_date(client: Client, egendata: Egendata) -> None:
    se(egendata, egendata.hr, "1007", "så fraværshistorikken")
    se(egendata, egendata.hr, "1002", "så fraværshistorikken")
    se(egendata, egendata.leder, "1002", "så oppfølgingen")
    gammel = Hendelse.objects.get(bruker_epost="leder@example.no")
    gammel.tidspunkt = timezone.now() - timedelta(days=40)
    gammel.save()
    client.force_login(egendata.inst.admin)
    assert "2 linjer" in tekst(client.get(STI, {"ansattnummer": "1002"}).content)
    assert "1 linje," not in tekst(client.get(STI, {"bruker": "leder"}).content)
    assert "1 linje" in tekst(client.get(STI, {"bruker": "leder"}).content)
    siden = (timezone.localdate() - timedelta(days=7)).isoformat()
    t = tekst(client.get(STI, {"ansattnummer": "1002", "fra": siden}).content)
    assert "1 linje" in t and "hr@example.no 1002" in t


def test_a_bad_date_is_named_and_ignored(client: Client, egendata: Egendata) -> None:
    se(egendata, egendata.hr, "1007", "så fraværshistorikken")
    client.force_login(egendata.inst.admin)
    t = tekst(client.get(STI, {"fra": "31.02.2025"}).content)
    assert "«31.02.2025» er ikke en dato." in t
    assert "1 linje" in t


def test_the_export_opens_in_norwegian_excel(client: Client, egendata: Egendata) -> None:
    se(egendata, egendata.hr, "1007", "så fraværshistorikken")
    se(egendata, egendata.hr, "1002", "så fraværshistorikken")
    client.force_login(egendata.inst.admin)
    svar = client.get(f"{STI}revisjonslogg.csv", {"ansattnummer": "1007"})
    assert svar["Content-Disposition"] == (f'attachment; filename="revisjonslogg-{SOLSIKKEN}.csv"')
    innhold = svar.content.decode("utf-8")
    assert innhold.startswith("\ufeffTidspunkt;Bruker;Ansattnummer;Hva;Side\r\n")
    linjer = innhold.strip().split("\r\n")
    assert len(linjer) == 2
    felt = linjer[1].split(";")
    assert felt[1:4] == ["hr@example.no", "1007", "så fraværshistorikken"]
    dato = timezone.localtime().strftime("%d.%m.%Y")
    assert felt[0].startswith(dato)


@pytest.mark.parametrize(
    "rolle", ["HR", "LEDER", "VERNEOMBUD", "TILLITSVALGT", "STATISTIKK", "ANSATT"]
)
def test_only_the_administrator_reads_the_log(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(STI).status_code == 404
    assert client.get(f"{STI}revisjonslogg.csv").status_code == 404
