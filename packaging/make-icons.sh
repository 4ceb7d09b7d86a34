#!/usr/bin/env bash
# Renders icons/signoff.svg into every icon file Signoff ships: PNGs (16…1024 px), a multi-size Windows .ico,
# a macOS .icns, and the window-icon PNGs under src/main/resources. Outputs are committed; run this again
# after editing the SVG.
#
# Needs Debian/Ubuntu packages: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icons="$root/icons"
svg="$icons/signoff.svg"
window_icons="$root/src/main/resources/io/signoff/ui/icons"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 || missing+=(imagemagick)
command -v png2icns >/dev/null 2>&1 || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-icons.sh needs: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

sizes=(16 32 48 64 128 256 512 1024)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$icons/signoff-$size.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar ask for (256 is stored as PNG inside).
convert "$icons"/signoff-{16,32,48,64,128,256}.png "$icons/signoff.ico"

# macOS: png2icns picks the icon type from each PNG's size (16/32/48/128/256/512/1024).
png2icns "$icons/signoff.icns" "$icons"/signoff-{16,32,48,128,256,512,1024}.png >/dev/null

# Window icons: JavaFX picks the best fitting size from the Stage's icon list.
mkdir -p "$window_icons"
for size in 16 32 48 64 128 256; do
  cp "$icons/signoff-$size.png" "$window_icons/signoff-$size.png"
done

echo "Icons written to $icons and $window_icons"
