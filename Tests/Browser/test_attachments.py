"""A report's attachments as a reader meets them: the 附件下载 section of the example report links
its signed original, which is beside the page on disk, with its format and size; it is there with
JavaScript off and passes axe-core on a phone and a desktop."""

import pathlib
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import axe_report, axe_violations, page_url

PAGE = "2024/chengguan/index.html"


def test_the_original_is_linked_with_its_format_and_size(site, browser):
    for javascript in (True, False):
        driver = browser(375, javascript=javascript)
        driver.get(page_url(site, PAGE))
        section = driver.find_element(By.CSS_SELECTOR, "section.report-attachments")
        assert section.find_element(By.TAG_NAME, "h2").text == "附件下载"
        link = section.find_element(By.CSS_SELECTOR, "a[download]")
        assert link.is_displayed()
        assert link.text.startswith("下载PDF（") and link.text.endswith("KB）")
        assert link.get_attribute("type") == "application/pdf"
        assert link.get_attribute("download") == "城关镇2024年报.pdf"
        target = pathlib.Path(urllib.parse.urlparse(link.get_attribute("href")).path)
        assert target.is_file() and target.read_bytes().startswith(b"%PDF-")
        size = (target.stat().st_size + 1023) // 1024
        assert link.text == f"下载PDF（{size}KB）"
        # Lower in the page than the report's text, above the data download.
        assert section.location["y"] < driver.find_element(By.CSS_SELECTOR, "p.downloads").location["y"]


def test_the_section_passes_axe_on_a_phone_and_a_desktop(site, browser):
    for width in (320, 1280):
        driver = browser(width)
        driver.get(page_url(site, PAGE))
        violations = axe_violations(driver)
        assert not violations, axe_report(violations)
