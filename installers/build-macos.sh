#!/usr/bin/env bash
# Builds Skeeter's macOS packages into target/installer: Skeeter.app, a .dmg and a .pkg, with a jlink-trimmed
# runtime holding JavaFX (its native libraries in the runtime's lib directory, so nothing is unpacked into the
# user's home). The .pkg also links /usr/local/bin/skeeter to the app for the command line.
# NOT RUN on macOS so far: written with the same settings as the Linux build, which is tested.
# Usage: installers/build-macos.sh [app-image|dmg|pkg ...]   (default: all; run on a Mac, jpackage cannot cross-build)
# Unsigned; for distribution add --mac-sign --mac-signing-key-user-name "..." to macos/package.args.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image dmg pkg)
# macOS bundle versions must not start with 0 (jpackage refuses them); MAC_APP_VERSION overrides app.version.
VERSION=${MAC_APP_VERSION:-$(app_version)}
case $VERSION in 0.*) echo "macOS refuses version $VERSION: set MAC_APP_VERSION=1.0.0 (or similar)" >&2; exit 2 ;; esac
stage_input
# Maven picked the JavaFX jars for this Mac: javafx-*-mac.jar (Intel) or javafx-*-mac-aarch64.jar.
build_runtime 'mac*'
build_app_image macos "$VERSION"
for type in "${types[@]}"; do
    case $type in
        app-image) echo "app image: $OUT/image/Skeeter.app" ;;
        dmg|pkg) jpackage --type "$type" @installers/jpackage.args @installers/macos/package.args \
            --app-version "$VERSION" --app-image "$OUT/image/Skeeter.app" --resource-dir "$HERE/macos/resources" \
            --dest "$OUT" ;;
        *) echo "unknown package type: $type (app-image, dmg, pkg)" >&2; exit 2 ;;
    esac
done
ls -l "$OUT"
