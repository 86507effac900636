"""What ``naervaer import`` does, for the CLI to call: read, check, preview or store.

The summary goes to standard output; the error report, the warnings and the progress bar go to
standard error, so a script can keep the summary and still see why an import stopped.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from naervaer.statistikk.tallformat import norsk_tall
from naervaer.web import django_setup

UKJENT_VIRKSOMHET = 2
FEIL_I_FILENE = 1


def _melding(konsoll: Console, tekst: str) -> None:
    konsoll.print(tekst, highlight=False, markup=False, soft_wrap=True)


@contextmanager
def _fremdrift(konsoll: Console) -> Iterator[Progress]:
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=konsoll,
        transient=True,
        disable=not konsoll.is_terminal,
    ) as fremdrift:
        yield fremdrift


def importer(
    orgnr: str,
    stier: Sequence[Path],
    *,
    forhandsvisning: bool,
    oppsett: str | None,
    ut: Console,
    feil: Console,
) -> int:
    django_setup()
    from naervaer.egendata.feil import Importfeil
    from naervaer.egendata.lesing import Fil
    from naervaer.egendata.oppsett import OPPSETT
    from naervaer.web.egendata import opplasting
    from naervaer.web.egendata.lagring import Hvem, forhandsvis, lagre, les_filer
    from naervaer.web.egendata.models import Importlogg
    from naervaer.web.egendata.visning import oppsummering
    from naervaer.web.statistikk.lager import LagerIkkeKlart, forbered_lager
    from naervaer.web.virksomheter.models import Virksomhet

    try:
        forbered_lager()
    except LagerIkkeKlart as f:
        _melding(feil, str(f))
        return UKJENT_VIRKSOMHET
    opplasting.rydd()
    virksomhet = Virksomhet.objects.filter(orgnr=orgnr.replace(" ", "")).first()
    if virksomhet is None:
        _melding(feil, f"Finner ingen virksomhet med organisasjonsnummer {orgnr} i Nærvær.")
        return UKJENT_VIRKSOMHET
    valg = {}
    if oppsett is not None:
        kjente = {o.navn: o for o in OPPSETT}
        if oppsett not in kjente:
            navn = ", ".join(f"{o.navn} ({o.tittel})" for o in OPPSETT)
            _melding(feil, f"Ukjent oppsett «{oppsett}». Kjente oppsett: {navn}.")
            return UKJENT_VIRKSOMHET
        valg = {sti.name: kjente[oppsett] for sti in stier}
    mangler = [str(sti) for sti in stier if not sti.is_file()]
    if mangler:
        _melding(feil, "Finner ikke " + ", ".join(mangler) + ". Ingenting er lagret.")
        return UKJENT_VIRKSOMHET

    with _fremdrift(feil) as fremdrift:
        oppgaver: dict[str, TaskID] = {}

        def steg(navn: str, ferdig: int, totalt: int) -> None:
            if navn not in oppgaver:
                oppgaver[navn] = fremdrift.add_task(navn, total=totalt)
            fremdrift.update(oppgaver[navn], completed=ferdig, total=totalt)

        steg("Leser og kontrollerer filene", 0, len(stier))
        try:
            innlesing = les_filer(virksomhet, [Fil.fra_sti(s) for s in stier], valg)
            steg("Leser og kontrollerer filene", len(stier), len(stier))
            if forhandsvisning:
                plan = forhandsvis(virksomhet, innlesing)
            else:
                hvem = Hvem(Importlogg.Kanal.CLI, _brukernavn())
                plan = lagre(virksomhet, innlesing, hvem, fremdrift=steg).plan
        except Importfeil as f:
            fremdrift.stop()
            _melding(feil, f.rapport(maks=f.antall))
            return FEIL_I_FILENE
    tekst = oppsummering(plan, lagret=not forhandsvisning)
    _melding(ut, tekst.hode)
    for linje in tekst.linjer:
        _melding(ut, linje)
    if plan.advarsler:
        _melding(feil, f"Advarsler ({norsk_tall(len(plan.advarsler), 0)}):")
        for advarsel in plan.advarsler:
            _melding(feil, f"  {advarsel}")
    return 0


def _brukernavn() -> str:
    try:
        return f"{getpass.getuser()} (kommandolinjen)"
    except (KeyError, OSError):
        return "kommandolinjen"
