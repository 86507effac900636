"""What a reminder is about, read from the database: open tasks, planned activities, the week."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from naervaer.oppfolging.paminnelse import ESKALERES, SAMMENDRAG_DAGER, Varslingsplan
from naervaer.oppfolging.varseltekst import Punkt, oppgavetittel
from naervaer.web.oppfolging.models import Oppgave
from naervaer.web.paminnelser import lenker
from naervaer.web.paminnelser.ansvar import Ansvarskart, navn
from naervaer.web.paminnelser.models import Aktivitet

APNE = (Oppgave.Status.APEN, Oppgave.Status.UTSATT)


def apne_oppgaver(virksomhet_id: str) -> QuerySet[Oppgave]:
    """Tasks still to do in the virksomhet's open cases."""
    return Oppgave.objects.filter(
        tilfelle__ansatt__virksomhet_id=virksomhet_id,
        tilfelle__avsluttet__isnull=True,
        status__in=APNE,
    ).select_related("tilfelle__ansatt")


def er_apen(oppgave: Oppgave) -> bool:
    return oppgave.status in APNE and oppgave.tilfelle.avsluttet is None


def oppgavepunkt(oppgave: Oppgave, kart: Ansvarskart | None = None) -> Punkt:
    """A task as a mail shows it; with ``kart``, also who is responsible (for HR)."""
    tilfelle = oppgave.tilfelle
    ansatt = tilfelle.ansatt
    return Punkt(
        hva=oppgavetittel(oppgave.kode),
        gjelder=ansatt.visningsnavn,
        frist=oppgave.gjeldende_frist,
        lenke=lenker.tilfelle(ansatt.virksomhet_id, tilfelle.pk),
        ansvarlige=tuple(navn(b) for b in kart.ledere(ansatt.pk)) if kart else (),
        ansatt_id=ansatt.pk,
    )


def aktivitetspunkt(aktivitet: Aktivitet, plan: Varslingsplan) -> Punkt:
    return Punkt(
        hva=aktivitet.get_type_display(),
        gjelder=aktivitet.tittel,
        frist=plan.dag(aktivitet.start),
        lenke=lenker.aktivitet(aktivitet.virksomhet_id, aktivitet.pk),
        tidspunkt=aktivitet.start,
    )


def slutt(aktivitet: Aktivitet) -> datetime:
    return aktivitet.start + timedelta(minutes=aktivitet.varighet)


@dataclass
class Ukeinnhold:
    forfalte: list[Punkt] = field(default_factory=list)
    kommende: list[Punkt] = field(default_factory=list)
    aktiviteter: list[Punkt] = field(default_factory=list)

    @property
    def tom(self) -> bool:
        return not (self.forfalte or self.kommende or self.aktiviteter)


def ukeoversikt(
    virksomhet_id: str, naa: datetime, plan: Varslingsplan, kart: Ansvarskart
) -> dict[int, Ukeinnhold]:
    """Each person's digest: the tasks they are responsible for that are overdue or due within
    two weeks, their activities in those weeks, and for HR every overdue deadline."""
    idag = plan.dag(naa)
    grense = idag + timedelta(days=SAMMENDRAG_DAGER)
    ut: dict[int, Ukeinnhold] = {}
    sett: set[tuple[int, int]] = set()
    oppgaver = apne_oppgaver(virksomhet_id).filter(
        Q(status=Oppgave.Status.APEN, frist__lte=grense)
        | Q(status=Oppgave.Status.UTSATT, utsatt_til__lte=grense)
    )
    for oppgave in sorted(oppgaver, key=lambda o: (o.gjeldende_frist, o.pk)):
        ansatt_id = oppgave.tilfelle.ansatt_id
        forfalt = oppgave.gjeldende_frist < idag
        mottakere = list(kart.ledere(ansatt_id))
        if forfalt and plan.eskalering and oppgave.kode in ESKALERES:
            mottakere += kart.eskalering(ansatt_id)
        punkt = oppgavepunkt(oppgave, kart)
        for bruker in mottakere:
            if (bruker.pk, oppgave.pk) in sett:
                continue
            sett.add((bruker.pk, oppgave.pk))
            innhold = ut.setdefault(bruker.pk, Ukeinnhold())
            (innhold.forfalte if forfalt else innhold.kommende).append(punkt)
    for aktivitet in Aktivitet.objects.filter(
        virksomhet_id=virksomhet_id,
        avlyst__isnull=True,
        start__gt=naa,
        start__lt=plan.tidspunkt(grense + timedelta(days=1)),
    ):
        if kart.er_tilknyttet(aktivitet.ansvarlig_id):
            ut.setdefault(aktivitet.ansvarlig_id, Ukeinnhold()).aktiviteter.append(
                aktivitetspunkt(aktivitet, plan)
            )
    return {bruker_id: innhold for bruker_id, innhold in ut.items() if not innhold.tom}
