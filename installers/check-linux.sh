#!/usr/bin/env bash
# End-to-end check of the .deb on this machine (as root; it installs and removes the package for real):
# install with apt, run the installed `skeeter broker`, publish and subscribe through it with `skeeter pub`/`sub`,
# make a CA, server and client certificate with `skeeter cert` (EC keys: this fails if the runtime image lacks
# jdk.crypto.ec), run a mutual-TLS broker on them and pass a message through it, open the installed GUI under Xvfb
# and wait for its window, then purge the package and check that nothing is left.
# Usage: installers/check-linux.sh [path/to/skeeter_X_amd64.deb]   (default: build it with build-linux.sh deb)
# Needs: root, apt, Xvfb and xdotool; openssl (optional) to verify the certificates independently.
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
# Retained, so the subscriber gets it whenever its subscription lands.
skeeter pub -h 127.0.0.1 -p "$port" -t check/installed -m "hello from the package" -r -q 1
received=$(timeout 30 skeeter sub -h 127.0.0.1 -p "$port" -t 'check/#' -C 1 -v)
[ "$received" = "check/installed hello from the package" ] || fail "subscriber got '$received'"
echo "received: $received"

step "certificates and mutual TLS with the bundled runtime"
certs=$work/certs
skeeter cert ca -o "$certs" >/dev/null || fail "skeeter cert ca failed"
skeeter cert server -o "$certs" >/dev/null || fail "skeeter cert server failed"
skeeter cert client -o "$certs" --cn alice >/dev/null || fail "skeeter cert client failed"
ls "$certs"
if command -v openssl >/dev/null; then
    openssl verify -CAfile "$certs/ca.crt" "$certs/server.crt" "$certs/client.crt" || fail "openssl refuses the chain"
fi
tls_port=$(free_port)
printf 'listener %s 127.0.0.1\ncafile %s\ncertfile %s\nkeyfile %s\nrequire_certificate true\n' \
    "$tls_port" "$certs/ca.crt" "$certs/server.crt" "$certs/server.key" > "$work/tls.conf"
skeeter broker -c "$work/tls.conf" > "$work/tls-broker.log" 2>&1 &
pids+=($!)
wait_for_port "$tls_port"
tls=(-h localhost -p "$tls_port" --cafile "$certs/ca.crt" --cert "$certs/client.crt" --key "$certs/client.key")
skeeter pub "${tls[@]}" -t check/tls -m "over mutual TLS" -r -q 1 || fail "skeeter pub over TLS failed"
received=$(timeout 30 skeeter sub "${tls[@]}" -t 'check/tls' -C 1 -v)
[ "$received" = "check/tls over mutual TLS" ] || fail "TLS subscriber got '$received'"
echo "received over mutual TLS (EC P-256): $received"

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
