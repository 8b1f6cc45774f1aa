#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds portal-gen and builds the bundled
# example portal from Content/ into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
ensure_cmark
swift build -c release --product portal-gen
.build/release/portal-gen build --content Content --output Output "$@"
echo "Open Output/index.html in a browser, or copy Output/ to a web server."
