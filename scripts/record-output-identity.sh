#!/usr/bin/env bash
# Records the SHA-256 list of every file the example portal and a portal-bench portal build to,
# which Tests/portal-genTests/OutputIdentityTests compares each build with. Run it only when a
# change is meant to alter the output, and commit the lists with that change.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product portal-gen
swift build --product portal-bench
today=2026-12-02   # OutputIdentityTests.today
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lists="$PWD/Tests/Fixtures/output-identity"
mkdir -p "$lists"
record() {
  (cd "$1" && find . -type f ! -path '*/.portal-gen*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$2"
}
.build/debug/portal-gen build --content Content --output "$work/Example" --today "$today" >/dev/null
record "$work/Example" "$lists/example.sha256"
.build/debug/portal-bench generate --reports 300 --townships 30 --years 10 --output "$work/Bench/Content" >/dev/null
.build/debug/portal-gen build --content "$work/Bench/Content" --theme Themes/default --output "$work/Bench/Output" --today "$today" >/dev/null
record "$work/Bench/Output" "$lists/bench.sha256"
wc -l "$lists"/*.sha256
