"""Reading and validating the register: the three canonical tables of spec §2.

Every check is an Ibis expression, so the same rules run on DuckDB and on Spark. A row that breaks
a rule stops the computation with a message naming file, row and field; nothing is dropped.
Rows are numbered as a person sees them: in a CSV file the line number (the header is line 1),
in a Parquet file the position of the row counted from 1.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.csv as pacsv

from naervaer.statistikk.enheter import Sektor

FILER = ("virksomheter", "arbeidsforhold", "fravaer")

KOLONNER: dict[str, tuple[str, ...]] = {
    "virksomheter": (
        "orgnr",
        "overordnet_orgnr",
        "navn",
        "naeringskode",
        "sektor",
        "kommunenummer",
    ),
    "arbeidsforhold": (
        "person_id",
        "orgnr",
        "avdeling",
        "fra_dato",
        "til_dato",
        "stillingsprosent",
    ),
    "fravaer": ("person_id", "orgnr", "fra_dato", "til_dato", "type", "grad"),
}
VALGFRIE_KOLONNER = frozenset({("arbeidsforhold", "avdeling")})

# Stillingsprosent and grad are carried as exact integers (hundredths of a percent) so that sums
# stay exact; a value with more decimals than that cannot be represented and is rejected.
STILLING_SKALA = 100
GRAD_SKALA = 100
MAKS_FEIL_VIST = 50


@dataclass(frozen=True, slots=True)
class Feil:
    fil: str
    rad: int | None
    felt: str | None
    verdi: str | None
    melding: str

    def __str__(self) -> str:
        sted = self.fil
        if self.rad is not None:
            sted += f", rad {self.rad}"
        if self.felt is not None:
            sted += f", felt «{self.felt}»"
        verdi = f" (verdi: «{self.verdi}»)" if self.verdi not in (None, "") else ""
        return f"{sted}: {self.melding}{verdi}"


class RegisterFeil(Exception):
    """The register cannot be used as it is; ``feil`` names the first bad rows."""

    def __init__(self, feil: Sequence[Feil], antall: int | None = None) -> None:
        self.feil = list(feil)
        self.antall = antall if antall is not None else len(self.feil)
        linjer = [str(f) for f in self.feil]
        if self.antall > len(self.feil):
            linjer.append(f"… og {self.antall - len(self.feil)} feil til")
        super().__init__("\n".join(linjer))


@dataclass(frozen=True, slots=True)
class Regel:
    felt: str
    brudd: ir.BooleanValue
    melding: str


def finn_fil(inn: Path, navn: str) -> Path:
    kandidater = [p for p in (inn / f"{navn}.parquet", inn / f"{navn}.csv") if p.exists()]
    if not kandidater:
        raise RegisterFeil(
            [
                Feil(
                    f"{navn}.csv",
                    None,
                    None,
                    None,
                    f"fant ikke {navn}.csv eller {navn}.parquet i {inn}",
                )
            ]
        )
    if len(kandidater) > 1:
        raise RegisterFeil(
            [
                Feil(
                    kandidater[0].name,
                    None,
                    None,
                    None,
                    f"både {navn}.csv og {navn}.parquet finnes; fjern den ene",
                )
            ]
        )
    return kandidater[0]


def les_csv(sti: Path) -> pa.Table:
    """Read a CSV file as text columns plus ``rad`` (its line number), reporting broken lines."""
    brutte: list[Feil] = []

    def ugyldig_rad(rad: pacsv.InvalidRow) -> str:
        linje = rad.number if rad.number is not None else None
        brutte.append(
            Feil(
                sti.name,
                linje,
                None,
                rad.text[:80],
                f"raden har {rad.actual_columns} felt, men overskriften har {rad.expected_columns}",
            )
        )
        return "skip"

    try:
        with sti.open(encoding="utf-8-sig", newline="") as fil:
            # The csv module, not a plain split: a quoted header ("orgnr",…) is valid CSV.
            overskrift = next(csv.reader(fil), [])
        tabell = pacsv.read_csv(
            sti,
            read_options=pacsv.ReadOptions(encoding="utf8", use_threads=False),
            parse_options=pacsv.ParseOptions(invalid_row_handler=ugyldig_rad),
            convert_options=pacsv.ConvertOptions(
                column_types={navn.strip(): pa.string() for navn in overskrift},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as feil:
        raise RegisterFeil(
            [Feil(sti.name, None, None, None, f"filen kan ikke leses som CSV (UTF-8): {feil}")]
        ) from feil
    if brutte:
        raise RegisterFeil(brutte[:MAKS_FEIL_VIST], len(brutte))
    # Reading single-threaded keeps the file's order, so the index is the line number (header = 1).
    return tabell.append_column("rad", pa.array(range(2, tabell.num_rows + 2), pa.int64()))


@dataclass
class Register:
    """The three tables, typed and validated, as Ibis expressions on one backend."""

    virksomheter: ir.Table
    arbeidsforhold: ir.Table
    fravaer: ir.Table
    filnavn: dict[str, str]


def sjekk_kolonner(tabell: ir.Table, navn: str, filnavn: str) -> None:
    mangler = [
        kolonne
        for kolonne in KOLONNER[navn]
        if kolonne not in tabell.columns and (navn, kolonne) not in VALGFRIE_KOLONNER
    ]
    if mangler:
        raise RegisterFeil(
            [Feil(filnavn, 1, k, None, "kolonnen mangler i overskriften") for k in mangler]
        )


def _tekst(tabell: ir.Table, kolonne: str) -> ir.StringValue:
    verdi = tabell[kolonne]
    tekst = verdi if verdi.type().is_string() else verdi.cast("string")
    tekst = tekst.strip()
    return tekst.nullif("")


def _dato(tabell: ir.Table, kolonne: str) -> ir.DateValue:
    verdi = tabell[kolonne]
    if verdi.type().is_date():
        return verdi
    if verdi.type().is_timestamp():
        return verdi.date()
    tekst = _tekst(tabell, kolonne)
    # Only ISO dates: a day-first date like 05.01.2026 must not be read as something else.
    return ibis.ifelse(
        tekst.re_search(r"^\d{4}-\d{2}-\d{2}$"), tekst.try_cast("date"), ibis.null("date")
    )


def _tall(tabell: ir.Table, kolonne: str) -> ir.FloatingValue:
    verdi = tabell[kolonne]
    if verdi.type().is_numeric():
        return verdi.cast("float64")
    return _tekst(tabell, kolonne).try_cast("float64")


def _heltall_skalert(tall: ir.FloatingValue, skala: int) -> tuple[ir.IntegerValue, ir.BooleanValue]:
    skalert = tall * skala
    avrundet = skalert.round(0)
    return avrundet.cast("int64"), (skalert - avrundet).abs() > 1e-6


def _brudd(uttrykk: ir.BooleanValue) -> ir.BooleanValue:
    return uttrykk.fill_null(False)


def _kontroller(
    motor: Lagring,
    raa: ir.Table,
    typet: dict[str, ir.Value],
    regler: Sequence[Regel],
    filnavn: str,
) -> ir.Table:
    """Type the table and check every rule in one pass; raise RegisterFeil on the first bad rows.

    The typed result is kept on the engine, so the computation does not read and convert the
    file a second time. Raw values for the messages are fetched only for the rows that failed.
    """
    kode = ibis.cases(
        *((regel.brudd, ibis.literal(i, "int8")) for i, regel in enumerate(regler)),
        else_=ibis.null("int8"),
    )
    # Row numbers fit in 32 bits for any file these tools can read; the fravær table is as long as
    # the register, so every byte per row counts in memory.
    kontrollert = motor.materialiser(raa.select(rad=raa.rad.cast("int32"), **typet, _feil=kode))
    forste = (
        kontrollert.filter(kontrollert["_feil"].notnull())
        .select("rad", "_feil")
        .order_by("rad")
        .limit(MAKS_FEIL_VIST)
        .to_pyarrow()
    )
    if forste.num_rows == 0:
        return kontrollert.drop("_feil")
    antall = (
        int(kontrollert.filter(kontrollert["_feil"].notnull()).count().execute())
        if forste.num_rows == MAKS_FEIL_VIST
        else forste.num_rows
    )
    rader = forste["rad"].to_pylist()
    verdier = {rad["rad"]: rad for rad in raa.filter(raa.rad.isin(rader)).to_pyarrow().to_pylist()}
    feil = []
    for rad, nummer in zip(rader, forste["_feil"].to_pylist(), strict=True):
        regel = regler[nummer]
        verdi = verdier.get(rad, {}).get(regel.felt)
        feil.append(
            Feil(filnavn, rad, regel.felt, None if verdi is None else str(verdi), regel.melding)
        )
    raise RegisterFeil(feil, antall)


def _orgnr_tekst_regel(tabell: ir.Table, felt: str) -> Regel:
    tekst = _tekst(tabell, felt)
    return Regel(
        felt, _brudd(tekst.isnull() | ~tekst.re_search(r"^\d{9}$")), "orgnr må ha nøyaktig 9 sifre"
    )


def _orgnr(tabell: ir.Table) -> ir.IntegerValue:
    verdi = tabell.orgnr
    if verdi.type().is_integer():
        return ibis.ifelse(
            (verdi >= 10**8) & (verdi < 10**9), verdi.cast("int64"), ibis.null("int64")
        )
    tekst = _tekst(tabell, "orgnr")
    return ibis.ifelse(tekst.length() == 9, tekst.try_cast("int64"), ibis.null("int64"))


def _med_kjent_orgnr(tabell: ir.Table, virksomheter: ir.Table) -> ir.Table:
    """Join on the number: a value that is not a known 9-digit orgnr finds no match."""
    kjente = virksomheter.select(_kjent_orgnr=virksomheter.orgnr)
    return tabell.mutate(_orgnr=_orgnr(tabell)).left_join(
        kjente, ibis._["_orgnr"] == kjente["_kjent_orgnr"]
    )


class Lagring(Protocol):
    def les(self, sti: Path, navn: str) -> ir.Table: ...

    def materialiser(self, uttrykk: ir.Table) -> ir.Table: ...


class Tabellager(Lagring, Protocol):
    def tabell(self, navn: str, data: pa.Table) -> ir.Table: ...


def les_register(inn: Path, motor: Lagring) -> Register:
    """Read, check and type the register in ``inn``; raise RegisterFeil on the first bad rows."""
    raa: dict[str, ir.Table] = {}
    filnavn: dict[str, str] = {}
    for navn in FILER:
        sti = finn_fil(inn, navn)
        filnavn[navn] = sti.name
        raa[navn] = motor.les(sti, navn)
    return _kontroller_register(motor, raa, filnavn)


def register_fra_tabeller(tabeller: Mapping[str, pa.Table], motor: Tabellager) -> Register:
    """The same checks on three in-memory tables (an employer's own data, say) as on files.

    A message names the table and the row's position in it, counted from 1.
    """
    raa: dict[str, ir.Table] = {}
    filnavn: dict[str, str] = {}
    for navn in FILER:
        if navn not in tabeller:
            raise RegisterFeil([Feil(navn, None, None, None, f"tabellen {navn} mangler")])
        data = tabeller[navn]
        data = data.append_column("rad", pa.array(range(1, data.num_rows + 1), pa.int64()))
        filnavn[navn] = navn
        raa[navn] = motor.tabell(f"raa_{navn}", data)
    return _kontroller_register(motor, raa, filnavn)


def _kontroller_register(
    motor: Lagring, raa: dict[str, ir.Table], filnavn: dict[str, str]
) -> Register:
    for navn in FILER:
        sjekk_kolonner(raa[navn], navn, filnavn[navn])

    virksomheter = _virksomheter(motor, raa["virksomheter"], filnavn["virksomheter"])
    arbeidsforhold = _arbeidsforhold(
        motor, raa["arbeidsforhold"], virksomheter, filnavn["arbeidsforhold"]
    )
    # Each person's place in each virksomhet gets a number, so that the heavy steps sort and join
    # on one integer instead of a text id and an orgnr.
    arbeidsforhold = motor.materialiser(
        arbeidsforhold.mutate(
            tilknytning=ibis.dense_rank()
            .over(ibis.window(order_by=["person_id", "orgnr"]))
            .cast("int32")
        )
    )
    tilknytninger = arbeidsforhold.select("person_id", "orgnr", "tilknytning").distinct()
    fravaer = _fravaer(motor, raa["fravaer"], virksomheter, tilknytninger, filnavn["fravaer"])
    return Register(virksomheter, arbeidsforhold, fravaer, filnavn)


def _virksomheter(motor: Lagring, t: ir.Table, filnavn: str) -> ir.Table:
    naeringskode = _tekst(t, "naeringskode").replace(".", "")
    sektor = _tekst(t, "sektor").upper()
    kommunenummer = _tekst(t, "kommunenummer")
    t = t.mutate(_antall_like=t.count().over(ibis.window(group_by=_tekst(t, "orgnr"))))
    regler = [
        _orgnr_tekst_regel(t, "orgnr"),
        Regel("orgnr", t["_antall_like"] > 1, "orgnr står på mer enn én rad"),
        _orgnr_tekst_regel(t, "overordnet_orgnr"),
        Regel(
            "naeringskode",
            _brudd(naeringskode.isnull() | ~naeringskode.re_search(r"^\d{5}$")),
            "næringskoden må ha fem sifre (f.eks. 88911 eller 88.911)",
        ),
        Regel(
            "sektor",
            _brudd(sektor.isnull() | ~sektor.isin([s.value for s in Sektor])),
            "sektor må være STATLIG, KOMMUNAL, PRIVAT eller UKJENT",
        ),
        Regel(
            "kommunenummer",
            _brudd(kommunenummer.isnull() | ~kommunenummer.re_search(r"^\d{4}$")),
            "kommunenummeret må ha fire sifre",
        ),
    ]
    typet = {
        "orgnr": _tekst(t, "orgnr").try_cast("int64"),
        "overordnet_orgnr": _tekst(t, "overordnet_orgnr").try_cast("int64"),
        "naeringskode": naeringskode,
        "sektor": sektor,
        "kommunenummer": kommunenummer,
    }
    return _kontroller(motor, t, typet, regler, filnavn).drop("rad")


_ORGNR_UKJENT = "orgnr må være et 9-sifret orgnr som finnes i virksomheter"


def _arbeidsforhold(motor: Lagring, t: ir.Table, virksomheter: ir.Table, filnavn: str) -> ir.Table:
    if "avdeling" not in t.columns:
        t = t.mutate(avdeling=ibis.null("string"))
    t = _med_kjent_orgnr(t, virksomheter)
    fra, til = _dato(t, "fra_dato"), _dato(t, "til_dato")
    prosent = _tall(t, "stillingsprosent")
    stilling, for_mange_desimaler = _heltall_skalert(prosent, STILLING_SKALA)
    person = _tekst(t, "person_id")
    regler = [
        Regel("person_id", person.isnull(), "person_id mangler"),
        Regel("orgnr", t["_kjent_orgnr"].isnull(), _ORGNR_UKJENT),
        Regel(
            "fra_dato", fra.isnull(), "fra_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"
        ),
        Regel(
            "til_dato",
            _brudd(t.til_dato.notnull() & til.isnull())
            if t.til_dato.type().is_date()
            else _brudd(_tekst(t, "til_dato").notnull() & til.isnull()),
            "til_dato er ikke en dato på formen ÅÅÅÅ-MM-DD "
            "(la feltet stå tomt for et løpende arbeidsforhold)",
        ),
        Regel("til_dato", _brudd(til < fra), "til_dato er før fra_dato"),
        Regel(
            "stillingsprosent",
            _brudd(prosent.isnull() | prosent.isnan() | (prosent <= 0) | (prosent > 100)),
            "stillingsprosent må være et tall over 0 og høyst 100",
        ),
        Regel(
            "stillingsprosent",
            _brudd(for_mange_desimaler),
            "stillingsprosent kan ha høyst to desimaler",
        ),
    ]
    typet = {
        "person_id": person,
        "orgnr": t["_orgnr"],
        "avdeling": _tekst(t, "avdeling"),
        "fra_dato": fra,
        "til_dato": til,
        "stilling": stilling,
    }
    return _kontroller(motor, t, typet, regler, filnavn)


def _fravaer(
    motor: Lagring,
    t: ir.Table,
    virksomheter: ir.Table,
    tilknytninger: ir.Table,
    filnavn: str,
) -> ir.Table:
    t = _med_kjent_orgnr(t, virksomheter)
    t = t.mutate(_person=_tekst(t, "person_id"))
    # Fravær of a person with no arbeidsforhold in that virksomhet gets no tilknytning; it counts
    # nowhere, and a warning says so.
    kjente = tilknytninger.rename(_person_a="person_id", _orgnr_a="orgnr")
    t = t.left_join(
        kjente, [t["_person"] == kjente["_person_a"], t["_orgnr"] == kjente["_orgnr_a"]]
    )
    # Each field is normalised once here; the rules below read the normalised columns, so a
    # large file is not trimmed and parsed once per rule.
    t = t.mutate(
        _fra=_dato(t, "fra_dato"),
        _til=_dato(t, "til_dato"),
        _grad=_tall(t, "grad"),
        _type=_tekst(t, "type").lower(),
    )
    fra, til, grad_tall, type_, person = t["_fra"], t["_til"], t["_grad"], t["_type"], t["_person"]
    grad, for_mange_desimaler = _heltall_skalert(grad_tall, GRAD_SKALA)
    regler = [
        Regel("person_id", person.isnull(), "person_id mangler"),
        Regel("orgnr", t["_kjent_orgnr"].isnull(), _ORGNR_UKJENT),
        Regel(
            "fra_dato", fra.isnull(), "fra_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"
        ),
        Regel(
            "til_dato", til.isnull(), "til_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"
        ),
        Regel("til_dato", _brudd(til < fra), "til_dato er før fra_dato"),
        Regel(
            "type",
            _brudd(type_.isnull() | ~type_.isin(["egenmelding", "sykmelding"])),
            "type må være egenmelding eller sykmelding",
        ),
        Regel(
            "grad",
            _brudd(grad_tall.isnull() | grad_tall.isnan() | (grad_tall < 20) | (grad_tall > 100)),
            "grad må være et tall fra 20 til 100",
        ),
        Regel("grad", _brudd(for_mange_desimaler), "grad kan ha høyst to desimaler"),
        Regel(
            "grad",
            _brudd((type_ == "egenmelding") & (grad_tall != 100)),
            "en egenmelding har alltid grad 100",
        ),
    ]
    typet = {
        "tilknytning": t.tilknytning,
        "fra_dato": fra,
        "til_dato": til,
        "sykmelding": type_ == "sykmelding",
        "grad": grad.cast("int32"),
    }
    return _kontroller(motor, t, typet, regler, filnavn)
