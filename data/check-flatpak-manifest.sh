#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that flatpak-builder reads the Flatpak manifest without complaint.
# Usage: check-flatpak-manifest.sh [MANIFEST]
# Without an argument the manifest next to this script's directory is used.
# Exits 77 (meson: skipped) when flatpak-builder is not installed.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest=${1:-"$here/../flatpak/io.github.treffpunkt.Treffpunkt.json"}

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder not found, skipping" >&2
  exit 77
fi

if [ ! -f "$manifest" ]; then
  echo "FAIL: manifest not found: $manifest" >&2
  exit 1
fi

manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")

# flatpak-builder creates a .flatpak-builder state directory in the current
# directory; run it in a scratch directory so nothing is left behind.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out=$scratch/stdout
err=$scratch/stderr

(cd "$scratch" && flatpak-builder --show-manifest "$manifest") >"$out" 2>"$err"
status=$?

failed=0
if [ "$status" -ne 0 ]; then
  echo "FAIL: flatpak-builder --show-manifest exited with status $status" >&2
  failed=1
fi
if grep -qiE 'unknown|warning' "$err"; then
  echo "FAIL: flatpak-builder printed warnings:" >&2
  failed=1
fi
if grep -qiE 'unknown|warning' "$out"; then
  echo "FAIL: the printed manifest mentions 'unknown' or 'warning':" >&2
  grep -iE 'unknown|warning' "$out" >&2
  failed=1
fi
if [ -s "$err" ]; then
  cat "$err" >&2
fi

if [ "$failed" -eq 0 ]; then
  echo "ok: $manifest"
fi
exit "$failed"
