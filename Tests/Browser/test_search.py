"""The search page (检索) in a real browser, from file:// on a phone: a known phrase is found with
its match marked, the year filter narrows the results, the query is in the address (linkable,
back button), the page is keyboard usable and axe-clean, and with JavaScript off it says search
needs JavaScript and links the year and township pages."""

import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import axe_report, axe_violations, page_url

PHRASE = "依申请公开"


def _results(driver):
    status = driver.find_element(By.ID, "search-status")
    WebDriverWait(driver, 60).until(lambda d: status.text.startswith(("找到", "未找到")))
    return status.text, driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")


def test_a_known_phrase_is_found_and_the_year_filter_narrows_it(site, browser):
    driver = browser(375)
    driver.get(page_url(site, "index.html"))
    # Every page's header leads to the search.
    driver.find_element(By.CSS_SELECTOR, ".site-header .site-search-link").click()
    assert driver.current_url.endswith("search/index.html")
    assert not driver.find_element(By.ID, "search-nojs").is_displayed()
    box = driver.find_element(By.ID, "search-q")
    assert driver.find_element(By.CSS_SELECTOR, "label[for=search-q]").text == "检索词"
    box.send_keys(PHRASE, Keys.ENTER)
    status, results = _results(driver)
    assert re.match(r"找到\d+份包含“依申请公开”的报告", status), status
    assert driver.find_element(By.ID, "search-status").get_attribute("aria-live") == "polite"
    assert results, "the phrase is in the example reports"
    first = results[0]
    assert first.find_element(By.CSS_SELECTOR, "mark").text == PHRASE
    meta = first.find_element(By.CSS_SELECTOR, ".search-result-meta").text
    assert "乡镇：" in meta and "年度：" in meta and "发布日期：" in meta
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 375
    query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
    assert query["q"] == [PHRASE], "the query is in the address"
    count_all = len(results)

    Select(driver.find_element(By.ID, "search-year")).select_by_value("2023")
    driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    _, filtered = _results(driver)
    assert 0 < len(filtered) < count_all
    for result in filtered:
        assert "年度：2023年度" in result.find_element(By.CSS_SELECTOR, ".search-result-meta").text
    assert "year=2023" in driver.current_url

    # The back button returns to the unfiltered results.
    driver.back()
    WebDriverWait(driver, 30).until(lambda d: "year=" not in d.current_url)
    _, again = _results(driver)
    assert len(again) == count_all
    assert Select(driver.find_element(By.ID, "search-year")).first_selected_option.get_attribute("value") == ""

    # The result links lead to the report.
    link = again[0].find_element(By.CSS_SELECTOR, "h2 a")
    title = link.text
    link.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == title


def test_a_linked_query_runs_and_the_page_is_accessible(site, browser):
    driver = browser(1280)
    driver.get(page_url(site, "search/index.html") + "?q=" + urllib.parse.quote("东湖镇") + "&township=" + urllib.parse.quote("东湖镇"))
    _, results = _results(driver)
    assert results
    for result in results:
        assert "乡镇：东湖镇" in result.text
    assert driver.find_element(By.ID, "search-q").get_attribute("value") == "东湖镇"
    violations = axe_violations(driver)
    assert not violations, axe_report(violations)


def test_with_javascript_off_the_page_says_so_and_links_years_and_townships(site, browser):
    driver = browser(375, javascript=False)
    driver.get(page_url(site, "search/index.html"))
    message = driver.find_element(By.ID, "search-nojs")
    assert message.is_displayed()
    assert "检索功能需要启用JavaScript" in message.text
    links = [a.get_attribute("href") for a in message.find_elements(By.TAG_NAME, "a")]
    assert any(re.search(r"/2024/index\.html$", href) for href in links)
    assert any(href.endswith("/chengguan/index.html") for href in links)
    assert not driver.find_element(By.ID, "search-form").is_displayed()
