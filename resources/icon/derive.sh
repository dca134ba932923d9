#!/usr/bin/env bash
# Derives every installer icon from the master, skeeter-1024.png (itself rendered from skeeter.svg with
# `rsvg-convert -w 1024 -h 1024 skeeter.svg -o skeeter-1024.png`). Needs ImageMagick and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
inst=$here/../../installers
master=$here/skeeter-1024.png
mkdir -p "$inst/linux/icons"
for size in 16 32 48 64 128 256 512; do
    convert "$master" -resize "${size}x${size}" "$inst/linux/icons/skeeter-$size.png"
done
cp "$inst/linux/icons/skeeter-256.png" "$inst/linux/skeeter.png"
convert "$master" -define icon:auto-resize=256,128,64,48,32,24,16 "$inst/windows/skeeter.ico"
# .icns: a header and one PNG per size (ic07 128, ic08 256, ic09 512, ic10 1024); ImageMagick cannot write it.
tmp=$(mktemp -d)
for size in 128 256 512; do convert "$master" -resize "${size}x${size}" "$tmp/$size.png"; done
cp "$master" "$tmp/1024.png"
python3 - "$tmp" "$inst/macos/skeeter.icns" <<'PY'
import struct, sys
tmp, out = sys.argv[1], sys.argv[2]
chunks = b""
for kind, size in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)):
    data = open(f"{tmp}/{size}.png", "rb").read()
    chunks += kind + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)
PY
rm -rf "$tmp"
