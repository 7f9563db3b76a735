#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the end-to-end tests against the real treffpunkt binary on a private
# Xvfb display and a private D-Bus session (with its own AT-SPI bus), in a
# fresh temporary HOME.
#
# Usage: tests/e2e/run-e2e.sh BUILD_DIR [TEST.py] [LOG_DIR]
#
# TEST.py is the test to run, a file in this directory or a path; without
# one (or when the second argument does not end in .py) test_rooms.py.
#
# Output is TAP.  When Xvfb, xdotool or pyatspi is missing the run is
# skipped: "1..0 # SKIP …" with status 77, or with status 0 when
# E2E_TAP_SKIP_STATUS_0 is set, as meson.build does: meson 1.0 counts any
# status other than 0 of a TAP test as an error, even 77.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${1:?usage: run-e2e.sh BUILD_DIR [TEST.py] [LOG_DIR]}
build_dir=$(cd "$build_dir" && pwd)
shift
test_script=$here/test_rooms.py
if [ $# -gt 0 ] && [[ $1 == *.py ]]; then
  case $1 in
    */*) test_script=$1 ;;
    *) test_script=$here/$1 ;;
  esac
  shift
fi

skip () {
  echo "1..0 # SKIP $*"
  if [ -n "${E2E_TAP_SKIP_STATUS_0:-}" ]; then
    exit 0
  fi
  exit 77
}

if [ ! -f "$test_script" ]; then
  echo "Bail out! no test $test_script"
  exit 1
fi

for tool in Xvfb xdotool setxkbmap dbus-run-session import; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
/usr/bin/python3 -c 'import pyatspi' >/dev/null 2>&1 || skip "pyatspi (python3-pyatspi) is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/treffpunkt-e2e.XXXXXX")
xvfb_pid=
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free display: no lock file and no socket, and the server that starts
# really is ours (another run may have taken the number meanwhile).
display=
for n in $(seq 90 140); do
  if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then
    continue
  fi
  # -noreset: without it the server resets whenever its last client leaves
  # (setxkbmap, say), refusing connections meanwhile and forgetting the
  # keyboard layout.
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$work/xvfb-$n.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
      break
    fi
    if [ -S "/tmp/.X11-unix/X$n" ] && [ "$(tr -d ' \n' <"/tmp/.X$n-lock" 2>/dev/null)" = "$xvfb_pid" ]; then
      display=":$n"
      break
    fi
    sleep 0.1
  done
  if [ -n "$display" ]; then
    break
  fi
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
  xvfb_pid=
done
if [ -z "$display" ]; then
  echo "Bail out! could not start Xvfb on any display :90 to :140"
  cat "$work"/xvfb-*.log >&2 2>/dev/null
  exit 1
fi

# A session bus that can start nothing but the accessibility bus: no
# portals, no gvfs, no dconf get in the way or take time.
mkdir -p "$work/dbus-services" "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
a11y_service=/usr/share/dbus-1/services/org.a11y.Bus.service
if [ -e "$a11y_service" ]; then
  ln -s "$a11y_service" "$work/dbus-services/"
  cat >"$work/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$work</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$work/dbus-services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  dbus_config=(--config-file="$work/session.conf")
else
  dbus_config=()
fi

export DISPLAY=$display
export HOME=$work/home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
export XDG_CACHE_HOME=$HOME/.cache XDG_STATE_HOME=$HOME/.local/state
export XDG_RUNTIME_DIR=$work/runtime
export TMPDIR=$work
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS XAUTHORITY

# Only the test writes to stdout (TAP): the D-Bus and AT-SPI daemons write
# theirs to stderr.  Not exec: the trap must still stop Xvfb.
dbus-run-session "${dbus_config[@]}" -- \
  /bin/sh -c 'exec "$@" 1>&3 3>&-' sh \
  /usr/bin/python3 "$test_script" "$build_dir" "$@" 3>&1 1>&2
