#!/usr/bin/env bash
# Renders generated documents for the rendering check and for people to look at:
#   scripts/render-documents.sh DIR [PNG_DIR]
# converts every .docx and .xlsx in DIR to PDF beside it with LibreOffice headless — one LibreOffice start for all
# files, a private profile (works as root and in CI) — and each PDF's pages to PNG at 60 dpi in PNG_DIR (default DIR).
# Officials' fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) are not on Linux: a private fontconfig file
# maps them to the Noto CJK fonts installed here (serif for 宋/仿宋/楷/小标宋 and Times New Roman, sans for 黑体).
set -euo pipefail
dir="$(cd "${1:?usage: render-documents.sh DIR [PNG_DIR]}" && pwd)"
png_dir="${2:-$dir}"
mkdir -p "$png_dir"
soffice="$(command -v soffice || command -v libreoffice || true)"
[ -n "$soffice" ] || { echo "LibreOffice is not installed (Debian: libreoffice-writer-nogui libreoffice-calc-nogui; scripts/test.sh installs them)" >&2; exit 3; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is not installed (Debian: poppler-utils)" >&2; exit 3; }

work="$(mktemp -d "${TMPDIR:-/tmp}/exemplar-render-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cat > "$work/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"
export HOME="$work"   # LibreOffice also writes under HOME; keep everything in the private folder

shopt -s nullglob
files=("$dir"/*.docx "$dir"/*.xlsx)
[ ${#files[@]} -gt 0 ] || { echo "no .docx or .xlsx in $dir" >&2; exit 2; }
"$soffice" --headless --norestore --nologo --nodefault --nolockcheck --nofirststartwizard \
  "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$dir" "${files[@]}" >"$work/convert.log" 2>&1 || {
  cat "$work/convert.log" >&2; exit 1; }
for f in "${files[@]}"; do
  pdf="${f%.*}.pdf"
  [ -s "$pdf" ] || { echo "LibreOffice produced no PDF for $(basename "$f")" >&2; cat "$work/convert.log" >&2; exit 1; }
  name="$(basename "$f")"; name="${name%.*}-${f##*.}"
  rm -f "$png_dir/$name"-*.png
  pdftoppm -r 60 -png "$pdf" "$png_dir/$name"
done
