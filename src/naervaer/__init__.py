"""Nærvær: sykefraværsstatistikk, oppfølging og samtalestøtte for norske arbeidsplasser."""

__version__ = "0.1.0"
