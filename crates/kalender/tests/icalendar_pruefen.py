"""Reads the calendar files of tests/icalendar.rs with an independent
implementation, PyPI's `icalendar`, and imports them like a client.

    python3 icalendar_pruefen.py DIR

DIR holds the files and `erwartet.json`: the expected values per file, in
the order a client receives them. Exit 0 when everything holds, 3 when the
package is missing, 1 with the reasons otherwise.
"""

import datetime
import json
import pathlib
import sys

try:
    import icalendar
except ImportError:
    print("the Python package icalendar is missing: python3 -m pip install 'icalendar>=7,<8'", file=sys.stderr)
    sys.exit(3)

from zoneinfo import ZoneInfo

fehler = []


def pruefe(bedingung, was):
    if not bedingung:
        fehler.append(was)
    return bedingung


def rohe_zeilen(datei, roh):
    """The physical lines: each ends in CRLF and has at most 75 octets."""
    pruefe(roh.endswith(b"\r\n"), f"{datei}: does not end in CRLF")
    zeilen = roh.split(b"\r\n")[:-1]
    for nummer, zeile in enumerate(zeilen, 1):
        pruefe(b"\r" not in zeile and b"\n" not in zeile, f"{datei}:{nummer}: a bare line break")
        pruefe(len(zeile) <= 75, f"{datei}:{nummer}: {len(zeile)} octets")
        try:
            zeile.decode("utf-8")
        except UnicodeDecodeError:
            fehler.append(f"{datei}:{nummer}: a fold split a UTF-8 character")


def vtimezone_pruefen(datei, cal):
    """The file's own VTIMEZONE (not the system's zone database) gives the
    offsets of Europe/Berlin, at the changes too."""
    zonen = cal.walk("VTIMEZONE")
    if not pruefe(len(zonen) == 1 and zonen[0]["TZID"] == "Europe/Berlin", f"{datei}: not one VTIMEZONE Europe/Berlin"):
        return
    kinder = [k.name for k in cal.subcomponents]
    pruefe(kinder.index("VTIMEZONE") < kinder.index("VEVENT"), f"{datei}: VTIMEZONE after VEVENT")
    eigene = zonen[0].to_tz(lookup_tzid=False)
    stunde = datetime.timedelta(hours=1)
    for wanduhr, versatz in [
        (datetime.datetime(2027, 7, 15, 9, 30), 2),  # summer
        (datetime.datetime(2027, 1, 15, 9, 30), 1),  # winter
        (datetime.datetime(2027, 3, 28, 1, 59), 1),  # just before the change in March
        (datetime.datetime(2027, 3, 28, 3, 0), 2),  # just after it
        (datetime.datetime(2027, 10, 31, 1, 59), 2),  # before the change in October
        (datetime.datetime(2027, 10, 31, 3, 0), 1),  # after it
    ]:
        ist = wanduhr.replace(tzinfo=eigene).utcoffset()
        pruefe(ist == versatz * stunde, f"{datei}: VTIMEZONE gives {ist} at {wanduhr}, not +{versatz}h")
    # And agrees with the zone database on every day at noon, 2026 to 2040.
    berlin = ZoneInfo("Europe/Berlin")
    tag = datetime.datetime(2026, 1, 1, 12, 0)
    while tag.year <= 2040:
        ist, soll = tag.replace(tzinfo=eigene).utcoffset(), tag.replace(tzinfo=berlin).utcoffset()
        if not pruefe(ist == soll, f"{datei}: VTIMEZONE gives {ist} on {tag.date()}, the zone database {soll}"):
            break
        tag += datetime.timedelta(days=1)


def datei_pruefen(verzeichnis, soll):
    datei = soll["datei"]
    roh = (verzeichnis / datei).read_bytes()
    rohe_zeilen(datei, roh)
    cal = icalendar.Calendar.from_ical(roh)
    for teil in cal.walk():
        pruefe(not teil.errors, f"{datei}: {teil.name} could not be read: {teil.errors}")
    pruefe(str(cal["VERSION"]) == "2.0", f"{datei}: VERSION {cal.get('VERSION')}")
    pruefe(str(cal["PRODID"]) == "-//Jobcenter Digital//Termine//DE", f"{datei}: PRODID {cal.get('PRODID')}")
    pruefe(str(cal.get("CALSCALE")) == "GREGORIAN", f"{datei}: CALSCALE {cal.get('CALSCALE')}")
    pruefe(str(cal["METHOD"]) == soll["method"], f"{datei}: METHOD {cal.get('METHOD')}, expected {soll['method']}")
    vtimezone_pruefen(datei, cal)
    events = cal.walk("VEVENT")
    if not pruefe(len(events) == 1, f"{datei}: {len(events)} VEVENTs"):
        return None
    ev = events[0]
    for name, wert in [
        ("UID", soll["uid"]),
        ("SUMMARY", soll["titel"]),
        ("LOCATION", soll["ort"]),
        ("DESCRIPTION", soll["beschreibung"]),
        ("STATUS", soll["status"]),
        ("URL", soll["url"]),
        ("ORGANIZER", soll["organisator"]),
    ]:
        ist = ev.get(name)
        ist = None if ist is None else str(ist)
        pruefe(ist == wert, f"{datei}: {name} {ist!r}, expected {wert!r}")
    # Escaped as icalendar itself escapes TEXT: a lenient reader would also
    # take an unescaped comma or semicolon, a strict one would not.
    entfaltet = roh.decode("utf-8").replace("\r\n ", "").split("\r\n")
    for name, wert in [("UID", soll["uid"]), ("SUMMARY", soll["titel"]), ("LOCATION", soll["ort"]), ("DESCRIPTION", soll["beschreibung"])]:
        roh_werte = [z[len(name) + 1 :] for z in entfaltet if z.startswith(name + ":")]
        escaped = icalendar.vText(wert).to_ical().decode("utf-8")
        pruefe(roh_werte == [escaped], f"{datei}: {name} written as {roh_werte}, expected [{escaped!r}]")
    pruefe(ev.decoded("SEQUENCE") == soll["sequence"], f"{datei}: SEQUENCE {ev.get('SEQUENCE')}, expected {soll['sequence']}")
    pruefe("ATTENDEE" not in ev, f"{datei}: an ATTENDEE (personal data)")
    pruefe(not ev.walk("VALARM"), f"{datei}: a VALARM")
    stamp = ev.decoded("DTSTAMP")
    pruefe(stamp.utcoffset() == datetime.timedelta(0), f"{datei}: DTSTAMP {stamp} not in UTC")
    for name, schluessel in [("DTSTART", "beginn"), ("DTEND", "ende")]:
        pruefe(ev[name].params.get("TZID") == "Europe/Berlin", f"{datei}: {name} without TZID=Europe/Berlin")
        zeit = ev.decoded(name)
        pruefe(getattr(zeit.tzinfo, "key", None) == "Europe/Berlin", f"{datei}: {name} in {zeit.tzinfo!r}")
        wanduhr = zeit.replace(tzinfo=None).isoformat()
        pruefe(wanduhr == soll[schluessel], f"{datei}: {name} {wanduhr}, expected {soll[schluessel]}")
    versatz = ev.decoded("DTSTART").utcoffset()
    pruefe(versatz == datetime.timedelta(hours=soll["utc_versatz_stunden"]), f"{datei}: DTSTART at UTC{versatz}")
    return cal


def einspielen(kalender, cal):
    """What a client does with a received file: a PUBLISH with a higher
    SEQUENCE than the stored entry's replaces it (an equal or lower one is
    stale), a CANCEL with a SEQUENCE not lower removes it."""
    ev = cal.walk("VEVENT")[0]
    uid, seq = str(ev["UID"]), ev.decoded("SEQUENCE")
    bisher = kalender.get(uid)
    if str(cal["METHOD"]) == "CANCEL":
        if pruefe(bisher is not None and seq >= bisher.decoded("SEQUENCE"), f"CANCEL {uid} seq {seq} matches nothing stored"):
            del kalender[uid]
    elif bisher is None or seq > bisher.decoded("SEQUENCE"):
        kalender[uid] = ev


def main():
    verzeichnis = pathlib.Path(sys.argv[1])
    erwartet = json.loads((verzeichnis / "erwartet.json").read_text(encoding="utf-8"))
    cals = [datei_pruefen(verzeichnis, soll) for soll in erwartet]
    if None in cals:
        return
    pruefe(len({str(c.walk("VEVENT")[0]["UID"]) for c in cals}) == 1, "the UIDs differ between the files")
    pruefe([c.walk("VEVENT")[0].decoded("SEQUENCE") for c in cals] == [0, 1, 2], "SEQUENCE is not 0, 1, 2")

    # The whole sequence, in order: the entry appears, moves, and is gone.
    kalender = {}
    for cal in cals:
        einspielen(kalender, cal)
    pruefe(kalender == {}, f"after the cancellation the calendar still holds {list(kalender)}")

    # Only the first two: the entry has the new time and place.
    kalender = {}
    for cal in cals[:2]:
        einspielen(kalender, cal)
    if pruefe(len(kalender) == 1, f"after two PUBLISH the calendar holds {len(kalender)} entries"):
        ev = next(iter(kalender.values()))
        pruefe(ev.decoded("DTSTART").replace(tzinfo=None).isoformat() == erwartet[1]["beginn"], "the update did not move the entry")
        pruefe(str(ev["LOCATION"]) == erwartet[1]["ort"], "the update did not change the place")

    # Arriving late, the first file changes nothing any more.
    einspielen(kalender, cals[0])
    ev = next(iter(kalender.values()), None)
    pruefe(ev is not None and ev.decoded("SEQUENCE") == 1, "a stale PUBLISH replaced the newer entry")


main()
if fehler:
    print("\n".join(fehler), file=sys.stderr)
    sys.exit(1)
print(f"icalendar {icalendar.__version__}: all checks passed")
