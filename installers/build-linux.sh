#!/usr/bin/env bash
# Builds Skeeter's Linux packages into target/installer: an app image, a .deb and, where rpmbuild exists, an .rpm.
# Each bundles a jlink-trimmed runtime with JavaFX; the packages add /usr/bin/skeeter, a menu entry, the broker's
# systemd unit (disabled) and a sample /etc/skeeter/skeeter.conf.
# Usage: installers/build-linux.sh [app-image|deb|rpm ...]   (default: all; REBUILD=1 rebuilds the jar first)
# Needs: JDK 17+ with jpackage, Maven, dpkg-deb (fakeroot not needed), rpmbuild for the .rpm; Xvfb for the
# class-data sharing class list (without it the packages still work, only start slower).
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image deb rpm)
VERSION=$(app_version)

stage_input
cp "$HERE/linux/skeeter.desktop" "$HERE/linux/skeeter.service" "$HERE/linux/skeeter-cds" "$OUT/input/"
build_runtime linux

build_app_image linux "$VERSION"
APP=$OUT/image/Skeeter

# Class-data sharing: record the classes a start-up loads (one run of the app until its first window) so the
# installed package can dump an archive of them. The JVM only accepts an archive dumped with the class path
# it runs with, so the dump itself happens on the installed files (skeeter-cds, called by the package scripts).
train_class_list() {
    local display=:${SKEETER_XVFB_DISPLAY:-99} xvfb_pid config
    if ! command -v Xvfb >/dev/null; then
        echo "Xvfb not found: packages built without a class list for class-data sharing" >&2
        return
    fi
    config=$(mktemp -d)
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    DISPLAY=$display timeout 120 env JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$APP/lib/app/skeeter.classlist \
-Dskeeter.startupMarker=exit -Dskeeter.config.dir=$config" "$APP/bin/Skeeter" >/dev/null 2>&1 || true
    kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$config"
    # The list keeps its @lambda-proxy and @lambda-form-invoker lines: the dump archives those classes too, which
    # spares the start-up about 900 lambda classes spun at run time.
    echo "class list: $(wc -l < "$APP/lib/app/skeeter.classlist" 2>/dev/null || echo 0) classes"
}
train_class_list

for type in "${types[@]}"; do
    case $type in
        app-image) echo "app image: $APP" ;;
        deb) "$HERE/linux/package-deb.sh" "$APP" "$VERSION" "$OUT" ;;
        rpm)
            if command -v rpmbuild >/dev/null; then
                jpackage --type rpm @installers/jpackage.args @installers/linux/package.args \
                    --app-version "$VERSION" --app-image "$APP" --resource-dir "$HERE/linux/rpm" \
                    --linux-package-deps "gtk3, libXtst, alsa-lib" --dest "$OUT"
                ls -l "$OUT"/*.rpm
            else
                echo "rpmbuild not found: no .rpm (Debian: apt-get install rpm)" >&2
            fi
            ;;
        *) echo "unknown package type: $type (app-image, deb, rpm)" >&2; exit 2 ;;
    esac
done
