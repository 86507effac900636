"""The cost calculator (kostnadskalkulator) of one virksomhet."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.test import Client

from naervaer.web.statistikk.models import Kvartalsstatistikk
from tests.web.conftest import (
    HEMMELIG_PROSENT,
    HEMMELIG_PROSENT_PUNKTUM,
    SMAABYGG,
    SOLSIKKEN,
    SYKEHJEMMET,
    Installasjon,
)

pytestmark = pytest.mark.django_db

D = Decimal
KOSTNAD_PER_DAG = 4700  # settings.NAERVAER_KOSTNAD_PER_DAG
DAGSVERK_PER_ARSVERK = 230

# Solsikken's last four quarters are 2025K1-2025K4 (i = 4..7 in the fixture): 2 400 mulige
# dagsverk and 190 + (i % 4) × 3 tapte dagsverk each.
SOLSIKKEN_TAPTE = sum(190 + i % 4 * 3 for i in range(4, 8))  # 190 + 193 + 196 + 199 = 778
SOLSIKKEN_MULIGE = 4 * 2400  # 9 600


# The form's start tag; its attribute values may hold «>» (a CSS selector).
SKJEMA = re.compile(
    r'<form method="post" action="[^"]*" class="kalkulator__skjema"(?:"[^"]*"|[^">])*>'
)


def url(orgnr: str) -> str:
    return f"/virksomhet/{orgnr}/kostnad/"


def kr(belop: Decimal | int) -> str:
    """Whole kroner with a space between thousands: «3 656 600 kr»."""
    hele = int(D(belop).quantize(D(1), rounding=ROUND_HALF_UP))
    return f"{hele:,} kr".replace(",", " ")


def en_desimal(verdi: Decimal) -> str:
    return str(verdi.quantize(D("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",")


def tekst(html: str) -> str:
    """Visible text in one line, for asserting sentences."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def resultat(html: str) -> str:
    """The text of the result region, the part htmx swaps."""
    treff = re.search(r'<div id="resultat" aria-live="polite">(.*?)</section>', html, re.S)
    assert treff, "the page has no result region"
    return tekst(treff.group(1))


def verdi(html: str, navn: str) -> str:
    treff = re.search(rf'<input [^>]*name="{navn}" id="[^"]+" value="([^"]*)"', html)
    assert treff, f"no field {navn}"
    return treff.group(1)


def hent(client: Client, orgnr: str = SOLSIKKEN, **parametre: str) -> str:
    """The page as a first visit (GET), or with what the user typed (POST, as the form sends)."""
    svar = client.post(url(orgnr), parametre) if parametre else client.get(url(orgnr))
    assert svar.status_code == 200
    return svar.content.decode()


def test_prefilled_from_the_last_four_quarters(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    html = hent(client)
    assert verdi(html, "tapte_dagsverk") == "778" == str(SOLSIKKEN_TAPTE)
    assert verdi(html, "mulige_dagsverk") == "9 600"
    # 778 / 9 600 × 100 = 8,104 %, shown with one decimal as on the statistics page
    assert verdi(html, "prosent") == en_desimal(D(SOLSIKKEN_TAPTE) * 100 / SOLSIKKEN_MULIGE)
    assert verdi(html, "prosent") == "8,1"
    assert verdi(html, "kostnad_per_dag") == "4 700"
    assert verdi(html, "maal_dagsverk") == ""
    assert 'id="modus-dagsverk" value="dagsverk" checked' in html
    t = tekst(html)
    assert "Hva koster sykefraværet i Solsikken barnehage AS?" in t
    assert "de siste fire kvartalene (1. januar 2025 – 31. desember 2025)" in t
    # The cost per day shows its source and date next to the field.
    assert f"Kilde: {settings.NAERVAER_KOSTNAD_KILDE}, per 1. mai 2026" in t
    # The prefilled figures give a result at once: 778 × 4 700 kr
    r = resultat(html)
    assert f"Sykefraværet koster i dag {kr(SOLSIKKEN_TAPTE * KOSTNAD_PER_DAG)} i året" in r
    assert "3 656 600 kr" in r
    # 778 / 230 = 3,38 årsverk
    arsverk = en_desimal(D(SOLSIKKEN_TAPTE) / DAGSVERK_PER_ARSVERK)
    assert f"778 tapte dagsverk i året, som tilsvarer omtrent {arsverk} årsverk" in r


def test_the_page_links_back_and_is_made_for_htmx_without_needing_it(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    html = hent(client)
    assert f'href="/virksomhet/{SOLSIKKEN}/">Tilbake til sykefraværsstatistikken' in html
    skjema = re.search(SKJEMA, html)
    assert skjema, "the calculator is a plain form, so it works without script"
    for attributt in (
        f'hx-post="{url(SOLSIKKEN)}"',
        'hx-trigger="input changed delay:300ms, change"',
        'hx-target="#resultat"',
        'hx-select="#resultat > *"',
    ):
        assert attributt in skjema.group(0)
    assert 'id="resultat" aria-live="polite"' in html
    # Strict CSP: no inline script or style.
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "style=" not in html and "<style" not in html


def test_dagsverk_mode_with_a_target(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    html = hent(
        client,
        modus="dagsverk",
        tapte_dagsverk="778",
        maal_dagsverk="600",
        kostnad_per_dag="4 700",
    )
    r = resultat(html)
    naa, ved_maal = 778 * KOSTNAD_PER_DAG, 600 * KOSTNAD_PER_DAG  # 3 656 600 and 2 820 000
    assert f"Sykefraværet koster i dag {kr(naa)} i året" in r
    assert f"Ved målet på 600 tapte dagsverk {kr(ved_maal)} i året" in r
    assert f"Forskjell {kr(naa - ved_maal)} mindre i året" in r  # 178 × 4 700 = 836 600
    # 178 / 230 = 0,77 årsverk
    arsverk = en_desimal(D(778 - 600) / DAGSVERK_PER_ARSVERK)
    assert (
        f"sparer virksomheten {kr(naa - ved_maal)} i året. Det er 178 færre tapte dagsverk, "
        f"som tilsvarer omtrent {arsverk} årsverk" in r
    )


def test_prosent_mode_with_a_target(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    html = hent(
        client,
        modus="prosent",
        prosent="8,1",
        mulige_dagsverk="9 600",
        maal_prosent="6.5",
        kostnad_per_dag="4700",
    )
    assert 'id="modus-prosent" value="prosent" checked' in html
    r = resultat(html)
    dagsverk = D("8.1") * 9600 / 100  # 777,6 tapte dagsverk
    ved_maal = D("6.5") * 9600 / 100  # 624
    naa, maal = dagsverk * KOSTNAD_PER_DAG, ved_maal * KOSTNAD_PER_DAG  # 3 654 720, 2 932 800
    assert f"Sykefraværet koster i dag {kr(naa)} i året" in r
    assert f"Ved målet på 6,5 % {kr(maal)} i året" in r
    assert f"Forskjell {kr(naa - maal)} mindre i året" in r  # 153,6 × 4 700 = 721 920
    assert "En sykefraværsprosent på 8,1 % av 9 600 mulige dagsverk er 777,6 tapte dagsverk" in r
    arsverk = en_desimal((dagsverk - ved_maal) / DAGSVERK_PER_ARSVERK)  # 153,6 / 230 = 0,67
    assert f"153,6 færre tapte dagsverk, som tilsvarer omtrent {arsverk} årsverk" in r


def test_an_empty_target_shows_no_saving(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    for modus, felter in (
        ("dagsverk", {"tapte_dagsverk": "778", "maal_dagsverk": ""}),
        ("prosent", {"prosent": "8,1", "mulige_dagsverk": "9 600", "maal_prosent": " "}),
    ):
        r = resultat(hent(client, modus=modus, kostnad_per_dag="4 700", **felter))
        assert "Sykefraværet koster i dag" in r
        # NAV showed the whole cost as a saving here.
        assert "spar" not in r.lower()
        assert "Forskjell" not in r and "Ved målet" not in r
        assert "Du har ikke satt et mål." in r


def test_a_target_above_today_says_so(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    r = resultat(hent(client, tapte_dagsverk="100", maal_dagsverk="120", kostnad_per_dag="4 700"))
    ekstra = (120 - 100) * KOSTNAD_PER_DAG  # 94 000
    assert "Målet er høyere enn dagens nivå." in r
    assert f"Forskjell {kr(ekstra)} mer i året" in r
    assert f"Da ville sykefraværet kostet {kr(ekstra)} mer i året" in r
    assert "sparer virksomheten" not in r


def test_a_target_equal_to_today_gives_no_saving(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    r = resultat(hent(client, tapte_dagsverk="100", maal_dagsverk="100,0"))
    assert "Målet er det samme som dagens nivå" in r
    assert "Forskjell 0 kr" in r
    assert "sparer virksomheten" not in r


@pytest.mark.parametrize(
    ("parametre", "felt", "melding"),
    [
        (
            {"tapte_dagsverk": "abc"},
            "tapte_dagsverk",
            "Tapte dagsverk må være et tall, for eksempel 120 eller 120,5.",
        ),
        ({"tapte_dagsverk": "-5"}, "tapte_dagsverk", "Tapte dagsverk kan ikke være mindre enn 0."),
        ({"tapte_dagsverk": ""}, "tapte_dagsverk", "Skriv inn tapte dagsverk."),
        (
            {"tapte_dagsverk": "1e3"},
            "tapte_dagsverk",
            "Tapte dagsverk må være et tall, for eksempel 120 eller 120,5.",
        ),
        (
            {"maal_dagsverk": "mye"},
            "maal_dagsverk",
            "Målet for tapte dagsverk må være et tall, for eksempel 100 eller 100,5.",
        ),
        (
            {"modus": "prosent", "prosent": "101"},
            "prosent",
            "Sykefraværsprosenten må være mellom 0 og 100.",
        ),
        (
            {"modus": "prosent", "maal_prosent": "-1"},
            "maal_prosent",
            "Målet for sykefraværsprosenten må være mellom 0 og 100.",
        ),
        (
            {"modus": "prosent", "mulige_dagsverk": "−10"},
            "mulige_dagsverk",
            "Mulige dagsverk kan ikke være mindre enn 0.",
        ),
        ({"kostnad_per_dag": ""}, "kostnad_per_dag", "Skriv inn kostnaden per dag."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_in_a_summary(
    client: Client,
    installasjon: Installasjon,
    parametre: dict[str, str],
    felt: str,
    melding: str,
) -> None:
    client.force_login(installasjon.leser)
    html = hent(client, **parametre)
    # Next to the field, which points at it with aria-describedby …
    ved_feltet = re.search(
        rf'<div class="aksel-form-field__error" id="feil-{felt}">(.*?)</div>', html
    )
    assert ved_feltet and melding in ved_feltet.group(1)
    assert re.search(rf'name="{felt}" id="id_{felt}"[^>]*aria-describedby="[^"]*feil-{felt}"', html)
    # … and in the summary, linked to the field.
    assert f'<a class="aksel-link" href="#id_{felt}">{melding}</a>' in html
    assert melding in resultat(html)
    assert "Sykefraværet koster i dag" not in resultat(html)
    assert "<title>Feil i skjemaet:" in html
    # What the user typed stays in the field.
    if felt in parametre:
        assert verdi(html, felt) == parametre[felt]


def test_fields_of_the_other_mode_do_not_block_a_result(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    html = hent(client, modus="dagsverk", tapte_dagsverk="10", prosent="abc")
    assert f"Sykefraværet koster i dag {kr(10 * KOSTNAD_PER_DAG)} i året" in resultat(html)
    assert 'id="feil-prosent"></div>' in html


def test_norwegian_numbers_are_understood(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    for kostnad in ("4 700", "4700", "4\u00a0700", "4 700 kr", "4700,0"):
        for prosent in ("6,5", "6.5", "6,5 %"):
            html = hent(
                client,
                modus="prosent",
                prosent=prosent,
                mulige_dagsverk="1 000",
                kostnad_per_dag=kostnad,
            )
            # 6,5 % of 1 000 mulige dagsverk is 65 tapte dagsverk; 65 × 4 700 = 305 500 kr
            assert f"Sykefraværet koster i dag {kr(65 * KOSTNAD_PER_DAG)} i året" in resultat(
                html
            ), (kostnad, prosent)


def test_the_user_can_change_the_cost_per_day(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    r = resultat(hent(client, tapte_dagsverk="100", kostnad_per_dag="3 000"))
    assert f"Sykefraværet koster i dag {kr(100 * 3000)} i året" in r
    assert "regnet til 3 000 kr, ditt eget anslag." in r
    r = resultat(hent(client, tapte_dagsverk="100", kostnad_per_dag="4 700"))
    assert f"regnet til 4 700 kr. Kilde: {settings.NAERVAER_KOSTNAD_KILDE}, per 1. mai 2026." in r


def test_an_unknown_mode_in_a_bookmark_falls_back_to_dagsverk(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.leser)
    html = hent(client, modus="planet", tapte_dagsverk="10")
    assert 'id="modus-dagsverk" value="dagsverk" checked' in html
    assert f"{kr(10 * KOSTNAD_PER_DAG)} i året" in resultat(html)


def test_a_masked_virksomhet_is_not_prefilled(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    html = hent(client, SMAABYGG)
    for navn in ("tapte_dagsverk", "prosent", "mulige_dagsverk"):
        assert verdi(html, navn) == ""
    assert "Tallene for Småbygg AS vises ikke fordi færre enn 5 personer ligger bak dem." in tekst(
        html
    )
    assert "Fyll inn tallene for å se hva sykefraværet koster." in resultat(html)
    # 4 × 171,7 = 686,8 tapte of 4 × 1 250 = 5 000 mulige dagsverk: none of it may leak.
    for modus in ("dagsverk", "prosent"):
        html = hent(client, SMAABYGG, modus=modus)
        for hemmelig in (HEMMELIG_PROSENT, HEMMELIG_PROSENT_PUNKTUM, "686,8", "686.8"):
            assert hemmelig not in html


def test_one_masked_quarter_stops_the_prefill(client: Client, installasjon: Installasjon) -> None:
    """The sum now minus the sum a quarter ago would give the masked quarter's dagsverk."""
    Kvartalsstatistikk.objects.filter(
        kategori="VIRKSOMHET", kode=SOLSIKKEN, arstall=2025, kvartal=2
    ).update(antall_personer=3)
    client.force_login(installasjon.leser)
    html = hent(client)
    for navn in ("tapte_dagsverk", "prosent", "mulige_dagsverk"):
        assert verdi(html, navn) == ""
    # 190 + 193 + 196 + 199 = 778 tapte dagsverk would have been prefilled.
    assert "778" not in html


def test_without_the_statistics_right_nothing_is_prefilled(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.uten_rett)
    html = hent(client)
    for navn in ("tapte_dagsverk", "prosent", "mulige_dagsverk"):
        assert verdi(html, navn) == ""
    assert verdi(html, "kostnad_per_dag") == "4 700"
    assert str(SOLSIKKEN_TAPTE) not in html and "9 600" not in html
    t = tekst(html)
    assert "du ikke har tilgang til sykefraværsstatistikken for Solsikken barnehage AS" in t
    assert f'href="/virksomhet/{SOLSIKKEN}/#be-om-tilgang">be om tilgang' in html
    # A first visit with empty fields greets the user, not with errors.
    assert "Fyll inn tallene" in resultat(html) and "Rett opp" not in html
    # The calculator itself works with the user's own figures.
    r = resultat(hent(client, tapte_dagsverk="50", kostnad_per_dag="4 700"))
    assert f"Sykefraværet koster i dag {kr(50 * KOSTNAD_PER_DAG)} i året" in r


def test_few_quarters_are_prefilled_with_a_warning(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.sykehjem)
    html = hent(client, SYKEHJEMMET)
    # Only 2025K3 and 2025K4: 960 + 960 tapte of 12 000 + 12 000 mulige dagsverk
    assert verdi(html, "tapte_dagsverk") == "1 920"
    assert verdi(html, "mulige_dagsverk") == "24 000"
    assert "tallene dekker bare 2 av de fire siste kvartalene" in tekst(html)
    assert "3. kvartal 2025, 4. kvartal 2025" in tekst(html)


def test_a_stranger_gets_404(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.fremmed)
    assert client.get(url(SOLSIKKEN)).status_code == 404
    assert client.get(url("999999999")).status_code == 404


def test_an_anonymous_user_is_sent_to_log_in(client: Client, installasjon: Installasjon) -> None:
    svar = client.get(url(SOLSIKKEN), {"tapte_dagsverk": "10"})
    assert svar.status_code == 302
    assert svar["Location"].startswith("/logg-inn/?next=")


def test_an_htmx_request_gets_the_result_region(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    svar = client.post(
        url(SOLSIKKEN),
        {"tapte_dagsverk": "778", "maal_dagsverk": "abc", "kostnad_per_dag": "4 700"},
        headers={"HX-Request": "true"},
    )
    assert svar.status_code == 200
    html = svar.content.decode()
    # The region htmx selects, and the field error slots it swaps out of band by id.
    assert "Målet for tapte dagsverk må være et tall" in resultat(html)
    assert re.search(r'id="feil-maal_dagsverk"><p[^>]*>Målet for tapte dagsverk', html)
    assert 'id="feil-tapte_dagsverk"></div>' in html
    skjema = re.search(SKJEMA, html)
    assert skjema
    for navn in ("tapte_dagsverk", "maal_dagsverk", "prosent", "kostnad_per_dag"):
        assert f"#feil-{navn}" in skjema.group(0)


def test_the_figures_never_go_into_the_address(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    html = hent(client)
    skjema = re.search(r"<form [^>]*kalkulator__skjema[^>]*>", html)
    assert skjema is not None
    assert 'method="post"' in skjema.group(0) and "hx-post=" in skjema.group(0)
    assert "hx-push-url" not in skjema.group(0) and "hx-get" not in skjema.group(0)
    assert 'name="csrfmiddlewaretoken"' in html
