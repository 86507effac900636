"""The plan's times as Norwegian text: «12.03.2026 kl. 09.05», in Norwegian time."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone

from naervaer.oppfolging.plan import tidspunkttekst

register = template.Library()


@register.filter
def tidspunkt(verdi: datetime | None) -> str:
    return tidspunkttekst(timezone.localtime(verdi)) if verdi is not None else ""
