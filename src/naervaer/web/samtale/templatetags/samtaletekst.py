"""The content's inline Markdown on the pages: the same parser as the Word file and the PDF."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from naervaer.samtale.tekst import som_html

register = template.Library()


@register.filter
def markdown(tekst: str) -> SafeString:
    # som_html escapes everything but the emphasis and links it writes itself.
    return mark_safe(som_html(tekst))
