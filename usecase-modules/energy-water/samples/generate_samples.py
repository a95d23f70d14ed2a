#!/usr/bin/env python3
"""Writes the energy-water test samples into src/test/resources/samples (Python 3 standard library only).

Every figure follows a rule simple enough for a test to work the totals out by hand (see README.md).
Run from anywhere: python3 usecase-modules/energy-water/samples/generate_samples.py
"""
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "test" / "resources" / "samples"
PRM = "12345678901234"
OTHER_PRM = "98765432109876"
ENEDIS_NAMES = ("Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;"
                "Grandeur metier;Etape metier;Unite;Pas en minutes")
BOM = "\ufeff"


def last_sunday(year, month):
    day = date(year, month, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def paris_offset(utc):
    """Hours east of UTC in Europe/Paris: the EU rule, summer time from 01:00 UTC on March's last Sunday."""
    summer_starts = datetime.combine(last_sunday(utc.year, 3), datetime.min.time(), timezone.utc) + timedelta(hours=1)
    summer_ends = datetime.combine(last_sunday(utc.year, 10), datetime.min.time(), timezone.utc) + timedelta(hours=1)
    return 2 if summer_starts <= utc < summer_ends else 1


def paris_midnight(day):
    """The UTC instant of a day's start in Paris (midnight is never skipped nor repeated there)."""
    local = datetime.combine(day, datetime.min.time(), timezone.utc)
    winter = local - timedelta(hours=1)
    return winter if paris_offset(winter) == 1 else local - timedelta(hours=2)


def iso(utc):
    offset = paris_offset(utc)
    return (utc + timedelta(hours=offset)).strftime("%Y-%m-%dT%H:%M:%S") + f"+0{offset}:00"


def days(first, count):
    return [first + timedelta(days=k) for k in range(count)]


def enedis(name, kind, first, last, unit, step, rows, prm=PRM, bom=False, trailer=""):
    head = f"{prm};{kind};{first:%d/%m/%Y};{last:%d/%m/%Y};Energie active;Consommation;Comptage Brut;{unit};{step}"
    lines = [ENEDIS_NAMES, head, "Horodate;Valeur"] + [f"{when};{value}" for when, value in rows]
    write(name, (BOM if bom else "") + "\n".join(lines) + "\n" + trailer)


def write(name, text):
    (OUT / name).write_text(text, encoding="utf-8")


def curve(name, first_day, trailer=""):
    """A week of 30-minute steps: step i of each day (i = 0 starts at 00:00) averages 1000 + i % 2 W."""
    rows = []
    for day in days(first_day, 7):
        start, end = paris_midnight(day), paris_midnight(day + timedelta(days=1))
        steps = int((end - start) / timedelta(minutes=30))
        rows += [(iso(start + timedelta(minutes=30 * (i + 1))), 1000 + i % 2) for i in range(steps)]
    enedis(name, "Courbe de charge", first_day, first_day + timedelta(days=7), "W", 30, rows, trailer=trailer)


def daily_wh(name, skip=(), repeat=(), prm=PRM, change=None):
    """Ten days from 2026-01-01, day k (0-based) using 8000 + 250 k Wh, dated at local midnight."""
    rows = []
    for k, day in enumerate(days(date(2026, 1, 1), 10)):
        if k in skip:
            continue
        row = (iso(paris_midnight(day)), 8000 + 250 * k)
        rows.append(row)
        if k in repeat:
            rows.append(row)
        if change is not None and k == change:
            rows.append((row[0], row[1] + 1))
    enedis(name, "Consommation journalière", date(2026, 1, 1), date(2026, 1, 11), "Wh", "", rows, prm=prm)


def enedis_samples():
    curve("enedis-curve-spring.csv", date(2026, 3, 26))
    curve("enedis-curve-autumn.csv", date(2026, 10, 22), trailer="\n\n")
    daily_wh("enedis-daily-wh.csv")
    kwh = [(f"{day:%Y-%m-%d}", f"{(8000 + 250 * k) / 1000:.3f}".replace(".", ","))
           for k, day in enumerate(days(date(2026, 1, 1), 10))]
    enedis("enedis-daily-kwh.csv", "Consommation quotidienne", date(2026, 1, 1), date(2026, 1, 11), "kWh", "", kwh,
           bom=True)
    daily_wh("enedis-daily-missing-day.csv", skip={4})
    daily_wh("enedis-daily-duplicates.csv", repeat={2, 4})
    daily_wh("enedis-daily-conflict.csv", change=2)
    daily_wh("enedis-other-prm.csv", prm=OTHER_PRM)
    rows = [(iso(paris_midnight(day)), 8000 + 250 * k) for k, day in enumerate(days(date(2026, 1, 1), 10))]
    rows[4] = (rows[4][0], "12a4")
    enedis("enedis-malformed-row.csv", "Consommation journalière", date(2026, 1, 1), date(2026, 1, 11), "Wh", "",
           rows)
    # index of day k: 12 345 678 Wh plus the uses of the days before, day k using 8000 + 250 k Wh
    index, rows = 12_345_678, []
    for k, day in enumerate(days(date(2026, 1, 1), 8)):
        rows.append((iso(paris_midnight(day)), index))
        index += 8000 + 250 * k
    enedis("enedis-index.csv", "Index", date(2026, 1, 1), date(2026, 1, 9), "Wh", "", rows)
    peaks = ["2026-01-01T19:04:12+01:00;6540", "2026-01-02T07:45:00+01:00;7210", "2026-01-03T00:10:00+01:00;5980",
             "2026-01-04T18:30:27+01:00;8020", "2026-01-05T12:00:00+01:00;6130", "2026-01-06T20:15:45+01:00;6990",
             "2026-01-07T23:55:00+01:00;7450"]
    enedis("enedis-max-power.csv", "Puissance maximale", date(2026, 1, 1), date(2026, 1, 8), "VA", "",
           [tuple(peak.split(";")) for peak in peaks])


# GRDF: six days from 2026-01-01; the third has no figures, the fourth no energy (volume × coefficient instead)
GRDF_DAYS = [
    ("2026-01-01", 1.23, 11.25, 14, "Définitive"),
    ("2026-01-02", "2.50", "11.25", "28", "Définitive"),
    ("2026-01-03", None, 11.25, None, None),
    ("2026-01-04", 1.111, 11.3, "absent", "Provisoire"),
    ("2026-01-05", 0.9995, 11.2, 11.2, "Définitive"),
    ("2026-01-06", 3, 11.25, 33.75, "Provisoire"),
]


def next_day(text):
    return (date.fromisoformat(text) + timedelta(days=1)).isoformat()


def grdf_samples():
    lines = []
    for k, (start, volume, coefficient, energy, status) in enumerate(GRDF_DAYS):
        figures = {"date_debut_consommation": start, "date_fin_consommation": next_day(start),
                   "volume_brut": volume, "coeff_conversion": coefficient, "energie": energy, "statut_conso": status}
        if energy == "absent":
            del figures["energie"]
        # the fifth row is flat, as some exports write it
        row = {"id_pce": "GI123456", **figures} if k == 4 else {"pce": {"id_pce": "GI123456"},
                                                                 "consommation": figures}
        lines.append(json.dumps(row, ensure_ascii=False))
    write("grdf-informative.ndjson", "\n".join(lines) + "\n")

    def cell(value):
        return "" if value in (None, "absent") else str(value).replace(".", ",")

    rows = ["statut_conso;energie;date_debut_consommation;volume_brut;date_fin_consommation;coeff_conversion"]
    rows += [";".join([cell(status), cell(energy), start, cell(volume), next_day(start), cell(coefficient)])
             for start, volume, coefficient, energy, status in GRDF_DAYS]
    write("grdf-informative.csv", "\n".join(rows) + "\n")


# water: seven days from 2026-01-01, in litres (150.5 rounds half-up to 151)
WATER_LITRES = ["123", "98", "150.5", "200", "0", "87", "110"]


def water_samples():
    first = date(2026, 1, 1)
    m3 = [f"{float(litres) / 1000:.4f}".rstrip("0").rstrip(".").replace(".", ",") for litres in WATER_LITRES]
    write("water-m3.csv", "Date;Consommation (m3)\n"
          + "".join(f"{day:%d/%m/%Y};{volume}\n" for day, volume in zip(days(first, 7), m3)))
    rows = [f"{day:%Y-%m-%d},{litres}\n" for day, litres in zip(days(first, 7), WATER_LITRES)]
    rows.insert(4, rows[3])  # the fourth day twice, same volume
    write("water-litres.csv", "date,volume_l\n" + "".join(rows))
    for name, unit, volumes in (("water-m3.json", "m3", m3), ("water-litres.json", "L", WATER_LITRES)):
        readings = [{"date": day.isoformat(), "volume": json.loads(volume.replace(",", "."))}
                    for day, volume in zip(days(first, 7), volumes)]
        write(name, json.dumps({"meter": "W123456", "unit": unit, "readings": readings}, indent=2) + "\n")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    enedis_samples()
    grdf_samples()
    water_samples()
