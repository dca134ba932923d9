#!/usr/bin/env bash
# End-to-end check of the .deb on this machine (as root; it installs and removes the package for real):
# install with apt, run the installed `skeeter broker`, publish and subscribe through it, make certificates with
# `skeeter cert` when the command exists, TLS with an EC key through the bundled runtime, open the installed GUI
# under Xvfb and wait for its window, then purge the package and check that nothing is left.
# Usage: installers/check-linux.sh [path/to/skeeter_X_amd64.deb]   (default: build it with build-linux.sh deb)
# Needs: root, apt, Xvfb and xdotool; mosquitto-clients until `skeeter pub`/`skeeter sub` exist; openssl and
# mosquitto for the TLS step (skipped with a note without them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DISPLAY_NUMBER=${SKEETER_XVFB_DISPLAY:-98}
work=$(mktemp -d)
pids=()
installed=
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work" 2>/dev/null || true
    # A failed check does not leave the package installed.
    [ -z "$installed" ] || DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq skeeter >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
# A subcommand exists when the root help lists it (`skeeter nosuch --help` prints the root help and succeeds).
has_command() { skeeter --help 2>/dev/null | grep -qE "^ +$1 "; }
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
wait_for_port() {
    for _ in $(seq 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    fail "nothing listens on port $1 after 30 s"
}

[ "$(id -u)" = 0 ] || fail "run as root: the check installs and removes the package"
deb=${1:-}
if [ -z "$deb" ]; then
    "$ROOT/installers/build-linux.sh" deb
    deb=$(ls -t "$ROOT"/target/installer/skeeter_*_amd64.deb | head -1)
fi
deb=$(readlink -f "$deb")
dpkg -s skeeter >/dev/null 2>&1 && fail "skeeter is already installed; remove it first"
step "install $(basename "$deb") ($(du -m "$deb" | cut -f1) MB)"
installed=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
echo "installed size: $(dpkg-query -W -f='${Installed-Size}' skeeter) KB"
for file in /usr/bin/skeeter /opt/skeeter/bin/Skeeter /lib/systemd/system/skeeter.service \
        /etc/skeeter/skeeter.conf /usr/share/applications/skeeter.desktop \
        /usr/share/icons/hicolor/256x256/apps/skeeter.png; do
    [ -e "$file" ] || fail "$file is missing"
done
[ -f /opt/skeeter/lib/skeeter.jsa ] && echo "class-data sharing archive: $(du -m /opt/skeeter/lib/skeeter.jsa | cut -f1) MB" \
    || echo "note: no class-data sharing archive (built without Xvfb?)"
if [ -d /run/systemd/system ]; then
    [ "$(systemctl is-enabled skeeter.service 2>/dev/null || true)" = disabled ] || fail "skeeter.service is not disabled"
fi

# A fresh user: whatever the app writes lands here and is checked at the end.
export HOME=$work/home
mkdir -p "$HOME"
cd "$work"
skeeter --version

step "installed broker, publish and subscribe"
port=$(free_port)
skeeter broker -p "$port" > "$work/broker.log" 2>&1 &
pids+=($!)
wait_for_port "$port"
if has_command sub; then sub=(skeeter sub); else sub=(mosquitto_sub); fi
if has_command pub; then pub=(skeeter pub); else pub=(mosquitto_pub); fi
echo "subscriber: ${sub[0]} ${sub[1]:-}, publisher: ${pub[0]} ${pub[1]:-}"
# Retained, so the subscriber gets it whenever its subscription lands.
"${pub[@]}" -h 127.0.0.1 -p "$port" -t check/installed -m "hello from the package" -r -q 1
received=$(timeout 30 "${sub[@]}" -h 127.0.0.1 -p "$port" -t 'check/#' -C 1 -v)
[ "$received" = "check/installed hello from the package" ] || fail "subscriber got '$received'"
echo "received: $received"

step "certificates and TLS with the bundled runtime"
if has_command cert; then
    skeeter cert --help >/dev/null
    # `skeeter cert` makes a CA and a server certificate; openssl must accept the chain.
    (cd "$work" && skeeter cert ca --out ca && skeeter cert server --ca ca --host localhost --out server) \
        || fail "skeeter cert failed"
    ls -l "$work"/ca* "$work"/server*
else
    echo "note: no 'skeeter cert' on this build yet"
fi
if command -v openssl >/dev/null && command -v mosquitto >/dev/null; then
    # An EC certificate: the handshake fails if the runtime image lacks jdk.crypto.ec.
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
        -addext subjectAltName=DNS:localhost -keyout "$work/tls.key" -out "$work/tls.pem" 2>/dev/null
    chmod 644 "$work/tls.key"
    tls_port=$(free_port)
    printf 'listener %s 127.0.0.1\ncertfile %s\nkeyfile %s\nallow_anonymous true\n' \
        "$tls_port" "$work/tls.pem" "$work/tls.key" > "$work/mosquitto.conf"
    chmod 755 "$work"
    mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
    pids+=($!)
    wait_for_port "$tls_port"
    skeeter bench -h localhost -p "$tls_port" --cafile "$work/tls.pem" --scenario fan-in --publishers 1 \
        --subscribers 1 --warmup 0 --duration 1 --json > "$work/bench.json" || fail "TLS with an EC key failed"
    echo "TLS (EC P-256) through the bundled runtime: ok"
else
    echo "note: openssl or mosquitto missing, TLS step skipped"
fi

step "installed GUI under Xvfb"
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=:$DISPLAY_NUMBER
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.1; done
start=$(date +%s%N)
JAVA_TOOL_OPTIONS=-Dskeeter.startupMarker=true skeeter > "$work/gui.log" 2>&1 &
gui=$!
pids+=($gui)
window=$(timeout 60 xdotool search --sync --onlyvisible --name '^Skeeter' | head -1) || true
[ -n "$window" ] || { cat "$work/gui.log"; fail "no Skeeter window within 60 s"; }
echo "window '$(xdotool getwindowname "$window")' after $((($(date +%s%N) - start) / 1000000)) ms"
kill "$gui"
wait "$gui" 2>/dev/null || true
[ ! -e "$HOME/.openjfx" ] || fail "JavaFX unpacked native libraries into ~/.openjfx"
echo "home after first start: $(cd "$HOME" && find . -mindepth 1 -maxdepth 2 | sort | tr '\n' ' ')"

step "purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq skeeter >/dev/null
installed=
left=$(ls -d /opt/skeeter /usr/bin/skeeter /lib/systemd/system/skeeter.service /etc/skeeter \
    /usr/share/applications/skeeter.desktop /usr/share/icons/hicolor/*/apps/skeeter.png 2>/dev/null || true)
[ -z "$left" ] || fail "left behind: $left"
dpkg -s skeeter >/dev/null 2>&1 && fail "dpkg still knows skeeter"
echo "OK: installed, used and removed without leftovers"
