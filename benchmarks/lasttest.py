"""Load test of the statistics page and the API on a production-like server.

Builds a PostgreSQL database with five years of statistics from a synthetic register (2021K3 to
2026K2), starts gunicorn with several workers, and measures with locust: 50 users who log in and
read statistics with a pause between clicks, once for the page and once for the API. A second run
with wrk, where every connection asks again as soon as it has its answer, gives the most the
machine can serve. Prints p50/p95/p99 and requests per second for ``docs/ytelse.md``.

    .venv/bin/python benchmarks/lasttest.py --skala 0.02 --brukere 50 --varighet 60
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv" / "bin"
WRK_SKRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("wrk p50=%.1f p95=%.1f p99=%.1f rps=%.1f feil=%d\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def kjor(*kommando: str | Path, env: dict[str, str]) -> str:
    print("$", " ".join(str(k) for k in kommando), file=sys.stderr, flush=True)
    return subprocess.run(
        [str(k) for k in kommando], env=env, check=True, capture_output=True, text=True
    ).stdout


def bygg_database(database: str, skala: float, mappe: Path, env: dict[str, str]) -> None:
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=True
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    register, statistikk = mappe / "register", mappe / "statistikk"
    if not (register / "fravaer.parquet").exists():
        kjor(VENV / "naervaer", "generer", "--skala", str(skala), "--ut", register, env=env)
    kjor(
        VENV / "naervaer", "statistikk", "beregn", "--inn", register, "--ut", statistikk,
        "--fra", "2021K3", "--til", "2026K2", env=env,
    )  # fmt: skip
    kjor(VENV / "python", "-m", "naervaer.web", "migrate", "-v0", env=env)
    kjor(VENV / "naervaer", "statistikk", "last", statistikk / "kvartal.parquet", env=env)
    kjor(
        VENV / "python", "-m", "naervaer.web", "last_virksomheter",
        register / "virksomheter.parquet", env=env,
    )  # fmt: skip


def start_server(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(VENV / "gunicorn"), "naervaer.web.wsgi", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--log-level", "warning",
        ],
        env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/helse/").status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn svarte ikke")


def locust(
    maal: str, brukere: int, varighet: int, port: int, env: dict[str, str]
) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        prefiks = Path(tmp) / "resultat"
        # Users arrive over ten seconds, as people do; the statistics start over when all run.
        # locust exits with 1 when any request failed; the failures are counted in the CSV.
        subprocess.run(
            [
                str(VENV / "locust"), "-f", str(REPO / "benchmarks" / "locustfile.py"),
                "--headless", "-u", str(brukere), "-r", str(max(1, brukere // 10)), "--reset-stats",
                "-t", f"{varighet}s", "-H", f"http://127.0.0.1:{port}", "--csv", str(prefiks),
                "--only-summary",
            ],
            env={**env, "NAERVAER_LAST_MAAL": maal}, check=False, capture_output=True,
        )  # fmt: skip
        with open(f"{prefiks}_stats.csv", encoding="utf-8") as fil:
            rader = {rad["Name"]: rad for rad in csv.DictReader(fil)}
    navn = "api: statistikk" if maal == "api" else "side"
    return rader[navn]


def logg_inn(port: int, passord: str) -> tuple[str, float]:
    """A session through the real login form, and how long the login took."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as klient:
        klient.get("/logg-inn/")
        start = time.perf_counter()
        svar = klient.post(
            "/logg-inn/",
            data={
                "username": "last@example.no",
                "password": passord,
                "csrfmiddlewaretoken": klient.cookies["csrftoken"],
            },
        )
        varighet = time.perf_counter() - start
        if svar.status_code != 302:
            raise RuntimeError(f"innloggingen feilet: {svar.status_code}")
        return klient.cookies["sessionid"], varighet


def wrk(url: str, cookie: str, tilkoblinger: int, varighet: int) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as skript:
        skript.write(WRK_SKRIPT)
        skript.flush()
        utskrift = subprocess.run(
            [
                "wrk", "-t2", f"-c{tilkoblinger}", f"-d{varighet}s", "-s", skript.name,
                "-H", f"Cookie: {cookie}", url,
            ],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    return next(linje for linje in utskrift.splitlines() if linje.startswith("wrk "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skala", type=float, default=0.02)
    parser.add_argument("--brukere", type=int, default=50)
    parser.add_argument("--varighet", type=int, default=60, help="sekunder per måling")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--virksomheter", type=int, default=200)
    parser.add_argument("--database", default="naervaer_last")
    parser.add_argument("--mappe", type=Path, default=Path(tempfile.gettempdir()) / "naervaer-last")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk mangler: apt-get install wrk")

    passord = secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "NAERVAER_HTTPS": "0",
        "NAERVAER_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "naervaer.web.settings",
    }
    bygg_database(args.database, args.skala, args.mappe / f"skala-{args.skala}", env)
    orgnr = kjor(
        VENV / "python", REPO / "benchmarks" / "lastbruker.py", str(args.virksomheter), passord,
        env=env,
    ).strip()  # fmt: skip
    rader = kjor(
        "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.database, "-tAc",
        "SELECT count(*), count(DISTINCT (arstall, kvartal)) FROM statistikk_kvartalsstatistikk",
        env=env,
    ).strip()  # fmt: skip
    print(f"Lageret: {rader} (rader|kvartaler), {args.virksomheter} virksomheter i testen")

    server = start_server(args.port, args.workers, env)
    try:
        innlogginger = [logg_inn(args.port, passord) for _ in range(args.brukere)]
        tider = sorted(t for _, t in innlogginger)
        print(
            f"innlogging (Argon2): median {statistics.median(tider) * 1000:.0f} ms, "
            f"lengste {tider[-1] * 1000:.0f} ms, én om gangen"
        )
        last_env = {
            **env,
            "NAERVAER_LAST_ORGNR": orgnr,
            "NAERVAER_LAST_SESJONER": ",".join(sesjon for sesjon, _ in innlogginger),
        }
        for maal in ("side", "api"):
            rad = locust(maal, args.brukere, args.varighet, args.port, last_env)
            print(
                f"locust {maal}: {args.brukere} brukere, {rad['Request Count']} forespørsler, "
                f"{rad['Failure Count']} feil, p50={rad['50%']} ms p95={rad['95%']} ms "
                f"p99={rad['99%']} ms, {float(rad['Requests/s']):.1f} forespørsler/s"
            )
        cookie = f"sessionid={innlogginger[0][0]}"
        forste = orgnr.split(",")[0]
        for navn, sti in (
            ("side", f"/virksomhet/{forste}/"),
            ("api", f"/api/v1/virksomheter/{forste}/statistikk"),
        ):
            resultat = wrk(f"http://127.0.0.1:{args.port}{sti}", cookie, args.brukere, 20)
            print(f"{resultat} ({navn}, {args.brukere} tilkoblinger uten pause)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
