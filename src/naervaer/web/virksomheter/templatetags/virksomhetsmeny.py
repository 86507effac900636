from __future__ import annotations

from typing import Any

from django import template

from naervaer.web.virksomheter.meny import lenker
from naervaer.web.virksomheter.tilgang import Rettigheter

register = template.Library()


@register.inclusion_tag("virksomheter/meny.html", takes_context=True)
def virksomhetsmeny(context: dict[str, Any], tilgang: Rettigheter) -> dict[str, Any]:
    request = context["request"]
    return {"virksomhet": tilgang.virksomhet, "lenker": lenker(tilgang, request.path)}
