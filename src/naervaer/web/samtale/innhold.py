"""The content the pages show: the shipped guide, or an operator's own folder.

``NAERVAER_SAMTALE_INNHOLD`` points at a folder laid out like ``naervaer/samtale/innhold`` (a
bransjeorganisasjon's own questions, say); it is checked against the same schema when first read.
"""

from __future__ import annotations

import functools
from pathlib import Path

from django.conf import settings

from naervaer.samtale.lasting import Innhold, innhold, les_innhold


def hent() -> Innhold:
    mappe = settings.NAERVAER_SAMTALE_INNHOLD
    return _les(str(mappe)) if mappe else innhold()


@functools.cache
def _les(mappe: str) -> Innhold:
    return les_innhold(Path(mappe))
