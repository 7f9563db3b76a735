#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: finding and driving widgets through
AT-SPI (what a screen reader sees) and xdotool, starting the real
treffpunkt binary, TAP output, and the evidence of a failing step.

A test script defines a TestBase subclass with step_* methods and a list
of STEPS, then calls run_main().  See test_rooms.py.

GTK 4.8 notes (see PLATFORM.md):
- AT-SPI EditableText and grabFocus do nothing and screen coordinates are
  not reported: typing clicks into the widget at its WINDOW_COORDS extents
  with xdotool, then types.
- The "showing" state is not set and widgets on hidden stack pages are in
  the tree.  Those never shown have zero-sized extents, those hidden after
  being shown keep their last ones: non-empty extents ("on screen" here)
  only prove a widget has been shown.
- A button's name is its label with the mnemonic underscore followed by the
  text of its label child ("_Speichern Speichern").
- An unnamed widget is reported under its type name ("GtkButton").
- Text.getText(0, -1) returns "": read up to characterCount instead.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
    import pyatspi
except (ImportError, ValueError) as e:
    print(f'1..0 # SKIP pyatspi is not available for {sys.executable}: {e}')
    sys.exit(0)

MAIN_WINDOW_TITLE = 'Treffpunkt'
APP_START_TIMEOUT = 20.0   # until the window is on the AT-SPI desktop
FIND_TIMEOUT = 10.0        # until a widget appears / a state is reached
POLL = 0.1

# Roles a user operates; each needs an accessible name.  Editable text
# (entry rows, text views) has the role "text" in GTK 4.8 and counts too.
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
}
_SWITCH = getattr(pyatspi, 'ROLE_SWITCH', None)
if _SWITCH is not None:
    INTERACTIVE_ROLES.add(_SWITCH)

# GTK 4.8 names an unnamed widget after its type.
TYPE_NAME_RE = re.compile(r'(Gtk|Adw|Treff)[A-Z][A-Za-z0-9]*')

# Unnamed widgets that are libadwaita 1.2's own, out of the app's reach:
# reported, not failed.
LIBRARY_CONTAINERS = {
    'AdwToastWidget': 'the close button of a libadwaita 1.2 toast has no name',
}


class StepFailed(Exception):
    pass


class Stale(StepFailed):
    """The accessible object is gone (its widget was destroyed or its
    application left the bus): look the widget up again."""


def diag(text):
    for line in str(text).splitlines() or ['']:
        print(f'# {line}', flush=True)


# ---------------------------------------------------------------- TAP ----

class Tap:
    def __init__(self, steps):
        self.number = 0
        self.failed = 0
        print(f'1..{len(steps)}', flush=True)

    def ok(self, description):
        self.number += 1
        print(f'ok {self.number} - {description}', flush=True)

    def not_ok(self, description, why):
        self.number += 1
        self.failed += 1
        print(f'not ok {self.number} - {description}', flush=True)
        diag(why)

    def skip(self, description, why):
        self.number += 1
        print(f'ok {self.number} - {description} # SKIP {why}', flush=True)

    def todo(self, description, known_bug, why=None):
        """A step that checks a known bug: its failure is expected (meson:
        EXPECTEDFAIL); once it passes, meson reports UNEXPECTEDPASS and
        fails the run, so that the TODO is removed with the fix."""
        self.number += 1
        print(f'{"ok" if why is None else "not ok"} {self.number} - {description} # TODO {known_bug}',
              flush=True)
        if why is not None:
            diag(why)


# ------------------------------------------------------------ AT-SPI ----

def safe(func, default=None):
    try:
        return func()
    except Exception:
        return default


def role_of(acc):
    return safe(acc.getRole, pyatspi.ROLE_INVALID)


def name_of(acc):
    return safe(lambda: acc.name, '') or ''


def states_of(acc):
    return safe(lambda: acc.getState(), None)


def has_state(acc, state):
    refresh(acc)
    states = states_of(acc)
    return states is not None and states.contains(state)


def children(acc):
    count = safe(lambda: acc.childCount, 0) or 0
    for i in range(count):
        child = safe(lambda: acc.getChildAtIndex(i))
        if child is not None:
            yield child


def walk(root):
    """Depth first, tolerating objects that vanish while we look."""
    stack = [root]
    while stack:
        acc = stack.pop()
        yield acc
        stack.extend(reversed(list(children(acc))))


def refresh(acc):
    """Drops libatspi's cached names, states and children below acc."""
    safe(lambda: acc.clear_cache())


def names_for_matching(acc):
    """The names a user would recognise the widget by."""
    name = name_of(acc)
    names = {name, name.replace('_', '')}
    parts = name.split(' ')
    for i in range(1, len(parts)):
        own, content = ' '.join(parts[:i]), ' '.join(parts[i:])
        if own.replace('_', '') == content:
            names.add(content)
    return names


def extents(acc):
    ext = safe(lambda: acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS))
    if ext is None:
        return None
    return ext.x, ext.y, ext.width, ext.height


def on_screen(acc):
    ext = extents(acc)
    return ext is not None and ext[2] > 0 and ext[3] > 0


def text_of(acc):
    def read():
        text = acc.queryText()
        return text.getText(0, text.characterCount)
    return safe(read, '')


def describe(acc):
    return f'[{safe(acc.getRoleName, "?")}] {name_of(acc)!r}'


def toplevel(acc):
    """The window (frame) a widget is in."""
    while acc is not None and role_of(acc) != pyatspi.ROLE_FRAME:
        acc = safe(lambda: acc.parent)
    if acc is None:
        raise StepFailed('the widget is in no window')
    return acc


def poll(what, check, timeout=FIND_TIMEOUT):
    """Calls check() until it returns something true; StepFailed after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise StepFailed(f'timed out after {timeout:.0f} s waiting for {what}')
        time.sleep(POLL)


def wait_text(acc, expected, timeout=FIND_TIMEOUT):
    try:
        poll(f'{describe(acc)} to read {expected!r}', lambda: text_of(acc) == expected, timeout)
    except StepFailed as e:
        raise StepFailed(f'{e}; it reads {text_of(acc)!r}')


def find_all(root, role, name=None, exact_name=False, visible=False):
    refresh(root)
    found = []
    for acc in walk(root):
        if role is not None and role_of(acc) != role:
            continue
        if name is not None:
            if exact_name and name_of(acc) != name:
                continue
            if not exact_name and name not in names_for_matching(acc):
                continue
        if visible and not on_screen(acc):
            continue
        found.append(acc)
    return found


def find(root, role, name, exact_name=False, visible=True, timeout=FIND_TIMEOUT):
    what = f'{Atspi.role_get_name(role)} {name!r}' + (' on screen' if visible else '')
    return poll(what, lambda: next(iter(find_all(root, role, name, exact_name, visible)), None),
                timeout)


def click(acc):
    """Presses a widget through its AT-SPI action, as a screen reader does."""
    try:
        action = acc.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
    except Exception as e:
        raise Stale(f'the actions of {describe(acc)} cannot be read: {e}')
    for wanted in ('click', 'press', 'activate', 'toggle'):
        if wanted in names:
            if not action.doAction(names.index(wanted)):
                raise StepFailed(f'action {wanted!r} of {describe(acc)} failed')
            return
    raise StepFailed(f'{describe(acc)} has no click action, only {names}')


def press(root_func, role, name, exact_name=False, timeout=FIND_TIMEOUT):
    """Finds a widget on screen below root_func() and clicks it.  A widget
    that goes stale between finding and clicking is looked up again; one
    that refuses the click fails at once."""
    stale = []

    def attempt():
        for acc in find_all(root_func(), role, name, exact_name, visible=True):
            try:
                click(acc)
                return acc
            except Stale as e:
                stale.append(str(e))
        return None
    try:
        return poll(f'{Atspi.role_get_name(role)} {name!r} on screen to press', attempt, timeout)
    except StepFailed as e:
        raise StepFailed(f'{e} ({"; ".join(stale[-3:]) or "never found"})')


def dump_tree(acc, out, depth=0):
    states = states_of(acc)
    state_names = [pyatspi.stateToString(s) for s in states.getStates()] if states else []
    out.write('  ' * depth + f'{describe(acc)} {extents(acc)} {",".join(state_names)}\n')
    for child in children(acc):
        dump_tree(child, out, depth + 1)


# ----------------------------------------------------------------- X ----

def run(args, timeout=10, check=True):
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StepFailed(f'{" ".join(args)} did not finish within {timeout} s')
    if check and result.returncode != 0:
        raise StepFailed(f'{" ".join(args)} failed ({result.returncode}): {result.stderr.strip()}')
    return result.stdout


class App:
    """The treffpunkt binary of BUILD_DIR on a database of its own, in
    German; its output goes to LOG_DIR/e2e-NAME-app.log."""

    def __init__(self, build_dir, work_dir, log_dir, name):
        self.build_dir = build_dir
        self.work_dir = work_dir
        self.log_dir = log_dir
        self.binary = os.path.join(build_dir, 'src', 'treffpunkt')
        self.db_path = os.path.join(work_dir, 'zentrum.treffpunkt')
        self.proc = None
        self.root = None
        self.log = None
        self.log_path = os.path.join(log_dir, f'e2e-{name}-app.log')

    def environment(self):
        env = dict(os.environ)
        home = os.path.join(self.work_dir, 'home')
        for var in list(env):
            if var.startswith('LC_') or var in ('WAYLAND_DISPLAY', 'GTK_THEME', 'GTK_DEBUG'):
                del env[var]
        env.update({
            'HOME': home,
            'XDG_CONFIG_HOME': os.path.join(home, '.config'),
            'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
            'XDG_CACHE_HOME': os.path.join(home, '.cache'),
            'XDG_STATE_HOME': os.path.join(home, '.local', 'state'),
            'XDG_RUNTIME_DIR': os.path.join(self.work_dir, 'runtime'),
            'GSETTINGS_SCHEMA_DIR': os.path.join(self.build_dir, 'data'),
            'GSETTINGS_BACKEND': 'memory',
            'TREFFPUNKT_LOCALEDIR': os.path.join(self.build_dir, 'po'),
            'LANG': 'de_DE.UTF-8',
            'LANGUAGE': 'de',
            'GTK_A11Y': 'atspi',
            'NO_AT_BRIDGE': '0',
            'GDK_BACKEND': 'x11',
            'GSK_RENDERER': 'cairo',
            'ADW_DISABLE_PORTAL': '1',
        })
        for key in ('HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME',
                    'XDG_STATE_HOME', 'XDG_RUNTIME_DIR'):
            os.makedirs(env[key], mode=0o700, exist_ok=True)
        os.chmod(env['XDG_RUNTIME_DIR'], 0o700)
        return env

    def run_command_line(self, args, timeout=30):
        """Runs treffpunkt without a window (--create-example, …) on the
        database, in the app's environment; StepFailed unless it succeeds."""
        command = [self.binary, '--database', self.db_path] + list(args)
        old_umask = os.umask(0o022)
        try:
            result = subprocess.run(command, env=self.environment(), cwd=self.work_dir,
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                    timeout=timeout)
        except subprocess.TimeoutExpired:
            raise StepFailed(f'{" ".join(command)} did not finish within {timeout} s')
        finally:
            os.umask(old_umask)
        if result.returncode != 0:
            raise StepFailed(f'{" ".join(command)} failed ({result.returncode}): '
                             f'{(result.stderr or result.stdout).strip()}')
        return result.stdout

    def start(self):
        binary = self.binary
        # A German keyboard, as in a German centre.  It also gives "ü" a key
        # of its own: xdotool's stop-gap remapping for keys missing from the
        # layout loses characters with GTK 4.
        run(['setxkbmap', '-layout', 'de'])
        self.log = open(self.log_path, 'w')
        # The app, not the umask, must make the database private.
        old_umask = os.umask(0o022)
        try:
            self.proc = subprocess.Popen([binary, '--database', self.db_path],
                                         env=self.environment(), cwd=self.work_dir,
                                         stdin=subprocess.DEVNULL,
                                         stdout=self.log, stderr=subprocess.STDOUT)
        finally:
            os.umask(old_umask)

        def app_on_desktop():
            if self.proc.poll() is not None:
                raise StepFailed(f'treffpunkt exited with status {self.proc.returncode}')
            desktop = pyatspi.Registry.getDesktop(0)
            refresh(desktop)
            for app in children(desktop):
                if safe(app.get_process_id) == self.proc.pid:
                    return app
            return None

        self.root = poll('the treffpunkt application on the AT-SPI desktop',
                         app_on_desktop, APP_START_TIMEOUT)
        return self.main_window(APP_START_TIMEOUT)

    def frames(self):
        refresh(self.root)
        return [acc for acc in children(self.root) if role_of(acc) == pyatspi.ROLE_FRAME]

    def window(self, title, timeout=FIND_TIMEOUT):
        return poll(f'a window {title!r}',
                    lambda: next((f for f in self.frames() if name_of(f) == title), None),
                    timeout)

    def main_window(self, timeout=FIND_TIMEOUT):
        return self.window(MAIN_WINDOW_TITLE, timeout)

    def window_gone(self, title, timeout=FIND_TIMEOUT):
        poll(f'the window {title!r} to close',
             lambda: all(name_of(f) != title for f in self.frames()), timeout)

    def x_window(self, title):
        """The X window id of the app's mapped window with this title."""
        def lookup():
            out = run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                      check=False)
            for wid in out.split():
                if run(['xdotool', 'getwindowname', wid], check=False).strip() == title:
                    return wid
            return None
        return poll(f'the X window {title!r}', lookup)

    def focus(self, frame):
        wid = self.x_window(name_of(frame))
        run(['xdotool', 'windowfocus', '--sync', wid])
        return wid

    def key(self, frame, keys):
        self.focus(frame)
        run(['xdotool', 'key', '--clearmodifiers', keys])

    def keys(self, frame, keys, delay=15):
        """Presses several keys one after the other (a list of names)."""
        self.focus(frame)
        if keys:
            run(['xdotool', 'key', '--clearmodifiers', '--delay', str(delay)] + list(keys),
                timeout=10 + len(keys) * delay / 1000)

    @staticmethod
    def x_geometry(wid):
        """(x, y, width, height) of an X window."""
        values = {}
        for line in run(['xdotool', 'getwindowgeometry', '--shell', wid]).splitlines():
            key, _, value = line.partition('=')
            values[key] = int(value) if value.lstrip('-').isdigit() else value
        return values['X'], values['Y'], values['WIDTH'], values['HEIGHT']

    def window_offset(self, frame, wid):
        """Where WINDOW_COORDS (0, 0) of the frame is in its X window: the
        X window of a GTK 4 window is larger by the shadow margins of its
        client-side decoration, on every side alike."""
        ext = extents(frame)
        _, _, width, height = self.x_geometry(wid)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            return 0, 0
        return max(0, (width - ext[2]) // 2), max(0, (height - ext[3]) // 2)

    def click_at(self, frame, x, y, button=1, repeat=1):
        """A mouse click (or wheel steps: button 4 up, 5 down) at (x, y) in
        the WINDOW_COORDS of the frame."""
        wid = self.focus(frame)
        dx, dy = self.window_offset(frame, wid)
        command = ['xdotool', 'mousemove', '--window', wid, str(int(x) + dx), str(int(y) + dy)]
        for _ in range(repeat):
            command += ['click', str(button)]
        run(command)

    def click_widget(self, widget, fx=0.5, fy=0.5):
        """Clicks a widget at a fraction of its extents (the middle)."""
        ext = extents(widget)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            raise StepFailed(f'{describe(widget)} is not on screen: extents {ext}')
        x, y, width, height = ext
        self.click_at(toplevel(widget), x + width * fx, y + height * fy)

    def popover_x_window(self, popover):
        """The X window of a shown popover.  GTK 4.8 reports a popover's
        extents at its parent widget, not where its surface is: the surface
        is the app's unnamed X window of the popover's size."""
        ext = extents(popover)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            raise StepFailed(f'{describe(popover)} is not on screen: extents {ext}')

        def lookup():
            out = run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                      check=False)
            titles = {name_of(f) for f in self.frames()}
            for wid in out.split():
                if run(['xdotool', 'getwindowname', wid], check=False).strip() in titles:
                    continue
                if self.x_geometry(wid)[2:] == ext[2:]:
                    return wid
            return None
        return poll(f'the X window of {describe(popover)} {ext[2]}x{ext[3]}', lookup)

    def click_in_popover(self, popover, widget):
        """Clicks the middle of a widget in a shown popover."""
        wid = self.popover_x_window(popover)
        px, py, _, _ = extents(popover)
        x, y, width, height = extents(widget)
        run(['xdotool', 'mousemove', '--window', wid,
             str(x - px + width // 2), str(y - py + height // 2), 'click', '1'])

    def scroll_into_view(self, widget, pane, top=0, bottom=None, timeout=FIND_TIMEOUT):
        """Turns the mouse wheel over the scroll pane until the part of the
        widget from top to bottom (pixels from its upper edge; bottom
        defaults to its height) is inside the pane."""
        deadline = time.monotonic() + timeout
        while True:
            wx, wy, ww, wh = extents(widget)
            px, py, pw, ph = extents(pane)
            low = wy + top
            high = wy + (wh if bottom is None else bottom)
            if low >= py and high <= py + ph:
                return
            if time.monotonic() > deadline:
                raise StepFailed(f'cannot scroll {describe(widget)} {(wx, wy, ww, wh)} '
                                 f'into {describe(pane)} {(px, py, pw, ph)}')
            self.click_at(toplevel(pane), px + pw // 2, py + ph // 2,
                          button=5 if high > py + ph else 4)
            # Wait for the extents to follow (they do not at the end).
            try:
                poll('the extents to follow the wheel',
                     lambda: (extents(widget) or (0, wy))[1] != wy, 1.0)
            except StepFailed:
                pass

    def type_into(self, widget, text, select_all=False):
        """Clicks into a text field and types like a user (GTK 4.8 ignores
        EditableText): the click goes near the left end of the widget, into
        the text of an entry row as well as of a spin button."""
        ext = extents(widget)
        if ext is None or ext[2] <= 0 or ext[3] <= 0:
            raise StepFailed(f'{describe(widget)} is not on screen: extents {ext}')
        x, y, width, height = ext
        wid = self.focus(toplevel(widget))
        run(['xdotool', 'mousemove', '--window', wid,
             str(x + max(4, min(width // 5, 40))), str(y + height // 2), 'click', '1'])
        time.sleep(0.2)
        if select_all:
            run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'])
        run(['xdotool', 'type', '--delay', '25', text])

    def quit(self, timeout=10):
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.key(self.main_window(), 'ctrl+q')
        except StepFailed:
            pass
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pass

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log is not None:
            self.log.close()


# -------------------------------------------------------------- checks ----

def unnamed_widgets(frame):
    """(offenders, library_offenders) among the interactive widgets."""
    refresh(frame)
    offenders, library = [], []

    def visit(acc, path, library_reason):
        name = name_of(acc).strip()
        role = role_of(acc)
        interactive = role in INTERACTIVE_ROLES or (
            role == pyatspi.ROLE_TEXT and has_state(acc, pyatspi.STATE_EDITABLE))
        if interactive and (not name or TYPE_NAME_RE.fullmatch(name)):
            where = ' > '.join(path + [describe(acc)])
            tooltip = safe(lambda: acc.description, '')
            if tooltip:
                where += f' with description {tooltip!r}'
            where += f' at {extents(acc)}'
            (library if library_reason else offenders).append(
                where + (f'  ({library_reason})' if library_reason else ''))
        reason = library_reason or LIBRARY_CONTAINERS.get(name)
        # The path to an offender lists its named ancestors.
        here = path + [describe(acc)] if name and not TYPE_NAME_RE.fullmatch(name) else path
        for child in children(acc):
            visit(child, here, reason)

    visit(frame, [], None)
    return offenders, library



def query(db_path, sql, args=()):
    db = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True, timeout=5)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


# --------------------------------------------------------- test steps ----

class TestBase:
    """A test: step_* methods that raise StepFailed (or anything) to fail.
    NAME names the evidence files and the app's log in the log folder."""

    NAME = 'e2e'

    def __init__(self, build_dir, log_dir, work_dir):
        self.build_dir = build_dir
        self.log_dir = log_dir
        self.work_dir = work_dir
        self.app = App(build_dir, work_dir, log_dir, self.NAME)
        self.screenshots = 0

    @property
    def main(self):
        return self.app.main_window()

    def check_names(self, frame, what):
        offenders, library = unnamed_widgets(frame)
        for line in library:
            diag(f'known library issue in the {what}: {line}')
        if offenders:
            raise StepFailed(f'interactive widgets without an accessible name in the {what}:\n'
                             + '\n'.join(f'  {o}' for o in offenders))

    def evidence(self, label):
        """Screenshot and AT-SPI tree of the moment something failed."""
        self.screenshots += 1
        base = os.path.join(self.log_dir, f'e2e-{self.NAME}-{self.screenshots}-{label}')
        result = subprocess.run(['import', '-window', 'root', base + '.png'],
                                capture_output=True, timeout=20)
        if result.returncode == 0:
            diag(f'screenshot: {base}.png')
        status = self.app.proc.poll() if self.app.proc is not None else None
        if status is not None and status < 0:
            diag(f'treffpunkt was killed by signal {-status}')
        elif status is not None:
            diag(f'treffpunkt has exited with status {status}')
        if self.app.root is not None and status is None:
            with open(base + '-atspi.txt', 'w') as out:
                refresh(self.app.root)
                dump_tree(self.app.root, out)
            diag(f'AT-SPI tree: {base}-atspi.txt')


def preflight(build_dir):
    """Problems that make the whole run meaningless."""
    binary = os.path.join(build_dir, 'src', 'treffpunkt')
    if not os.access(binary, os.X_OK):
        return f'{binary} is not built'
    mo = os.path.join(build_dir, 'po', 'de', 'LC_MESSAGES', 'treffpunkt.mo')
    if not os.path.exists(mo):
        return f'{mo} is not built'
    if not os.environ.get('DISPLAY'):
        return 'DISPLAY is not set (run tests/e2e/run-e2e.sh)'
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        return 'no D-Bus session (run tests/e2e/run-e2e.sh)'
    for tool in ('xdotool', 'setxkbmap', 'import'):
        if shutil.which(tool) is None:
            return f'{tool} is not installed'
    import locale
    try:
        old = locale.setlocale(locale.LC_ALL)
        locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')
        locale.setlocale(locale.LC_ALL, old)
    except locale.Error:
        return 'the locale de_DE.UTF-8 is not generated (locale-gen)'
    return None


def run_main(test_class, steps, doc):
    """Runs the steps of a test as TAP: (method, description, steps it
    needs[, known bug]).  A step whose needs failed is skipped; one with a
    known bug is a TAP TODO (see Tap.todo).  Arguments: BUILD_DIR
    [LOG_DIR]; the log folder defaults to BUILD_DIR/meson-logs."""
    if len(sys.argv) not in (2, 3):
        print(doc, file=sys.stderr)
        return 2
    build_dir = os.path.abspath(sys.argv[1])
    if len(sys.argv) == 3:
        log_dir = sys.argv[2]
    elif os.environ.get('MESON_BUILD_ROOT'):
        log_dir = os.path.join(os.environ['MESON_BUILD_ROOT'], 'meson-logs')
    else:
        log_dir = os.path.join(build_dir, 'meson-logs')
    os.makedirs(log_dir, exist_ok=True)

    prefix = f'e2e-{test_class.NAME}-'
    for old in os.listdir(log_dir):
        if old.startswith(prefix) and old.endswith(('.png', '-atspi.txt')):
            os.remove(os.path.join(log_dir, old))

    problem = preflight(build_dir)
    if problem:
        print(f'Bail out! {problem}', flush=True)
        return 1

    started = time.monotonic()
    work_dir = tempfile.mkdtemp(prefix='treffpunkt-e2e-')
    test = test_class(build_dir, log_dir, work_dir)
    tap = Tap(steps)
    passed = set()
    try:
        for method, description, needs, *todo in steps:
            known_bug = todo[0] if todo else None
            missing = [n for n in needs if n not in passed]
            if missing:
                tap.skip(description, f'needs {", ".join(missing)}')
                continue
            step_started = time.monotonic()
            try:
                getattr(test, method)()
            except Exception as e:
                why = str(e) if isinstance(e, StepFailed) else traceback.format_exc()
                if known_bug:
                    tap.todo(description, known_bug, why)
                else:
                    tap.not_ok(description, why)
                    test.evidence(method)
                continue
            passed.add(method)
            if known_bug:
                tap.todo(f'{description} ({time.monotonic() - step_started:.1f} s)', known_bug)
            else:
                tap.ok(f'{description} ({time.monotonic() - step_started:.1f} s)')
    finally:
        test.app.quit()
        test.app.kill()
        if tap.failed and os.path.exists(test.app.log_path):
            with open(test.app.log_path, errors='replace') as log:
                lines = log.read().splitlines()
            diag(f'app output ({test.app.log_path}), last lines:')
            for line in lines[-20:]:
                diag('  ' + line)
        shutil.rmtree(work_dir, ignore_errors=True)
        diag(f'{time.monotonic() - started:.1f} s')
    return 0
