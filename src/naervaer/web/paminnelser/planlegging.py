"""Planning: put every reminder that is due now into the outbox, once.

Rows are written with ``bulk_create(ignore_conflicts=True)`` against the outbox's unique natural
keys, so a second run, or one running at the same moment, adds nothing that is there already.
A row is planned when it falls due, not in advance: the recipients and the deadline are read at
that moment, and the sender checks them once more before it sends.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Q

from naervaer.oppfolging.paminnelse import (
    ESKALERES,
    ESKALERING_VINDU,
    SAMLES_DAGLIG,
    Art,
    Frekvens,
)
from naervaer.web.oppfolging.models import Oppgave
from naervaer.web.paminnelser.ansvar import Ansvarskart
from naervaer.web.paminnelser.innhold import apne_oppgaver, ukeoversikt
from naervaer.web.paminnelser.innstillinger import varslingsplan
from naervaer.web.paminnelser.models import Aktivitet, Paminnelse
from naervaer.web.virksomheter.models import Virksomhet

Status = Paminnelse.Status


def planlegg(naa: datetime) -> None:
    """Plan what is due at ``naa`` in every virksomhet with open cases or coming activities."""
    virksomheter = Virksomhet.objects.filter(
        Q(ansatte__tilfeller__avsluttet__isnull=True)
        | Q(aktiviteter__start__gt=naa - timedelta(days=1))
    ).distinct()
    for virksomhet in virksomheter:
        Paminnelse.objects.bulk_create(_for_virksomhet(virksomhet, naa), ignore_conflicts=True)
    Paminnelse.objects.bulk_create(_daglige(naa), ignore_conflicts=True)


def _rad(
    art: Art,
    mottaker: User | int,
    virksomhet: Virksomhet,
    frist: date,
    send_etter: datetime,
    trinn: int = 0,
    **emne: object,
) -> Paminnelse:
    mottaker_id = mottaker if isinstance(mottaker, int) else mottaker.pk
    return Paminnelse(
        art=art.value,
        mottaker_id=mottaker_id,
        virksomhet=virksomhet,
        frist=frist,
        trinn=trinn,
        send_etter=send_etter,
        **emne,
    )


def _for_virksomhet(virksomhet: Virksomhet, naa: datetime) -> list[Paminnelse]:
    plan = varslingsplan(virksomhet.orgnr)
    kart = Ansvarskart(virksomhet, plan.dag(naa))
    rader: list[Paminnelse] = []

    # Only deadlines near enough for a reminder or recent enough for an escalation: a run every
    # few minutes must not read every open task of a large virksomhet.
    idag = plan.dag(naa)
    fra = idag - timedelta(days=ESKALERING_VINDU + 1)
    til = idag + timedelta(days=max(plan.dager_for, default=0))
    naere = Q(status=Oppgave.Status.APEN, frist__range=(fra, til)) | Q(
        status=Oppgave.Status.UTSATT, utsatt_til__range=(fra, til)
    )
    for oppgave in apne_oppgaver(virksomhet.orgnr).filter(naere):
        frist = oppgave.gjeldende_frist
        ansatt_id = oppgave.tilfelle.ansatt_id
        trinn = plan.varsel(frist, naa)
        if trinn is not None:
            send_etter = plan.tidspunkt(frist - timedelta(days=trinn))
            rader += [
                _rad(Art.FOR_FRIST, b, virksomhet, frist, send_etter, trinn, oppgave=oppgave)
                for b in kart.ledere(ansatt_id)
            ]
        if oppgave.kode in ESKALERES and plan.eskaleres(frist, naa):
            send_etter = plan.eskaleringstidspunkt(frist)
            rader += [
                _rad(Art.ESKALERING, b, virksomhet, frist, send_etter, oppgave=oppgave)
                for b in kart.eskalering(ansatt_id)
            ]

    for aktivitet in Aktivitet.objects.filter(virksomhet=virksomhet, start__gt=naa):
        dag = plan.dag(aktivitet.start)
        gjeldende = aktivitet.avlyst is None and kart.er_tilknyttet(aktivitet.ansvarlig_id)
        if gjeldende:
            rader.append(
                _rad(
                    Art.INVITASJON,
                    aktivitet.ansvarlig_id,
                    virksomhet,
                    dag,
                    naa,
                    aktivitet.sekvens,
                    aktivitet=aktivitet,
                )
            )
            trinn = plan.varsel(dag, naa)
            if trinn is not None:
                send_etter = plan.tidspunkt(dag - timedelta(days=trinn))
                rader.append(
                    _rad(
                        Art.AKTIVITET,
                        aktivitet.ansvarlig_id,
                        virksomhet,
                        dag,
                        send_etter,
                        trinn,
                        aktivitet=aktivitet,
                    )
                )
        # Whoever got an invitation and is no longer the one responsible (or the activity was
        # called off) gets it taken out of the calendar.
        for mottaker_id in _har_i_kalenderen(aktivitet):
            if not gjeldende or mottaker_id != aktivitet.ansvarlig_id:
                rader.append(
                    _rad(
                        Art.AVLYSNING,
                        mottaker_id,
                        virksomhet,
                        dag,
                        naa,
                        aktivitet.sekvens,
                        aktivitet=aktivitet,
                    )
                )

    mandag = plan.sammendragsuke(naa)
    if mandag is not None:
        send_etter = plan.sammendragstidspunkt(mandag)
        rader += [
            _rad(Art.SAMMENDRAG, bruker_id, virksomhet, mandag, send_etter)
            for bruker_id in sorted(ukeoversikt(virksomhet.orgnr, naa, plan, kart))
        ]
    return rader


def _har_i_kalenderen(aktivitet: Aktivitet) -> list[int]:
    """Who has the activity in their calendar: their last calendar mail about it was a sent
    invitation (a cancellation on its way counts as done)."""
    siste: dict[int, tuple[int, bool]] = {}
    for mottaker_id, trinn, art, status in Paminnelse.objects.filter(
        aktivitet=aktivitet, art__in=[Art.INVITASJON.value, Art.AVLYSNING.value]
    ).values_list("mottaker_id", "trinn", "art", "status"):
        avlyst = art == Art.AVLYSNING.value
        if (avlyst and status != Status.BORTFALT) or status == Status.SENDT:
            # At the same step, a cancellation comes after the invitation it takes back.
            siste[mottaker_id] = max(siste.get(mottaker_id, (trinn, avlyst)), (trinn, avlyst))
    return sorted(m for m, (_, avlyst) in siste.items() if not avlyst)


def _daglige(naa: datetime) -> list[Paminnelse]:
    """One daily mail for each «daglig samlet» person with reminders waiting: today's, or
    tomorrow's when today's has gone already."""
    ventende = (
        Paminnelse.objects.filter(
            status=Status.VENTER,
            art__in=[a.value for a in SAMLES_DAGLIG],
            send_etter__lte=naa,
            mottaker__epostvalg__frekvens=Frekvens.DAGLIG.value,
        )
        .values_list("mottaker_id", "virksomhet_id")
        .distinct()
    )
    rader = []
    for mottaker_id, virksomhet_id in ventende:
        plan = varslingsplan(virksomhet_id)
        dag = plan.dag(naa)
        dagens = Paminnelse.objects.filter(
            art=Art.DAGLIG.value, mottaker_id=mottaker_id, virksomhet_id=virksomhet_id, frist=dag
        ).first()
        if dagens is not None and dagens.status != Status.VENTER:
            dag += timedelta(days=1)
        rader.append(
            Paminnelse(
                art=Art.DAGLIG.value,
                mottaker_id=mottaker_id,
                virksomhet_id=virksomhet_id,
                frist=dag,
                send_etter=plan.tidspunkt(dag),
            )
        )
    return rader
