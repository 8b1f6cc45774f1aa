"""Makes the screenshots of docs/themes.md and docs/用户手册.md: T3 of a non-zero example report at
375 px (a phone) and at 1280 px, in headless Chromium (with fonts-noto-cjk installed).

    python3 scripts/docs-screenshots.py [built site folder]

Without a folder it builds the example portal (Content/) with .build/debug/portal-gen into a
temporary folder. Writes docs/images/report-t3-375.png and docs/images/report-t3-1280.png.
"""

import base64
import io
import pathlib
import shutil
import subprocess
import sys
import tempfile

from PIL import Image
from selenium import webdriver

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPORT = "2024/donghu/index.html"
# The phone picture shows the top of T3 (its caption, note and first rows), the wide one all of it.
SHOTS = [(375, 1500, "report-t3-375.png"), (1280, 1600, "report-t3-1280.png")]


def driver_for(width):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN", "--hide-scrollbars"]:
        options.add_argument(argument)
    mobile = width < 800
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": width, "height": 800, "pixelRatio": 1.0, "mobile": mobile, "touch": mobile}})
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")))


def shoot(site, width, height, name):
    driver = driver_for(width)
    try:
        driver.get((site / REPORT).resolve().as_uri())
        # From the heading of section 三 to the end of T3 (at most `height` pixels), across the
        # page's text column.
        x, top, right, bottom = driver.execute_script(
            "const h = [...document.querySelectorAll('h2')].find(h => h.textContent.startsWith('三、'));"
            "const t = document.querySelector('table.stat-t3').closest('.table-scroll').getBoundingClientRect();"
            "const w = document.querySelector('main').getBoundingClientRect();"
            "return [Math.max(0, w.left - 12), h.getBoundingClientRect().top + scrollY - 8,"
            "        Math.min(innerWidth, w.right + 12), t.bottom + scrollY + 8]")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": x, "y": top, "width": right - x, "height": min(height, bottom - top), "scale": 1}})
        image = Image.open(io.BytesIO(base64.b64decode(shot["data"])))
        # A 64-colour palette keeps the text sharp at a fraction of the size.
        image = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        target = ROOT / "docs" / "images" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(target, optimize=True)
        print(f"{target.relative_to(ROOT)}: {image.width}×{image.height}, {target.stat().st_size // 1024} KB")
    finally:
        driver.quit()


def main():
    if len(sys.argv) > 1:
        site = pathlib.Path(sys.argv[1])
    else:
        site = pathlib.Path(tempfile.mkdtemp(prefix="portal-shots-")) / "Output"
        subprocess.run([str(ROOT / ".build/debug/portal-gen"), "build", "--content", str(ROOT / "Content"), "--output", str(site)],
                       check=True, stdout=subprocess.DEVNULL)
    for width, height, name in SHOTS:
        shoot(site, width, height, name)


if __name__ == "__main__":
    main()
