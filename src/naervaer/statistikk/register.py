"""Reading and validating the register: the three canonical tables of spec §2.

Every check is an Ibis expression, so the same rules run on DuckDB and on Spark. A row that breaks
a rule stops the computation with a message naming file, row and field; nothing is dropped.
Rows are numbered as a person sees them: in a CSV file the line number (the header is line 1),
in a Parquet file the position of the row counted from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
    "arbeidsforhold": ("person_id", "orgnr", "avdeling", "fra_dato", "til_dato", "stillingsprosent"),
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
        raise RegisterFeil([Feil(f"{navn}.csv", None, None, None, f"fant ikke {navn}.csv eller {navn}.parquet i {inn}")])
    if len(kandidater) > 1:
        raise RegisterFeil(
            [Feil(kandidater[0].name, None, None, None, f"både {navn}.csv og {navn}.parquet finnes; fjern den ene")]
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
        with sti.open("rb") as fil:
            overskrift = fil.readline().decode("utf-8-sig").strip().split(",")
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
        raise RegisterFeil([Feil(sti.name, None, None, None, f"filen kan ikke leses som CSV (UTF-8): {feil}")]) from feil
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


Leser = Callable[[Path, str], ir.Table]


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
    return ibis.ifelse(tekst.re_search(r"^\d{4}-\d{2}-\d{2}$"), tekst.try_cast("date"), ibis.null("date"))


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


def _finn_brudd(tabell: ir.Table, regler: Sequence[Regel], filnavn: str, visning: Sequence[str]) -> None:
    """Raise RegisterFeil naming the first bad rows; one scan of the table when all is well."""
    kode = ibis.cases(*((regel.brudd, i) for i, regel in enumerate(regler)), else_=ibis.null("int64"))
    merket = tabell.mutate(_feil=kode).filter(ibis._["_feil"].notnull())
    forste = merket.select("rad", "_feil", *visning).order_by("rad").limit(MAKS_FEIL_VIST).to_pyarrow()
    if forste.num_rows == 0:
        return
    antall = int(merket.count().execute()) if forste.num_rows == MAKS_FEIL_VIST else forste.num_rows
    feil = []
    for rad in forste.to_pylist():
        regel = regler[rad["_feil"]]
        verdi = rad.get(regel.felt)
        feil.append(Feil(filnavn, rad["rad"], regel.felt, None if verdi is None else str(verdi), regel.melding))
    raise RegisterFeil(feil, antall)


def _orgnr_regel(tabell: ir.Table, felt: str) -> Regel:
    tekst = _tekst(tabell, felt)
    return Regel(felt, _brudd(tekst.isnull() | ~tekst.re_search(r"^\d{9}$")), "orgnr må ha nøyaktig 9 sifre")


def _kjent_orgnr(tabell: ir.Table, virksomheter: ir.Table) -> ir.Table:
    kjente = virksomheter.select(_kjent_orgnr=virksomheter.orgnr.cast("string")).distinct()
    tekst = _tekst(tabell, "orgnr")
    koblet = tabell.mutate(_orgnr_tekst=tekst).left_join(kjente, ibis._["_orgnr_tekst"] == kjente["_kjent_orgnr"])
    return koblet.drop("_orgnr_tekst")


def les_register(inn: Path, leser: Leser) -> Register:
    """Read, check and type the register in ``inn``; raise RegisterFeil on the first bad rows."""
    raa: dict[str, ir.Table] = {}
    filnavn: dict[str, str] = {}
    for navn in FILER:
        sti = finn_fil(inn, navn)
        filnavn[navn] = sti.name
        raa[navn] = leser(sti, navn)
        sjekk_kolonner(raa[navn], navn, sti.name)

    virksomheter = _virksomheter(raa["virksomheter"], filnavn["virksomheter"])
    arbeidsforhold = _arbeidsforhold(raa["arbeidsforhold"], virksomheter, filnavn["arbeidsforhold"])
    fravaer = _fravaer(raa["fravaer"], virksomheter, filnavn["fravaer"])
    return Register(virksomheter, arbeidsforhold, fravaer, filnavn)


def _virksomheter(t: ir.Table, filnavn: str) -> ir.Table:
    naeringskode = _tekst(t, "naeringskode").replace(".", "")
    sektor = _tekst(t, "sektor").upper()
    kommunenummer = _tekst(t, "kommunenummer")
    antall_like = t.count().over(ibis.window(group_by=_tekst(t, "orgnr")))
    t = t.mutate(_antall_like=antall_like)
    regler = [
        _orgnr_regel(t, "orgnr"),
        Regel("orgnr", t["_antall_like"] > 1, "orgnr står på mer enn én rad"),
        _orgnr_regel(t, "overordnet_orgnr"),
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
    _finn_brudd(t, regler, filnavn, KOLONNER["virksomheter"])
    return t.select(
        orgnr=_tekst(t, "orgnr").cast("int64"),
        overordnet_orgnr=_tekst(t, "overordnet_orgnr").cast("int64"),
        naeringskode=naeringskode,
        sektor=sektor,
        kommunenummer=kommunenummer,
    )


def _arbeidsforhold(t: ir.Table, virksomheter: ir.Table, filnavn: str) -> ir.Table:
    if "avdeling" not in t.columns:
        t = t.mutate(avdeling=ibis.null("string"))
    t = _kjent_orgnr(t, virksomheter)
    fra, til = _dato(t, "fra_dato"), _dato(t, "til_dato")
    prosent = _tall(t, "stillingsprosent")
    stilling, for_mange_desimaler = _heltall_skalert(prosent, STILLING_SKALA)
    person = _tekst(t, "person_id")
    regler = [
        Regel("person_id", person.isnull(), "person_id mangler"),
        _orgnr_regel(t, "orgnr"),
        Regel("orgnr", t["_kjent_orgnr"].isnull(), "orgnr finnes ikke i virksomheter"),
        Regel("fra_dato", fra.isnull(), "fra_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"),
        Regel(
            "til_dato",
            _brudd(_tekst(t, "til_dato").notnull() & til.isnull()),
            "til_dato er ikke en dato på formen ÅÅÅÅ-MM-DD (la feltet stå tomt for et løpende arbeidsforhold)",
        ),
        Regel("til_dato", _brudd(til < fra), "til_dato er før fra_dato"),
        Regel(
            "stillingsprosent",
            _brudd(prosent.isnull() | prosent.isnan() | (prosent <= 0) | (prosent > 100)),
            "stillingsprosent må være et tall over 0 og høyst 100",
        ),
        Regel("stillingsprosent", _brudd(for_mange_desimaler), "stillingsprosent kan ha høyst to desimaler"),
    ]
    _finn_brudd(t, regler, filnavn, KOLONNER["arbeidsforhold"])
    return t.select(
        "rad",
        person_id=person,
        orgnr=_tekst(t, "orgnr").cast("int64"),
        avdeling=_tekst(t, "avdeling"),
        fra_dato=fra,
        til_dato=til,
        stilling=stilling,
    )


def _fravaer(t: ir.Table, virksomheter: ir.Table, filnavn: str) -> ir.Table:
    t = _kjent_orgnr(t, virksomheter)
    fra, til = _dato(t, "fra_dato"), _dato(t, "til_dato")
    grad_tall = _tall(t, "grad")
    grad, for_mange_desimaler = _heltall_skalert(grad_tall, GRAD_SKALA)
    type_ = _tekst(t, "type").lower()
    person = _tekst(t, "person_id")
    regler = [
        Regel("person_id", person.isnull(), "person_id mangler"),
        _orgnr_regel(t, "orgnr"),
        Regel("orgnr", t["_kjent_orgnr"].isnull(), "orgnr finnes ikke i virksomheter"),
        Regel("fra_dato", fra.isnull(), "fra_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"),
        Regel("til_dato", til.isnull(), "til_dato mangler eller er ikke en dato på formen ÅÅÅÅ-MM-DD"),
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
    _finn_brudd(t, regler, filnavn, KOLONNER["fravaer"])
    return t.select(
        "rad",
        person_id=person,
        orgnr=_tekst(t, "orgnr").cast("int64"),
        fra_dato=fra,
        til_dato=til,
        sykmelding=type_ == "sykmelding",
        grad=grad,
    )
