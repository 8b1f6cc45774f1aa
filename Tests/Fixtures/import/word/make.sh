#!/usr/bin/env bash
# Remakes chengguan-2024.doc (Word 97–2003) and chengguan-2024.rtf from ../chengguan-2024.docx with
# LibreOffice (Debian: apt-get install libreoffice-writer-nogui). The tests import them and expect
# exactly the figures of the .docx (expected.json's chengguan-2024.docx entry).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for kind in doc rtf; do
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$kind" --outdir "$work" ../chengguan-2024.docx
  cp "$work/chengguan-2024.$kind" .
done
