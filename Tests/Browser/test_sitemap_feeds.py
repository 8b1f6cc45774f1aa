"""The site map (网站地图) and RSS订阅 pages as a reader sees them: accessible at phone and desktop
widths, no sideways scrolling on a phone, the footer's links and the 党政机关网站标识 shown."""

import pytest

from conftest import axe_report, axe_violations, page_url

PAGES = ["sitemap/index.html", "feeds/index.html"]


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_site_map_and_feeds_pages_have_no_axe_violations(site, browser, path, width):
    driver = browser(width)
    driver.get(page_url(site, path))
    violations = axe_violations(driver)
    assert not violations, axe_report(violations)


@pytest.mark.parametrize("path", PAGES)
def test_site_map_and_feeds_pages_do_not_scroll_sideways_on_a_phone(site, browser, path):
    driver = browser(375)
    driver.get(page_url(site, path))
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 375


def test_the_footer_links_the_site_map_and_feeds_and_shows_the_badge(site, browser):
    driver = browser(1280)
    driver.get(page_url(site, "2024/chengguan/index.html"))
    footer = driver.find_element("css selector", "footer")
    texts = [link.text for link in footer.find_elements("css selector", ".footer-links a")]
    assert texts[:2] == ["网站地图", "RSS订阅"]
    badge = footer.find_element("css selector", ".identity-badge img")
    assert badge.get_attribute("alt") == "党政机关网站标识"
    # The image is shipped with the site and loads from disk.
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", badge) == 110
