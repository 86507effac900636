"""The columns of a quarterly row (spec §6): the engine's output and the store's input."""

from __future__ import annotations

KVARTAL_KOLONNER = (
    "kategori",
    "kode",
    "arstall",
    "kvartal",
    "antall_personer",
    "mulige_dagsverk",
    "tapte_dagsverk",
    "tapte_dagsverk_egenmeldt",
    "tapte_dagsverk_legemeldt",
    "tapte_dagsverk_gradert",
    "tapte_dagsverk_korttid",
    "tapte_dagsverk_langtid",
    "prosent",
    "er_maskert",
)
DAGSVERK_KOLONNER = KVARTAL_KOLONNER[5:12]
