#!/usr/bin/env bash
# Makes the .deb from the app image (called by build-linux.sh): jpackage writes the package with its computed
# library dependencies, then the package gains what jpackage cannot place outside /opt/skeeter, as files dpkg
# owns (so removal takes them away): /usr/bin/skeeter, the menu entry and icons, the broker's systemd unit and
# the sample /etc/skeeter/skeeter.conf (a conffile: kept on remove if edited, gone on purge).
# Usage: package-deb.sh APP_IMAGE VERSION OUT_DIR
set -euo pipefail
APP=$1 VERSION=$2 OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

work=$OUT/deb-work
rm -rf "$work" && mkdir -p "$work"
jpackage --type deb @installers/jpackage.args @installers/linux/package.args \
    --app-version "$VERSION" --app-image "$APP" --dest "$work"
deb=$(ls "$work"/*.deb)
tree=$work/tree
dpkg-deb -R "$deb" "$tree"

install -d "$tree/usr/bin" "$tree/usr/share/applications" "$tree/lib/systemd/system" "$tree/etc/skeeter" \
    "$tree/usr/share/doc/skeeter"
ln -s /opt/skeeter/bin/Skeeter "$tree/usr/bin/skeeter"
install -m 644 "$HERE/skeeter.desktop" "$tree/usr/share/applications/skeeter.desktop"
for size in 16 32 48 64 128 256 512; do
    install -d "$tree/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$HERE/icons/skeeter-$size.png" "$tree/usr/share/icons/hicolor/${size}x${size}/apps/skeeter.png"
done
install -m 644 "$HERE/skeeter.service" "$tree/lib/systemd/system/skeeter.service"
install -m 644 "$ROOT/app/conf/skeeter.conf" "$tree/etc/skeeter/skeeter.conf"
install -m 644 "$HERE/copyright" "$tree/usr/share/doc/skeeter/copyright"
echo /etc/skeeter/skeeter.conf > "$tree/DEBIAN/conffiles"
# jpackage's own menu entry is installed by its scripts with xdg-utils; ours is a plain file instead.
rm -f "$tree/opt/skeeter/lib/skeeter-Skeeter.desktop"
for script in postinst prerm postrm; do
    install -m 755 "$HERE/deb/$script" "$tree/DEBIAN/$script"
done
rm -f "$tree/DEBIAN/preinst"
sed -i -e 's/, *xdg-utils//; s/xdg-utils, *//' \
    -e "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$tree/DEBIAN/control"

dpkg-deb --root-owner-group -Zxz -b "$tree" "$OUT/$(basename "$deb")" >/dev/null
rm -rf "$work"
ls -l "$OUT/$(basename "$deb")"
