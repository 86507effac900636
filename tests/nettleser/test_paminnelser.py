"""The reminder pages in a real browser: one's choice of mail, the administrator's timing, and
planning an activity; axe at 375 and 1280 px, with the error states too."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from naervaer.web.paminnelser.models import Aktivitet, Epostvalg
from tests.nettleser.sider import Nettsted, sjekk_i_begge_bredder
from tests.web.conftest import SOLSIKKEN, Egendata


def test_choosing_how_often_to_get_mail(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til("/paminnelser/")
    expect(side.get_by_role("heading", level=1)).to_have_text("Påminnelser på e-post")
    expect(side.get_by_role("radio", name="Hver påminnelse")).to_be_checked()
    sjekk_i_begge_bredder(side, "paminnelser-valg")
    side.get_by_role("radio", name="Daglig samlet").check()
    side.get_by_role("button", name="Lagre valget").click()
    expect(side.get_by_role("status")).to_contain_text("Du får nå: daglig samlet.")
    expect(side.get_by_role("radio", name="Daglig samlet")).to_be_checked()
    assert Epostvalg.objects.get(bruker=egendata.leder).frekvens == "DAGLIG"


def test_the_administrator_sets_when_reminders_go_out(
    nettsted: Nettsted, egendata: Egendata
) -> None:
    nettsted.innlogget_som(egendata.inst.admin)
    side = nettsted.gaa_til(f"/paminnelser/{SOLSIKKEN}/innstillinger/")
    sjekk_i_begge_bredder(side, "paminnelser-innstillinger")
    felt = side.get_by_label("Påminnelser før hver frist (antall dager før)")
    felt.fill("7, om en uke")
    side.get_by_role("button", name="Lagre innstillingene").click()
    expect(felt).to_have_attribute("aria-invalid", "true")
    expect(felt).to_have_accessible_description(
        "Skriv dagene med komma mellom, for eksempel 7, 1. 0 er selve fristdagen. Høyst 5 "
        "påminnelser, hver 0–60 dager før. Tomt felt: ingen påminnelser før fristen, bare "
        "ukeoversikten. «om» er ikke et helt antall dager. Skriv for eksempel 7, 1."
    )
    sjekk_i_begge_bredder(side, "paminnelser-innstillinger-feil")
    felt.fill("14, 7, 1")
    side.get_by_role("button", name="Lagre innstillingene").click()
    expect(side.get_by_role("status")).to_contain_text("Innstillingene for påminnelser er lagret.")
    expect(felt).to_have_value("14, 7, 1")


def test_planning_and_calling_off_an_activity(nettsted: Nettsted, egendata: Egendata) -> None:
    nettsted.innlogget_som(egendata.leder)
    side = nettsted.gaa_til(f"/virksomhet/{SOLSIKKEN}/")
    side.get_by_role("link", name="Aktiviteter og påminnelser").click()
    expect(side.get_by_role("heading", level=1)).to_have_text("Planlagte aktiviteter")
    sjekk_i_begge_bredder(side, "paminnelser-aktiviteter-tom")

    side.get_by_role("button", name="Planlegg aktiviteten").click()
    tittel = side.get_by_label("Tittel")
    expect(tittel).to_have_attribute("aria-invalid", "true")
    expect(side.get_by_text("Skriv en tittel.")).to_be_visible()
    sjekk_i_begge_bredder(side, "paminnelser-aktiviteter-feil")

    dag = timezone.localdate() + timedelta(days=10)
    tittel.fill("Arbeidsmiljøkartlegging")
    side.get_by_label("Type").select_option(label="Forebyggende aktivitet")
    side.get_by_label("Dato").fill(dag.isoformat())
    side.get_by_label("Klokkeslett").fill("10:00")
    side.get_by_label("Varighet i minutter").fill("90")
    side.get_by_label("Sted (valgfritt)").fill("Møterom Solsikke")
    side.get_by_role("button", name="Planlegg aktiviteten").click()
    expect(side.get_by_role("status")).to_contain_text("«Arbeidsmiljøkartlegging» er planlagt.")
    expect(side.get_by_role("heading", name="Arbeidsmiljøkartlegging")).to_be_visible()
    sjekk_i_begge_bredder(side, "paminnelser-aktiviteter")

    side.get_by_role("link", name="Endre eller avlys «Arbeidsmiljøkartlegging»").click()
    expect(side.get_by_label("Klokkeslett")).to_have_value("10:00")
    sjekk_i_begge_bredder(side, "paminnelser-aktivitet")
    side.get_by_role("button", name="Avlys «Arbeidsmiljøkartlegging»").click()
    expect(side.get_by_role("status")).to_contain_text("er avlyst")
    assert Aktivitet.objects.get().avlyst is not None
