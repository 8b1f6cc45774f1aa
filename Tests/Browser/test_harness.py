"""The harness itself: the viewport is what the tests ask for, and JavaScript can be switched off."""

from conftest import page_url


def test_the_viewport_is_as_wide_as_asked(site, browser):
    for width in (320, 375, 1280):
        driver = browser(width)
        driver.get(page_url(site, "index.html"))
        assert driver.execute_script("return window.innerWidth") == width


def test_page_scripts_do_not_run_with_javascript_off(browser, tmp_path):
    probe = tmp_path / "probe.html"
    probe.write_text("<!DOCTYPE html><title>off</title><script>document.title = 'on'</script>", encoding="utf-8")
    assert _title(browser(375, javascript=True), probe) == "on"
    assert _title(browser(375, javascript=False), probe) == "off"


def _title(driver, path):
    driver.get(path.as_uri())
    return driver.title
