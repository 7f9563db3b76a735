#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the week plan (issue 3): the real treffpunkt binary
in German creates a weekly booking and finds it in the grid.

Usage: test_bookings.py BUILD_DIR [LOG_DIR]

Before the app starts, `treffpunkt --database DB --create-example` fills a
fresh database with the example centre, so the week plan is populated.
The test then
- reads the week plan's heading (the ISO week of today), turns to the next
  week with "Next Week" and checks the heading and the day names;
- clicks Tuesday 20:00 in the grid, fills in "Tanzkurs Salsa" in
  Bewegungsraum, every week, 6 dates, sees "free" and saves;
- finds the date's tile in the grid, reaches it with the keyboard, finds
  the next date one week later;
- moves the grid's keyboard cursor to Wednesday 18:00, where Yoga is in
  Bewegungsraum, and sees the editor name the conflict with "Speichern"
  insensitive;
- quits with Ctrl+Q and checks the booking and its six dates in the
  database.

The example centre closes for a week three weeks from now, and public
holidays may fall on a Tuesday: six weekly dates from next week would have
one that cannot take place.  The test therefore computes, from the
database and the public holidays, the first week from next week on whose
six Tuesdays are free (next week when the example changes), and turns to
it week by week.

The strings are the German ones of the built translation (po/de.po), or
the English ones where it has none yet, exactly as the app must show them.

Expects DISPLAY (a bare Xvfb) and a private D-Bus session; run-e2e.sh
provides both.  Prints TAP.  Screenshots, the AT-SPI tree and the app's
output of a failing run go to LOG_DIR (default: BUILD_DIR/meson-logs).
"""

import datetime
import gettext
import locale
import os
import re
import subprocess
import sys
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import (  # noqa: E402
    StepFailed, TestBase, children, describe, diag, extents, find, find_all, has_state, name_of,
    on_screen, poll, press, pyatspi, query, refresh, role_of, run_main, safe, text_of,
    wait_text, walk)

TITLE = 'Tanzkurs Salsa'
ROOM = 'Bewegungsraum'
SERIES_WEEKDAY = 1          # Tuesday (Monday is 0)
SERIES_HOUR = 20
COUNT = 6
OTHER_TITLE = 'Kinderturnen'
YOGA = 'Yoga'               # the example's Wednesday course in Bewegungsraum
YOGA_WEEKDAY = 2
YOGA_HOUR = 18
YOGA_END = (19, 30)
CLOSED = 0                  # closures.kind of TREFF_CLOSURE_KIND_CLOSED

WEEK_HEADING_RE = re.compile(r'^(?:KW|Week)\s*(\d{1,2})\b')
TIME_RE = re.compile(r'(\d{2}):(\d{2})–(\d{2}):(\d{2})')


# ------------------------------------------------------------ strings ----

class Strings:
    """The app's strings and date formats as the built German translation
    has them (the English source where it has none)."""

    def __init__(self, build_dir):
        self.catalog = gettext.translation('treffpunkt', os.path.join(build_dir, 'po'),
                                           languages=['de'])
        # The app formats dates with g_date_time_format () in de_DE.UTF-8:
        # glibc's strftime () knows the same names and "%-d".
        locale.setlocale(locale.LC_TIME, 'de_DE.UTF-8')

    def __call__(self, msgid, context=None):
        if context is None:
            return self.catalog.gettext(msgid)
        return self.catalog.pgettext(context, msgid)

    def n(self, singular, plural, n):
        return self.catalog.ngettext(singular, plural, n)

    def plain(self, msgid, context=None):
        """Without the mnemonic underscore."""
        return self(msgid, context).replace('_', '')

    def full_date(self, day):
        return day.strftime(self('%A, %B %-d, %Y', 'full date'))

    def date(self, day):
        return day.strftime(self('%a, %-m/%-d/%Y', 'date format'))

    def time(self, hour, minute=0):
        return datetime.time(hour, minute).strftime(self('%H:%M', 'time format'))

    def time_range(self, start, end):
        return self('%s–%s', 'time range') % (self.time(*start), self.time(*end))

    def tile_name(self, title, room, day, start, end):
        """What a screen reader says for a date in the grid
        (treff_occurrence_dup_accessible_name ())."""
        return f'{title}, {room}, {self.date(day)}, {self.time_range(start, end)}'


# ------------------------------------------------------------ the plan ----

def easter_sunday(year):
    """Anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


def nrw_holiday(day):
    """Public holidays of North Rhine-Westphalia (Feiertagsgesetz NRW)."""
    if (day.month, day.day) in {(1, 1), (5, 1), (10, 3), (11, 1), (12, 25), (12, 26)}:
        return True
    return (day - easter_sunday(day.year)).days in {-2, 1, 39, 50, 60}


class Plan:
    """Which weeks and rooms the test uses, from the example database."""

    def __init__(self, db_path):
        self.zone = zoneinfo.ZoneInfo(query(db_path, "SELECT value FROM meta WHERE key = 'time-zone'")[0][0])
        self.today = datetime.datetime.now(self.zone).date()
        self.this_monday = self.today - datetime.timedelta(days=self.today.weekday())
        self.rooms = dict(query(db_path, 'SELECT name, id FROM rooms WHERE bookable AND NOT archived'))
        if ROOM not in self.rooms:
            raise StepFailed(f'the example has no bookable room {ROOM!r}: {sorted(self.rooms)}')
        self.closed = [(datetime.date.fromisoformat(a), datetime.date.fromisoformat(b))
                       for a, b in query(db_path, 'SELECT first_day, last_day FROM closures WHERE kind = ?',
                                         (CLOSED,))]
        self.db_path = db_path

        for weeks in range(1, 40):
            monday = self.this_monday + datetime.timedelta(weeks=weeks)
            tuesdays = [monday + datetime.timedelta(days=SERIES_WEEKDAY, weeks=i) for i in range(COUNT)]
            if not all(self.free(ROOM, day, (SERIES_HOUR, 0), (SERIES_HOUR + 1, 0)) for day in tuesdays):
                continue
            # Yoga on the Wednesday of the week after, and another room free then.
            wednesday = monday + datetime.timedelta(days=YOGA_WEEKDAY, weeks=1)
            if not self.yoga_on(wednesday):
                continue
            others = [r for r in sorted(self.rooms)
                      if r != ROOM and self.free(r, wednesday, (YOGA_HOUR, 0), (YOGA_HOUR + 1, 0))]
            if not others:
                continue
            self.weeks_ahead = weeks
            self.monday = monday
            self.tuesdays = tuesdays
            self.wednesday = wednesday
            self.other_room = others[0]
            return
        raise StepFailed('no week in the next 40 has six free Tuesdays in '
                         f'{ROOM} and Yoga the Wednesday after')

    def utc(self, day, hour, minute=0):
        local = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.zone)
        return int(local.timestamp())

    def free(self, room, day, start, end):
        """No closure, holiday or other date (with its set-up and clean-up
        time) in the room: what the app's check must find too."""
        if nrw_holiday(day) or any(a <= day <= b for a, b in self.closed):
            return False
        busy = query(self.db_path,
                     'SELECT count(*) FROM occurrences WHERE room_id = ? AND NOT cancelled '
                     'AND block_start_utc < ? AND block_end_utc > ?',
                     (self.rooms[room], self.utc(day, *end), self.utc(day, *start)))[0][0]
        return busy == 0

    def yoga_on(self, day):
        return query(self.db_path,
                     'SELECT count(*) FROM occurrences o JOIN bookings b ON b.id = o.booking_id '
                     'WHERE b.title = ? AND o.room_id = ? AND NOT o.cancelled AND o.original_start = ?',
                     (YOGA, self.rooms[ROOM], f'{day.isoformat()}T{YOGA_HOUR:02d}:00:00'))[0][0] == 1


def iso_week(day):
    return day.isocalendar()[1]


# --------------------------------------------------------------- test ----

class Test(TestBase):
    NAME = 'bookings'

    def __init__(self, build_dir, log_dir, work_dir):
        super().__init__(build_dir, log_dir, work_dir)
        self.tr = Strings(build_dir)
        self.shown_monday = None
        self._page = None

    # Widgets are looked up afresh each time: AT-SPI objects can go stale.

    @property
    def page(self):
        """The week plan page: searching below it is much faster than in
        the whole window.  It has no name of its own (it needs none)."""
        if self._page is None or name_of(self._page) != 'TreffWeekPage':
            self._page = find(self.main, pyatspi.ROLE_FILLER, 'TreffWeekPage', exact_name=True)
        return self._page

    @property
    def grid(self):
        return find(self.page, pyatspi.ROLE_PANEL, self.tr('Week Plan'), exact_name=True,
                    visible=True)

    def editor(self, title=None):
        return self.app.window(title or self.tr('New Booking'))

    def heading(self):
        """The week plan's heading label and the week number in it."""
        def lookup():
            for label in find_all(self.page, pyatspi.ROLE_LABEL, visible=True):
                match = WEEK_HEADING_RE.match(text_of(label))
                if match:
                    return label, int(match.group(1))
            return None
        return poll('the week plan heading ("KW …" or "Week …")', lookup)

    def day_buttons(self):
        """The seven day names above the grid, left to right."""
        names = {self.tr.full_date(self.shown_monday + datetime.timedelta(days=i)): i
                 for i in range(7)}

        def lookup():
            found = {}
            for button in find_all(self.page, pyatspi.ROLE_PUSH_BUTTON, visible=True):
                # A holiday or closure follows the date: "…, Neujahr".
                day = name_of(button).split(', ')
                for n in (len(day), len(day) - 1):
                    if ', '.join(day[:n]) in names:
                        found[names[', '.join(day[:n])]] = button
            return [found[i] for i in range(7)] if len(found) == 7 else None
        try:
            return poll('the day names of the shown week', lookup)
        except StepFailed:
            shown = [name_of(b) for b in find_all(self.page, pyatspi.ROLE_PUSH_BUTTON, visible=True)
                     if re.search(r'\d{4}', name_of(b))]
            raise StepFailed(f'the day names above the grid are not {list(names)}: {shown}')

    def column(self, weekday):
        """(left, right) of a day's column in window coordinates."""
        x, _, width, _ = extents(self.day_buttons()[weekday])
        return x, x + width

    def tiles(self):
        return find_all(self.grid, pyatspi.ROLE_PUSH_BUTTON)

    def find_tile(self, name):
        def lookup():
            for tile in self.tiles():
                if name_of(tile) == name:
                    return tile
            return None
        try:
            return poll(f'a date {name!r} in the grid', lookup)
        except StepFailed as e:
            raise StepFailed(f'{e}; the grid shows: ' + '; '.join(name_of(t) for t in self.tiles()))

    def status_label(self, editor):
        """The editor's check, the first label below its header bar."""
        for pane in find_all(editor, pyatspi.ROLE_SCROLL_PANE):
            for acc in walk(pane):
                if role_of(acc) == pyatspi.ROLE_LABEL:
                    return acc
        raise StepFailed(f'no status label in {describe(editor)}')

    def wait_status(self, editor, check, what):
        label = self.status_label(editor)
        try:
            return poll(f'the booking check to say {what}',
                        lambda: (lambda text: text if check(text) else None)(text_of(label)))
        except StepFailed as e:
            raise StepFailed(f'{e}; it says {text_of(label)!r}')

    def save_button(self, editor):
        return find(editor, pyatspi.ROLE_PUSH_BUTTON, self.tr.plain('_Save'))

    def choose(self, editor, combo_name, item_text):
        """Opens a combo row's list and clicks an item, as a user does."""
        combo = find(editor, pyatspi.ROLE_COMBO_BOX, combo_name, exact_name=True)
        self.app.scroll_into_view(combo, self.editor_pane(editor))
        self.app.click_widget(combo)

        def shown_popover():
            for acc in walk(combo):
                if name_of(acc) == 'GtkPopover' and on_screen(acc):
                    return acc
            return None
        popover = poll(f'the list of {describe(combo)} to open', shown_popover)
        item = poll(f'{item_text!r} in the list of {describe(combo)}',
                    lambda: next((l for l in find_all(popover, pyatspi.ROLE_LABEL, visible=True)
                                  if name_of(l) == item_text), None))
        self.app.click_in_popover(popover, item)
        poll(f'{describe(combo)} to show {item_text!r}', lambda: self.combo_value(combo) == item_text)

    @staticmethod
    def combo_value(combo):
        """The chosen item of a combo row: the label in its own one-item
        list, which comes before the popover's list in the tree."""
        for acc in walk(combo):
            if role_of(acc) == pyatspi.ROLE_LIST:
                labels = [name_of(l) for l in walk(acc) if role_of(l) == pyatspi.ROLE_LABEL]
                return labels[0] if labels else None
        return None

    @staticmethod
    def editor_pane(editor):
        return find(editor, pyatspi.ROLE_SCROLL_PANE, '', exact_name=True)

    def check_slot_fields(self, editor, day, start, end):
        """The editor shows the day and the hour chosen in the grid."""
        date_button = find(editor, pyatspi.ROLE_PUSH_BUTTON, self.tr.date(day), exact_name=True,
                           visible=False)
        start_entry = find(editor, pyatspi.ROLE_TEXT, self.tr('Start time'), exact_name=True)
        end_entry = find(editor, pyatspi.ROLE_TEXT, self.tr('End time'), exact_name=True)
        wait_text(start_entry, self.tr.time(*start))
        wait_text(end_entry, self.tr.time(*end))
        diag(f'editor: {name_of(date_button)}, {text_of(start_entry)}–{text_of(end_entry)}')

    def grid_pane(self):
        acc = self.grid
        while acc is not None and role_of(acc) != pyatspi.ROLE_SCROLL_PANE:
            acc = safe(lambda: acc.parent)
        if acc is None:
            raise StepFailed('the week plan grid is not in a scrolled window')
        return acc

    def minute_ruler(self):
        """(y of midnight, pixels per minute) of the grid, measured on the
        timed dates it shows: their tiles start where their times are."""
        grid_y = extents(self.grid)[1]
        marks = {}
        for tile in self.tiles():
            match = TIME_RE.search(name_of(tile))
            ext = extents(tile)
            if match and ext and ext[3] > 0:
                minute = int(match.group(1)) * 60 + int(match.group(2))
                marks.setdefault(minute, ext[1] - 1)     # tiles start 1 px below their line
        if len(marks) < 2:
            raise StepFailed(f'too few dates in the grid to measure its hours by: {marks}')
        (m1, y1), (m2, y2) = min(marks.items()), max(marks.items())
        per_minute = (y2 - y1) / (m2 - m1)
        return y1 - m1 * per_minute - grid_y, per_minute

    # ---------------------------------------------------------- steps ----

    def step_example(self):
        out = self.app.run_command_line(['--create-example'])
        diag(out.strip())
        self.plan = plan = Plan(self.app.db_path)
        self.bookings_before = query(self.app.db_path, 'SELECT count(*) FROM bookings')[0][0]
        if self.bookings_before == 0:
            raise StepFailed('--create-example left the database without bookings')
        diag(f'today {plan.today} (week {iso_week(plan.today)}); the series starts on '
             f'{plan.tuesdays[0]}, {plan.weeks_ahead} week(s) ahead; conflict on {plan.wednesday}; '
             f'{plan.other_room} is free then')

    def step_start(self):
        main = self.app.start()
        diag(f'window {describe(main)} of pid {self.app.proc.pid}')

    def step_week_plan_shown(self):
        tab = find(self.main, pyatspi.ROLE_PAGE_TAB, self.tr('Week Plan'), exact_name=True)
        poll(f'{describe(tab)} to be the chosen view', lambda: has_state(tab, pyatspi.STATE_SELECTED))
        grid = self.grid
        if not has_state(grid, pyatspi.STATE_FOCUSABLE):
            raise StepFailed(f'{describe(grid)} cannot take the keyboard focus')
        diag(f'{describe(grid)} at {extents(grid)}')

    def step_week_heading(self):
        label, week = self.heading()
        diag(f'heading: {text_of(label)!r}')
        if week != iso_week(self.plan.today):
            raise StepFailed(f'the heading shows week {week}, today {self.plan.today} is in '
                             f'week {iso_week(self.plan.today)}')
        self.shown_monday = self.plan.this_monday
        self.day_buttons()

    def step_week_plan_names(self):
        self.check_names(self.main, 'main window with the week plan')

    def grid_description(self):
        grid = self.grid
        refresh(grid)
        return safe(lambda: grid.description, '') or ''

    def step_grid_focus_described(self):
        """A screen reader hears where the slot cursor is as soon as the
        grid has the focus, before any arrow key."""
        days = [self.tr.full_date(self.shown_monday + datetime.timedelta(days=i)) for i in range(7)]
        end = self.tr('%s, %s. Press Enter to book it.').split('%s')[-1]

        def described():
            text = self.grid_description()
            return text if any(text.startswith(d + ', ') for d in days) and text.endswith(end) else None
        self.focus_grid()
        try:
            diag(f'grid: {poll("the focused grid to describe its cursor", described, 3)!r}')
        except StepFailed as e:
            raise StepFailed(f'{e}; the description is {self.grid_description()!r}')

    def turn_to_next_week(self):
        label, week = self.heading()
        press(lambda: self.page, pyatspi.ROLE_PUSH_BUTTON, self.tr('Next Week'), exact_name=True)
        expected = iso_week(self.shown_monday + datetime.timedelta(weeks=1))
        try:
            poll(f'the heading to show week {expected}', lambda: self.heading()[1] == expected)
        except StepFailed as e:
            raise StepFailed(f'{e}: {text_of(self.heading()[0])!r} after {text_of(label)!r}')
        self.shown_monday += datetime.timedelta(weeks=1)
        diag(f'heading: {text_of(self.heading()[0])!r}')
        self.day_buttons()

    def step_next_week(self):
        self.turn_to_next_week()

    def step_series_week(self):
        while self.shown_monday < self.plan.monday:
            self.turn_to_next_week()
        if self.shown_monday != self.plan.monday:
            raise StepFailed(f'the week of {self.shown_monday} is shown, not {self.plan.monday}')

    def step_click_free_slot(self):
        tuesday = self.plan.tuesdays[0]
        for tile in self.tiles():
            match = TIME_RE.search(name_of(tile))
            if match and f', {self.tr.date(tuesday)}, ' in name_of(tile):
                start = int(match.group(1)) * 60 + int(match.group(2))
                end = int(match.group(3)) * 60 + int(match.group(4))
                if start < (SERIES_HOUR * 60 + 30) and end > SERIES_HOUR * 60:
                    raise StepFailed(f'Tuesday {SERIES_HOUR}:00 is not free: {name_of(tile)!r}')
        left, right = self.column(SERIES_WEEKDAY)
        midnight, per_minute = self.minute_ruler()
        # Into the upper half of the half hour from 20:00: the slot booked.
        top = midnight + SERIES_HOUR * 60 * per_minute
        self.app.scroll_into_view(self.grid, self.grid_pane(), top=int(top), bottom=int(top + 30 * per_minute))
        grid_y = extents(self.grid)[1]
        self.app.click_at(self.main, (left + right) / 2, grid_y + top + 10 * per_minute)
        editor = self.editor()
        self.check_slot_fields(editor, tuesday, (SERIES_HOUR, 0), (SERIES_HOUR + 1, 0))
        save = self.save_button(editor)
        if has_state(save, pyatspi.STATE_SENSITIVE):
            raise StepFailed(f'{describe(save)} is sensitive before a title is typed')

    def step_editor_names(self):
        self.check_names(self.editor(), 'booking editor')

    def step_fill_series(self):
        editor = self.editor()
        title = find(editor, pyatspi.ROLE_TEXT, self.tr('Title'), exact_name=True)
        self.app.type_into(title, TITLE)
        wait_text(title, TITLE)
        self.choose(editor, self.tr('Room'), ROOM)
        self.choose(editor, self.tr('Repeat'), self.tr('Every week'))
        self.choose(editor, self.tr('Ends'), self.tr('After a number of dates'))
        count = find(editor, pyatspi.ROLE_SPIN_BUTTON, self.tr('Number of dates'), exact_name=True)
        self.app.scroll_into_view(count, self.editor_pane(editor))
        self.app.type_into(count, str(COUNT), select_all=True)
        # A spin button takes what was typed when it loses the focus.
        self.app.key(editor, 'Tab')
        wait_text(count, str(COUNT))

        free = self.tr.n('The room is free on the %u date.', 'The room is free on all %u dates.',
                         COUNT) % COUNT
        text = self.wait_status(editor, lambda t: t == free, repr(free))
        diag(f'check: {text!r}')
        if 'frei' not in text and 'free' not in text:
            raise StepFailed(f'the check does not say the room is free: {text!r}')

        # The preview lists the six Tuesdays at 20:00.
        dates = find(editor, pyatspi.ROLE_LIST, self.tr('Dates of the series'), exact_name=True,
                     visible=False)
        rows = [name_of(r) for r in children(dates)]
        expected = [f'{self.tr.date(d)} ' for d in self.plan.tuesdays]
        if len(rows) != COUNT or not all(row.startswith(e) and self.tr.time(SERIES_HOUR) in row
                                         for row, e in zip(rows, expected)):
            raise StepFailed(f'the dates of the series are {rows}, not the {COUNT} Tuesdays '
                             f'from {self.plan.tuesdays[0]} at {SERIES_HOUR}:00')
        save = self.save_button(editor)
        poll(f'{describe(save)} to become sensitive', lambda: has_state(save, pyatspi.STATE_SENSITIVE))

    def step_save(self):
        press(lambda: self.editor(), pyatspi.ROLE_PUSH_BUTTON, self.tr.plain('_Save'))
        self.app.window_gone(self.tr('New Booking'))

    def expected_tile(self, day):
        return self.tr.tile_name(TITLE, ROOM, day, (SERIES_HOUR, 0), (SERIES_HOUR + 1, 0))

    def check_tile(self, day):
        tile = self.find_tile(self.expected_tile(day))
        x, _, width, height = extents(tile)
        left, right = self.column(SERIES_WEEKDAY)
        if height <= 0 or not left <= x + width / 2 <= right:
            raise StepFailed(f'{describe(tile)} at {extents(tile)} is not in the Tuesday column '
                             f'{left}–{right}')
        if not has_state(tile, pyatspi.STATE_FOCUSABLE):
            raise StepFailed(f'{describe(tile)} cannot take the keyboard focus')
        return tile

    def step_tile_in_grid(self):
        tile = self.check_tile(self.plan.tuesdays[0])
        diag(f'found {describe(tile)} at {extents(tile)}')

    def focus_grid(self):
        """Clicks the hour labels left of the days: focuses the grid
        without asking for a booking."""
        pane = self.grid_pane()
        gx = extents(self.grid)[0]
        px, py, pw, ph = extents(pane)
        self.app.click_at(self.main, gx + 20, py + ph // 2)
        grid = self.grid
        poll(f'{describe(grid)} to have the keyboard focus', lambda: has_state(grid, pyatspi.STATE_FOCUSED))

    def step_tile_keyboard(self):
        """Tab from the grid goes through the dates in the order of the week."""
        self.focus_grid()
        name = self.expected_tile(self.plan.tuesdays[0])
        visited = []
        for _ in range(len(self.tiles()) + 1):
            self.app.key(self.main, 'Tab')
            focused = poll('a date to take the focus',
                           lambda: next((t for t in self.tiles()
                                         if has_state(t, pyatspi.STATE_FOCUSED)), None), 3)
            visited.append(name_of(focused))
            if name_of(focused) == name:
                diag(f'reached with Tab after {len(visited)} dates')
                return
        raise StepFailed(f'Tab never reaches {name!r}; it goes through {visited}')

    def step_tile_opens(self):
        """Enter on the focused date opens it."""
        self.app.key(self.main, 'Return')
        editor = self.editor(self.tr('Edit Booking'))
        title = find(editor, pyatspi.ROLE_TEXT, self.tr('Title'), exact_name=True)
        wait_text(title, TITLE)
        self.app.key(editor, 'Escape')
        self.app.window_gone(self.tr('Edit Booking'))

    def step_following_week(self):
        self.turn_to_next_week()
        tile = self.check_tile(self.plan.tuesdays[1])
        diag(f'found {describe(tile)}')

    def step_conflict(self):
        wednesday = self.plan.wednesday
        if self.shown_monday != wednesday - datetime.timedelta(days=YOGA_WEEKDAY):
            raise StepFailed(f'the week of {self.shown_monday} is shown, not that of {wednesday}')
        self.find_tile(self.tr.tile_name(YOGA, ROOM, wednesday, (YOGA_HOUR, 0), YOGA_END))

        # The keyboard cursor of the grid may stand on a booked time: to
        # the first hour of Monday, then to Wednesday 18:00, and Enter.
        self.focus_grid()
        self.app.keys(self.main, ['Up'] * 48 + ['Left'] * 7)
        description = self.grid_description
        monday = self.tr.full_date(self.shown_monday)
        try:
            text = poll(f'the grid to describe its cursor on {monday!r}',
                        lambda: (lambda d: d if d.startswith(monday) and TIME_RE.search(d) else None)
                        (description()))
        except StepFailed as e:
            raise StepFailed(f'{e}; it says {description()!r}')
        match = TIME_RE.search(text)
        first_minute = int(match.group(1)) * 60 + int(match.group(2))
        self.app.keys(self.main, ['Right'] * YOGA_WEEKDAY +
                      ['Down'] * ((YOGA_HOUR * 60 - first_minute) // 30))
        expected = self.tr('%s, %s. Press Enter to book it.') % (
            self.tr.full_date(wednesday), self.tr.time_range((YOGA_HOUR, 0), (YOGA_HOUR + 1, 0)))
        try:
            poll(f'the grid to describe its cursor as {expected!r}', lambda: description() == expected)
        except StepFailed as e:
            raise StepFailed(f'{e}; it says {description()!r} (started at {text!r})')
        self.app.key(self.main, 'Return')

        editor = self.editor()
        self.check_slot_fields(editor, wednesday, (YOGA_HOUR, 0), (YOGA_HOUR + 1, 0))
        title = find(editor, pyatspi.ROLE_TEXT, self.tr('Title'), exact_name=True)
        self.app.type_into(title, OTHER_TITLE)
        wait_text(title, OTHER_TITLE)

        # In a free room the check says so and "Speichern" can be pressed …
        self.choose(editor, self.tr('Room'), self.plan.other_room)
        free = self.tr('The room is free at this time.')
        self.wait_status(editor, lambda t: t == free, repr(free))
        save = self.save_button(editor)
        poll(f'{describe(save)} to be sensitive in {self.plan.other_room}',
             lambda: has_state(save, pyatspi.STATE_SENSITIVE))

        # … in Bewegungsraum it names Yoga, and "Speichern" cannot.
        self.choose(editor, self.tr('Room'), ROOM)
        text = self.wait_status(editor, lambda t: YOGA in t and ROOM in t,
                                f'the conflict with {YOGA} in {ROOM}')
        diag(f'check: {text!r}')
        if text == free or self.tr.time(YOGA_HOUR) not in text:
            raise StepFailed(f'the conflict does not say when: {text!r}')
        save = self.save_button(editor)
        poll(f'{describe(save)} to become insensitive with the conflict',
             lambda: not has_state(save, pyatspi.STATE_SENSITIVE), 3)

    def step_escape(self):
        self.app.key(self.editor(), 'Escape')
        self.app.window_gone(self.tr('New Booking'))

    def step_quit(self):
        self.app.key(self.main, 'ctrl+q')
        try:
            status = self.app.proc.wait(10)
        except subprocess.TimeoutExpired:
            raise StepFailed('treffpunkt still runs 10 s after Ctrl+Q')
        if status != 0:
            raise StepFailed(f'treffpunkt exited with status {status}')

    def step_database(self):
        if self.app.proc.poll() is None:
            raise StepFailed('treffpunkt still runs')
        db = self.app.db_path
        rows = query(db, 'SELECT id, room_id, starts, ends, rrule FROM bookings WHERE title = ?', (TITLE,))
        diag(f'bookings titled {TITLE!r}: {rows}')
        if len(rows) != 1:
            raise StepFailed(f'{len(rows)} bookings are titled {TITLE!r}, not 1')
        booking_id, room_id, starts, ends, rrule = rows[0]
        first = self.plan.tuesdays[0].isoformat()
        problems = []
        if room_id != self.plan.rooms[ROOM]:
            problems.append(f'room {room_id}, not {ROOM} ({self.plan.rooms[ROOM]})')
        if (starts, ends) != (f'{first}T{SERIES_HOUR:02d}:00:00', f'{first}T{SERIES_HOUR + 1:02d}:00:00'):
            problems.append(f'times {starts}–{ends}')
        parts = rrule.upper().split(';')
        if 'FREQ=WEEKLY' not in parts or f'COUNT={COUNT}' not in parts:
            problems.append(f'rrule {rrule!r} is not weekly with COUNT={COUNT}')

        dates = query(db, 'SELECT original_start, room_id, cancelled, start_utc, end_utc FROM occurrences '
                          'WHERE booking_id = ? ORDER BY original_start', (booking_id,))
        expected = [f'{d.isoformat()}T{SERIES_HOUR:02d}:00:00' for d in self.plan.tuesdays]
        if [d[0] for d in dates] != expected:
            problems.append(f'dates {[d[0] for d in dates]}, not {expected}')
        if not all(d[0].endswith(f'T{SERIES_HOUR:02d}:00:00') for d in dates):
            problems.append('not every date is at 20:00')
        for (original, date_room, cancelled, start_utc, end_utc), day in zip(dates, self.plan.tuesdays):
            if (date_room, cancelled) != (room_id, 0) or \
                    (start_utc, end_utc) != (self.plan.utc(day, SERIES_HOUR), self.plan.utc(day, SERIES_HOUR + 1)):
                problems.append(f'date {original}: room {date_room}, cancelled {cancelled}, '
                                f'UTC {start_utc}–{end_utc}')

        others = query(db, 'SELECT count(*) FROM bookings WHERE title = ?', (OTHER_TITLE,))[0][0]
        total = query(db, 'SELECT count(*) FROM bookings')[0][0]
        if others or total != self.bookings_before + 1:
            problems.append(f'{others} bookings {OTHER_TITLE!r} (Escape must not save); '
                            f'{total} bookings, {self.bookings_before} before')
        if problems:
            raise StepFailed('in the database: ' + '; '.join(problems))
        diag(f'{len(dates)} dates: {[d[0] for d in dates]}')


STEPS = [
    # (method, description, steps it needs)
    ('step_example', 'example: --create-example fills a fresh database', []),
    ('step_start', 'start: the window appears on the AT-SPI desktop', ['step_example']),
    ('step_week_plan_shown', 'week plan: "Wochenplan" is the view shown, its grid can take the focus',
     ['step_start']),
    ('step_week_heading', 'week plan: the heading shows the ISO week of today, the days its dates',
     ['step_week_plan_shown']),
    ('step_week_plan_names', 'accessibility: every interactive widget of the week plan has a name',
     ['step_week_plan_shown']),
    ('step_grid_focus_described', 'accessibility: the grid describes its slot cursor when it takes '
     'the focus', ['step_week_heading']),
    ('step_next_week', 'week plan: "Next Week" turns to the next week number and its days',
     ['step_week_heading']),
    ('step_series_week', 'week plan: on to the first week with six free Tuesdays', ['step_next_week']),
    ('step_click_free_slot', 'create: a click on Tuesday 20:00 opens "New Booking" at that hour, '
     '"Speichern" insensitive', ['step_series_week']),
    ('step_editor_names', 'accessibility: every interactive widget of the booking editor has a name',
     ['step_click_free_slot']),
    ('step_fill_series', f'create: "{TITLE}" in {ROOM}, every week, {COUNT} dates: the room is free',
     ['step_click_free_slot']),
    ('step_save', 'create: "Speichern" saves and closes the editor', ['step_fill_series']),
    ('step_tile_in_grid', f'grid: the date "{TITLE}, {ROOM}, …, 20:00–21:00" is in the Tuesday column',
     ['step_save']),
    ('step_tile_keyboard', 'accessibility: Tab from the grid reaches the new date', ['step_tile_in_grid']),
    ('step_tile_opens', 'grid: Enter on the date opens it in the editor', ['step_tile_keyboard']),
    ('step_following_week', 'grid: one week on, the next date of the series is there',
     ['step_tile_in_grid']),
    ('step_conflict', f'conflict: Wednesday 18:00 by keyboard, free in another room, in {ROOM} '
     f'the check names {YOGA} and "Speichern" is insensitive', ['step_following_week']),
    ('step_escape', 'conflict: Escape closes the editor', ['step_conflict']),
    ('step_quit', 'quit: Ctrl+Q ends treffpunkt with status 0', ['step_start']),
    ('step_database', f'database: one weekly booking with COUNT={COUNT} and its {COUNT} dates at 20:00, '
     'nothing from the conflict', ['step_quit', 'step_save']),
]


if __name__ == '__main__':
    sys.exit(run_main(Test, STEPS, __doc__))
