#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the rooms: the real treffpunkt binary in German,
driven through AT-SPI (what a screen reader sees) and xdotool (keyboard and
mouse), checked in the database it leaves behind.

Usage: test_rooms.py BUILD_DIR [LOG_DIR]

Expects DISPLAY (a bare Xvfb) and a private D-Bus session; run-e2e.sh
provides both.  Prints TAP.  Screenshots, the AT-SPI tree and the app's
output of a failing run go to LOG_DIR (default: BUILD_DIR/meson-logs).
The helpers, and notes on GTK 4.8's AT-SPI, are in atspi_helpers.py.
"""

import os
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_helpers import (  # noqa: E402
    StepFailed, TestBase, describe, diag, find, find_all, has_state, name_of, poll, press, pyatspi,
    query, role_of, run_main, text_of, wait_text, walk)

# The German strings the test looks for (from po/de.po).
DE = {
    'window_title': 'Treffpunkt',
    'open_example': 'Beispielzentrum öffnen',
    'add_room': 'Raum hinzufügen',
    'rooms_table': 'Räume',
    'bookable': 'Buchbar',
    'new_room_title': 'Neuer Raum',
    'name': 'Name',
    'capacity': 'Kapazität',
    'save': 'Speichern',
}
NEW_ROOM = 'Werkstatt Süd'
NEW_CAPACITY = 12
EXAMPLE_ROOM = 'Werkstatt'


def table_rows(table):
    """Rows of the table as lists of cell texts, header row left out."""
    rows = []
    for row in find_all(table, pyatspi.ROLE_TABLE_ROW):
        cells = [acc for acc in walk(row) if role_of(acc) == pyatspi.ROLE_TABLE_CELL]
        if not cells:
            continue   # the column headers
        rows.append([' '.join(name_of(l) for l in walk(cell) if role_of(l) == pyatspi.ROLE_LABEL)
                     for cell in cells])
    return rows


def row_of(table, room_name):
    rows = [r for r in table_rows(table) if r and r[0] == room_name]
    return rows[0] if len(rows) == 1 else None


class Test(TestBase):
    NAME = 'rooms'

    # Widgets are looked up afresh each time: AT-SPI objects can go stale.

    @property
    def editor(self):
        return self.app.window(DE['new_room_title'])

    @property
    def table(self):
        return find(self.main, pyatspi.ROLE_TREE_TABLE, DE['rooms_table'], exact_name=True)

    # Each step raises StepFailed (or anything) to fail.

    def step_start(self):
        main = self.app.start()
        diag(f'window {describe(main)} of pid {self.app.proc.pid}')

    def step_open_example(self):
        press(lambda: self.main, pyatspi.ROLE_PUSH_BUTTON, DE['open_example'])
        # The content replaces the welcome page (which keeps its old
        # extents: hidden is not told from shown once a page was shown).
        # Choose the rooms view, as a user would if another one showed.
        press(lambda: self.main, pyatspi.ROLE_PAGE_TAB, DE['rooms_table'], exact_name=True)
        find(self.main, pyatspi.ROLE_PUSH_BUTTON, DE['add_room'], visible=True)

        # Every room of the example the database holds is a row.
        def rows_match_database():
            stored = query(self.app.db_path, 'SELECT count(*) FROM rooms WHERE NOT archived')[0][0]
            shown = len(table_rows(self.table))
            return stored > 0 and shown == stored and shown
        self.example_rooms = poll('the table to show the rooms of the database', rows_match_database)
        diag(f'{self.example_rooms} rooms in the table and in the database')

    def step_example_room_listed(self):
        find(self.table, pyatspi.ROLE_LABEL, EXAMPLE_ROOM, exact_name=True)

    def step_german_ui(self):
        label = find(self.table, pyatspi.ROLE_LABEL, DE['bookable'], exact_name=True)
        diag(f'found {describe(label)} in the table')

    def step_main_window_names(self):
        self.check_names(self.main, 'main window')

    def step_open_editor(self):
        press(lambda: self.main, pyatspi.ROLE_PUSH_BUTTON, DE['add_room'])
        save = find(self.editor, pyatspi.ROLE_PUSH_BUTTON, DE['save'])
        if has_state(save, pyatspi.STATE_SENSITIVE):
            raise StepFailed(f'{describe(save)} is sensitive while the name is empty')

    def step_editor_names(self):
        self.check_names(self.editor, 'room editor')

    def step_fill_and_save(self):
        name = find(self.editor, pyatspi.ROLE_TEXT, DE['name'], exact_name=True)
        self.app.type_into(name, NEW_ROOM)
        wait_text(name, NEW_ROOM)
        capacity = find(self.editor, pyatspi.ROLE_SPIN_BUTTON, DE['capacity'])
        self.app.type_into(capacity, str(NEW_CAPACITY), select_all=True)
        wait_text(capacity, str(NEW_CAPACITY))
        save = find(self.editor, pyatspi.ROLE_PUSH_BUTTON, DE['save'])
        poll(f'{describe(save)} to become sensitive',
             lambda: has_state(save, pyatspi.STATE_SENSITIVE))
        press(lambda: self.editor, pyatspi.ROLE_PUSH_BUTTON, DE['save'])
        self.app.window_gone(DE['new_room_title'])

    def step_new_room_listed(self):
        table = self.table
        row = poll(f'a row {NEW_ROOM!r} in the table', lambda: row_of(table, NEW_ROOM))
        diag(f'row: {row}')
        if len(row) < 2 or row[1] != str(NEW_CAPACITY):
            raise StepFailed(f'the row shows capacity {row[1:2]}, not {NEW_CAPACITY}: {row}')
        if DE['bookable'] not in row:
            raise StepFailed(f'the new room is not shown as {DE["bookable"]!r}: {row}')

    def step_duplicate_name(self):
        # Ctrl+N, the keyboard way to the editor.
        self.app.key(self.main, 'ctrl+n')
        name = find(self.editor, pyatspi.ROLE_TEXT, DE['name'], exact_name=True)
        self.app.type_into(name, EXAMPLE_ROOM)
        wait_text(name, EXAMPLE_ROOM)

        editor = self.editor

        def error_label():
            for label in find_all(editor, pyatspi.ROLE_LABEL, visible=True):
                text = text_of(label)
                if f'„{EXAMPLE_ROOM}“' in text:
                    return label, text
            return None
        label, text = poll(f'an error message naming „{EXAMPLE_ROOM}“', error_label)
        diag(f'message: {text}')
        if 'There is already' in text or '“' + EXAMPLE_ROOM + '”' in text:
            raise StepFailed(f'the message is not German: {text!r}')
        save = find(self.editor, pyatspi.ROLE_PUSH_BUTTON, DE['save'])

        poll(f'{describe(save)} to become insensitive with a duplicate name',
             lambda: not has_state(save, pyatspi.STATE_SENSITIVE), 3)

    def step_escape(self):
        self.app.key(self.editor, 'Escape')
        self.app.window_gone(DE['new_room_title'])
        rows = table_rows(self.table)
        count = sum(1 for r in rows if r and r[0] == EXAMPLE_ROOM)
        if count != 1 or len(rows) != self.example_rooms + 1:
            raise StepFailed(f'after Escape the table has {len(rows)} rows, '
                             f'{count} named {EXAMPLE_ROOM!r}')

    def step_quit(self):
        self.app.key(self.main, 'ctrl+q')
        try:
            status = self.app.proc.wait(10)
        except subprocess.TimeoutExpired:
            raise StepFailed('treffpunkt still runs 10 s after Ctrl+Q')
        if status != 0:
            raise StepFailed(f'treffpunkt exited with status {status}')

    def step_database_room(self):
        if self.app.proc.poll() is None:
            raise StepFailed('treffpunkt still runs')
        rows = query(self.app.db_path,
                     'SELECT name, capacity, bookable, archived FROM rooms WHERE name = ?',
                     (NEW_ROOM,))
        duplicates = query(self.app.db_path, 'SELECT count(*) FROM rooms WHERE name = ?',
                           (EXAMPLE_ROOM,))[0][0]
        total = query(self.app.db_path, 'SELECT count(*) FROM rooms')[0][0]
        diag(f'rooms named {NEW_ROOM!r}: {rows}; {total} rooms in all')
        if rows != [(NEW_ROOM, NEW_CAPACITY, 1, 0)]:
            raise StepFailed(f'expected [({NEW_ROOM!r}, {NEW_CAPACITY}, 1, 0)], found {rows}')
        if duplicates != 1 or total != self.example_rooms + 1:
            raise StepFailed(f'{duplicates} rooms {EXAMPLE_ROOM!r}, {total} rooms in all')

    def step_database_mode(self):
        mode = stat.S_IMODE(os.stat(self.app.db_path).st_mode)
        if mode != 0o600:
            raise StepFailed(f'{self.app.db_path} has mode {mode:04o}, not 0600')


STEPS = [
    # (method, description, steps it needs)
    ('step_start', 'start: the window appears on the AT-SPI desktop', []),
    ('step_open_example', 'example: "Beispielzentrum öffnen" fills the rooms table', ['step_start']),
    ('step_example_room_listed', 'example: the room "Werkstatt" is listed', ['step_open_example']),
    ('step_german_ui', 'example: the German status "Buchbar" is shown', ['step_open_example']),
    ('step_main_window_names', 'accessibility: every interactive widget of the main window has a name',
     ['step_open_example']),
    ('step_open_editor', 'add-room: "Raum hinzufügen" opens "Neuer Raum", "Speichern" insensitive',
     ['step_open_example']),
    ('step_editor_names', 'accessibility: every interactive widget of the room editor has a name',
     ['step_open_editor']),
    ('step_fill_and_save', 'add-room: typing "Werkstatt Süd" and 12, then "Speichern" saves',
     ['step_open_editor']),
    ('step_new_room_listed', 'add-room: "Werkstatt Süd" is listed with capacity 12',
     ['step_fill_and_save']),
    ('step_duplicate_name', 'add-room: Ctrl+N, duplicate "Werkstatt" shows the German error, '
     '"Speichern" insensitive', ['step_new_room_listed']),
    ('step_escape', 'add-room: Escape closes the editor without saving', ['step_duplicate_name']),
    ('step_quit', 'quit: Ctrl+Q ends treffpunkt with status 0', ['step_start']),
    ('step_database_room', 'database: "Werkstatt Süd" is stored with capacity 12, no duplicate',
     ['step_quit', 'step_fill_and_save']),
    ('step_database_mode', 'database: the file has mode 0600', ['step_quit']),
]


if __name__ == '__main__':
    sys.exit(run_main(Test, STEPS, __doc__))
