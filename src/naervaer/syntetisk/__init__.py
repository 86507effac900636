"""A synthetic national register of virksomheter, arbeidsforhold and fravær, calibrated to SSB."""

from naervaer.syntetisk.generator import Sammendrag, generer

__all__ = ["Sammendrag", "generer"]
