"""External data sources: SSB's published statistics and Brønnøysund's Enhetsregisteret.

Each source has its own client module (``ssb``, ``enhetsregisteret``); both raise ``KildeFeil``
with a Norwegian message that can be shown to a user as it is.
"""

from naervaer.kilder.feil import KildeFeil

__all__ = ["KildeFeil"]
