#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_feeds.py — Treffpunkt's feeds as other iCalendar implementations read them.

Usage: check_feeds.py TREFFPUNKT LIST-OCCURRENCES PREPARE-SCENARIO

Makes the example centre (`treffpunkt --create-example`), adds cancelled,
moved, whole-day and late-night dates (prepare-scenario), publishes the
feeds with `treffpunkt --export-feeds` and checks every feed:

- python-icalendar parses it, vobject validates it (RFC 5545 structure);
- it has exactly one VTIMEZONE, with the TZID "Europe/Berlin";
- recurring_ical_events expands it, over two years with both clock
  changes, to exactly the dates Treffpunkt itself lists (start, end,
  title, room) — the strongest test of RRULE, EXDATE and RECURRENCE-ID;
- public feeds contain no titles of private bookings.

Prints TAP.
"""

import collections
import datetime
import os
import subprocess
import sys
import tempfile
import zoneinfo

import icalendar
import recurring_ical_events
import vobject

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
ADDRESS = "Hauptstraße 1, 44135 Dortmund"
CENTRE = "Mütterzentrum Dortmund"

results = []


def check(name, ok, details=""):
    results.append((name, ok, details))


def run(args, env, expect_success=True):
    process = subprocess.run(args, env=env, capture_output=True, text=True)
    if expect_success and process.returncode != 0:
        raise RuntimeError("{} failed ({}): {}".format(" ".join(args), process.returncode, process.stderr))
    return process


def write_settings(config_home, private_bookings):
    """Settings for the keyfile backend, as the user would set them."""
    folder = os.path.join(config_home, "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write("[io/github/treffpunkt/Treffpunkt]\n")
        keyfile.write("centre-name='{}'\n".format(CENTRE))
        keyfile.write("centre-address='{}'\n".format(ADDRESS))
        keyfile.write("publish-internal-feed=true\n")
        keyfile.write("feed-private-bookings='{}'\n".format(private_bookings))


def parse_listing(text):
    room_feeds = {}
    dates = []
    for line in text.splitlines():
        fields = line.split("\t")
        if fields[0] == "room-feed":
            room_feeds[fields[1]] = int(fields[2])
        elif fields[0] == "date":
            dates.append({
                "start": fields[1],
                "end": fields[2],
                "epoch": int(fields[3]),
                "room_id": int(fields[4]),
                "room": fields[5],
                "public": fields[6] == "1",
                "title": fields[7],
                "public_title": fields[8],
            })
    return room_feeds, dates


def expected_dates(feed, room_feeds, dates, hide_private):
    """What a feed must show, from Treffpunkt's own list."""
    expected = collections.Counter()
    for date in dates:
        if feed == "intern.ics":
            title = date["title"]
        elif feed == "programm.ics":
            if hide_private and not date["public"]:
                continue
            title = date["public_title"]
        else:
            if date["room_id"] != room_feeds[feed]:
                continue
            title = date["public_title"]
        expected[(date["start"], date["end"], title, date["room"])] += 1
    return expected


def time_key(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y-%m-%d")


def epoch(value):
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    return datetime.datetime(value.year, value.month, value.day, tzinfo=BERLIN).timestamp()


def room_of(location):
    location = str(location)
    suffix = ", " + ADDRESS
    return location[:-len(suffix)] if location.endswith(suffix) else location


def expanded_dates(calendar, start, stop):
    """What recurring_ical_events makes of the feed, dates starting in [start, stop)."""
    got = collections.Counter()
    margin = datetime.timedelta(days=3)
    for event in recurring_ical_events.of(calendar).between(start - margin, stop + margin):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begin = event["DTSTART"].dt
        if not start.timestamp() <= epoch(begin) < stop.timestamp():
            continue
        got[(time_key(begin), time_key(event["DTEND"].dt), str(event["SUMMARY"]),
             room_of(event.get("LOCATION", "")))] += 1
    return got


def describe(counter):
    return "\n".join("    {} {}".format(n, key) for key, n in sorted(counter.items()))


def check_feed(folder, feed, listing, start, stop, hide_private):
    room_feeds, dates = listing
    path = os.path.join(folder, feed)
    with open(path, "rb") as stream:
        data = stream.read()
    text = data.decode("utf-8")
    label = "{}{}".format(feed, " (private bookings left out)" if hide_private else "")

    lines = text.split("\r\n")
    check(label + ": CRLF lines of at most 75 octets",
          lines[-1] == "" and all("\n" not in line and len(line.encode()) <= 75 for line in lines))

    calendar = icalendar.Calendar.from_ical(data)
    check(label + ": python-icalendar parses it", calendar.name == "VCALENDAR")
    try:
        vobject.readOne(text, validate=True)
        check(label + ": vobject validates it", True)
    except Exception as error:  # vobject raises many kinds
        check(label + ": vobject validates it", False, repr(error))

    zones = list(calendar.walk("VTIMEZONE"))
    check(label + ": exactly one VTIMEZONE, TZID Europe/Berlin",
          len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/Berlin",
          repr([str(zone.get("TZID")) for zone in zones]))
    check(label + ": METHOD:PUBLISH, X-WR-TIMEZONE",
          str(calendar.get("METHOD")) == "PUBLISH" and str(calendar.get("X-WR-TIMEZONE")) == "Europe/Berlin")

    expected = expected_dates(feed, room_feeds, dates, hide_private)
    got = expanded_dates(calendar, start, stop)
    missing = expected - got
    extra = got - expected
    details = ""
    if missing:
        details += "  in Treffpunkt, not in the feed:\n" + describe(missing) + "\n"
    if extra:
        details += "  in the feed, not in Treffpunkt:\n" + describe(extra) + "\n"
    check("{}: recurring_ical_events gives Treffpunkt's {} dates".format(label, sum(expected.values())),
          not missing and not extra and sum(expected.values()) > 0 or (not expected and not got),
          details)

    if feed != "intern.ics":
        private_titles = {date["title"] for date in dates if not date["public"]}
        public_titles = {date["title"] for date in dates if date["public"]}
        leaked = [title for title in private_titles - public_titles if title in text]
        check(label + ": no title of a private booking", not leaked, repr(leaked))
    return got


def main():
    treffpunkt, list_occurrences, prepare_scenario = sys.argv[1:4]

    with tempfile.TemporaryDirectory(prefix="treffpunkt-interop-") as tmp:
        env = dict(os.environ)
        env["GSETTINGS_BACKEND"] = "keyfile"
        env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        env["HOME"] = tmp
        database = os.path.join(tmp, "zentrum.db")

        run([treffpunkt, "--database", database, "--create-example"], env)
        run([prepare_scenario, database], env)

        today = datetime.datetime.now(datetime.timezone.utc).replace(hour=3, minute=30, second=0, microsecond=0)
        start = today - datetime.timedelta(days=today.weekday() + 35)
        stop = start + datetime.timedelta(days=730)
        listing_text = run([list_occurrences, database, start.isoformat(), stop.isoformat()], env).stdout
        listing = parse_listing(listing_text)
        room_feeds, dates = listing

        # Both clock changes lie in the window, and dates around them.
        changes = [day for day in (start + datetime.timedelta(days=n) for n in range(730))
                   if day.astimezone(BERLIN).utcoffset() != (day + datetime.timedelta(days=1)).astimezone(BERLIN).utcoffset()]
        check("the window has both clock changes", len(changes) >= 2, repr(changes))

        for private_bookings in ("busy", "hide"):
            write_settings(env["XDG_CONFIG_HOME"], private_bookings)
            folder = os.path.join(tmp, "feeds-" + private_bookings)
            os.mkdir(folder)
            process = run([treffpunkt, "--database", database, "--export-feeds", folder], env)
            check("--export-feeds ({}) exits 0 and prints nothing".format(private_bookings),
                  process.returncode == 0 and process.stderr == "", process.stderr)

            files = sorted(name for name in os.listdir(folder) if name.endswith(".ics"))
            wanted = sorted(["programm.ics", "intern.ics"] + list(room_feeds))
            check("feed files ({})".format(private_bookings), files == wanted, repr(files))
            check("index page and manifest ({})".format(private_bookings),
                  os.path.exists(os.path.join(folder, "index.html")) and
                  os.path.exists(os.path.join(folder, ".treffpunkt-feeds")))

            hide = private_bookings == "hide"
            for feed in files:
                got = check_feed(folder, feed, listing, start, stop, hide and feed == "programm.ics")
                if feed == "programm.ics" and not hide:
                    night = [key for key in got if key[2] == "Nachtcafé"]
                    summer = {key[0][11:16] for key in night}
                    # 23:00 local is 21:00 UTC in summer and 22:00 in winter.
                    check("Nachtcafé stays at 23:00 across the clock changes",
                          summer == {"21:00", "22:00"}, repr(summer))

        process = run([treffpunkt, "--database", database, "--export-feeds", os.path.join(tmp, "missing")],
                      env, expect_success=False)
        check("--export-feeds into a missing folder: exit 1, one sentence",
              process.returncode == 1 and process.stderr.count("\n") == 1 and "missing" in process.stderr,
              process.stderr)

    print("1..{}".format(len(results)))
    for number, (name, ok, details) in enumerate(results, 1):
        print("{} {} - {}".format("ok" if ok else "not ok", number, name))
        if not ok and details:
            for line in details.rstrip().splitlines():
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
