#!/usr/bin/env bash
# Runs a GUI command on a private virtual X display and saves a screenshot of it as PNG:
#   app/bench/screenshot.sh [--size 1280x800] [--settle 5] [--wait 60] OUT.png -- COMMAND [ARGS...]
#   app/bench/screenshot.sh --size 1280x800 --settle 8 out.png -- app/bench/preview.sh app dark
# Waits until the command shows a window (at most --wait seconds), lets it settle, captures the whole screen, then
# ends the command and the display. Needs xvfb (xvfb-run), imagemagick (import), xdotool, and GTK 3 for JavaFX.
set -euo pipefail
size=1280x800; settle=5; wait_s=60; out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --wait) wait_s=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
[ -n "$out" ] && [ $# -gt 0 ] || { sed -n 2,6p "$0" >&2; exit 2; }
for tool in xvfb-run import xdotool; do
  command -v "$tool" >/dev/null || { echo "screenshot.sh: $tool is missing (apt-get install xvfb imagemagick xdotool)" >&2; exit 1; }
done
if [ -z "${SKEETER_SCREENSHOT_DISPLAY:-}" ]; then
  # xvfb-run -a picks a free display number and sets DISPLAY; this script runs again inside it
  exec env SKEETER_SCREENSHOT_DISPLAY=1 xvfb-run -a -s "-screen 0 ${size}x24" \
    "$0" --size "$size" --settle "$settle" --wait "$wait_s" "$out" -- "$@"
fi
log=$(mktemp)
"$@" >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; sleep 0.5; kill -9 "$app" 2>/dev/null || true' EXIT
deadline=$((SECONDS + wait_s))
until xdotool search --onlyvisible --name '.' >/dev/null 2>&1; do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "screenshot.sh: the command exited before showing a window; its output:" >&2; tail -40 "$log" >&2; exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "screenshot.sh: no window after ${wait_s} s; its output:" >&2; tail -40 "$log" >&2; exit 1
  fi
  sleep 0.5
done
sleep "$settle"
import -window root "$out"
echo "screenshot: $out ($size); the command's output is in $log"
