#!/usr/bin/env bash
# Quick start, step 1: installs what is missing (poppler's pdftotext for importing PDFs, LibreOffice too, for importing .doc, .wps and
# .rtf files; NO_LIBREOFFICE=1 leaves it out), builds portal-gen, installs it as
# /usr/local/bin/portal-gen (PREFIX=… for another place) and builds the bundled example portal
# from Content/ into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh
ensure_cmark
ensure_poppler || echo "未能安装 poppler-utils（pdftotext）：portal-gen 照常可用，只是不能直接导入 PDF 文件；可改用 Word 原件（.docx）导入。" >&2
if [ -z "${NO_LIBREOFFICE:-}" ]; then
  ensure_libreoffice || echo "未能安装 LibreOffice：portal-gen 照常可用，只是导入 .doc、.wps、.rtf 文件前要先在 Word 或 WPS 中另存为 .docx。" >&2
fi
swift build -c release --product portal-gen
prefix="${PREFIX:-/usr/local}"
if install -D -m 755 .build/release/portal-gen "$prefix/bin/portal-gen" 2>/dev/null; then
  echo "已把 portal-gen 安装到 $prefix/bin/portal-gen（在任何文件夹中都可以直接输入 portal-gen）。"
else
  echo "无法写入 $prefix/bin（需要管理员权限）：portal-gen 在 $PWD/.build/release/portal-gen；可用 sudo bash scripts/install.sh 安装。"
fi
.build/release/portal-gen build --content Content --output Output "$@"
echo "用浏览器打开 Output/index.html，或把 Output/ 文件夹复制到网站服务器上。"
