#!/usr/bin/env bash
# Installs portal-gen (built by scripts/build-example.sh, else built here) as
# $PREFIX/bin/portal-gen (default /usr/local/bin) and its bash completion when the folder exists.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
ensure_cmark
[ -x .build/release/portal-gen ] || swift build -c release --product portal-gen
prefix="${PREFIX:-/usr/local}"
install -D -m 755 .build/release/portal-gen "$prefix/bin/portal-gen"
echo "已安装：$prefix/bin/portal-gen"
if [ -d /etc/bash_completion.d ] && [ -w /etc/bash_completion.d ]; then
  "$prefix/bin/portal-gen" --generate-completion-script bash > /etc/bash_completion.d/portal-gen
  echo "已安装命令补全：/etc/bash_completion.d/portal-gen（新开一个终端后，按 Tab 键补全命令和选项）"
fi
