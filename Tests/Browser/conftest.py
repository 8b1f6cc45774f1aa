"""What a reader sees: the generated portal opened in a real browser (headless Chromium driven by
Selenium through chromedriver), checked with axe-core.

Fixtures:
- ``site``: the folder of a freshly built example portal (``Content/`` built by the real
  ``portal-gen`` executable into a temporary folder once per test session). ``PORTAL_SITE`` names
  an already built folder instead (scripts/test.sh passes the one it validated).
- ``browser``: ``browser(width=375, javascript=True)`` returns a Chromium driver whose viewport is
  exactly ``width`` CSS pixels wide (phones are emulated as phones: the viewport meta tag applies).
  Drivers are shared within the session per (width, javascript); each test must leave no state it
  depends on (use ``clear_storage`` when a test sets preferences).
- ``page_url(site, path)``: the ``file://`` URL of a page of the site (the portal works from disk).
- ``axe_violations(driver)``: axe-core's WCAG 2.1 A and AA violations on the current page.
- ``representative_pages(site)``: a few pages of every kind (by the page's ``page-…`` body class).
"""

import collections
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium_axe_python import Axe

ROOT = pathlib.Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _portal_gen():
    binary = ROOT / ".build" / "debug" / "portal-gen"
    if not binary.exists():
        subprocess.run(["swift", "build", "--product", "portal-gen"], cwd=ROOT, check=True)
    return binary


@pytest.fixture(scope="session")
def site():
    given = os.environ.get("PORTAL_SITE")
    if given:
        yield pathlib.Path(given)
        return
    folder = pathlib.Path(tempfile.mkdtemp(prefix="portal-browser-"))
    output = folder / "Output"
    subprocess.run(
        [str(_portal_gen()), "build", "--content", str(ROOT / "Content"), "--output", str(output)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=600)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


def page_url(site, path):
    return (pathlib.Path(site) / path).resolve().as_uri()


@pytest.fixture(scope="session")
def browser():
    drivers = {}

    def make(width=375, javascript=True, height=800):
        key = (width, javascript, height)
        if key not in drivers:
            options = webdriver.ChromeOptions()
            options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
            for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--lang=zh-CN", "--allow-file-access-from-files"]:
                options.add_argument(argument)
            mobile = width < 800
            options.add_experimental_option(
                "mobileEmulation",
                {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "mobile": mobile, "touch": mobile}})
            if not javascript:
                options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
            service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
            driver = webdriver.Chrome(options=options, service=service)
            # A hang guard, not a speed claim: generous, in minutes.
            driver.set_page_load_timeout(180)
            driver.set_script_timeout(180)
            drivers[key] = driver
        return drivers[key]

    yield make
    for driver in drivers.values():
        driver.quit()


def clear_storage(driver):
    driver.execute_script("try { localStorage.clear(); } catch (e) {}")


def axe_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return results["violations"]


def axe_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def representative_pages(site, per_kind=2):
    """Up to ``per_kind`` pages of each kind, and every report page of a special kind (zero report,
    legacy format, combined variant) so that each table layout is seen."""
    kinds = collections.defaultdict(list)
    for path in sorted(pathlib.Path(site).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r'<body class="page-([a-z0-9-]+)', text)
        if match:
            kinds[match.group(1)].append(path.relative_to(site).as_posix())
    chosen = []
    for kind, paths in sorted(kinds.items()):
        chosen += paths[:per_kind]
    return chosen
