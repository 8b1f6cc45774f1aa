"""What every reader gets on every kind of page: axe-core finds nothing at WCAG 2.1 A/AA on a phone
and a wide screen, no text in the main content is smaller than 14 px on a phone (the township chart
included), the pages are complete without JavaScript, and dates and codes read as they should."""

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_report, axe_violations, page_url, representative_pages

# The supervision grid has a layout of its own (its own owner and tests); its flags are checked there.
TEXT_SIZE_EXEMPT = {"page-supervision"}

# Every rendered text node of main (a box over one pixel: visually hidden text is skipped), with
# its rendered font size; SVG text is scaled by its element's screen transform.
TEXT_SIZES = """
const main = document.querySelector('main');
const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
const out = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.trim();
  if (!text) continue;
  const element = node.parentElement;
  if (element.closest('title, desc')) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) continue;
  let size = parseFloat(getComputedStyle(element).fontSize);
  if (element instanceof SVGGraphicsElement) {
    const m = element.getScreenCTM();
    size *= Math.hypot(m.a, m.b);
  }
  out.push([text.slice(0, 30), element.tagName, size]);
}
return out;
"""


def _kind(driver):
    return next(c for c in driver.find_element(By.TAG_NAME, "body").get_attribute("class").split() if c.startswith("page-"))


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_axe_finds_no_violation_on_any_kind_of_page(site, browser, width):
    driver = browser(width)
    found = {}
    for path in representative_pages(site):
        driver.get(page_url(site, path))
        violations = axe_violations(driver)
        if violations:
            found[path] = axe_report(violations)
    assert not found, "\n".join(f"{path} at {width} px:\n{report}" for path, report in found.items())


@pytest.mark.parametrize("width", [320, 375])
def test_no_text_in_main_is_smaller_than_14_px_on_a_phone(site, browser, width):
    driver = browser(width)
    small = []
    checked = 0
    for path in representative_pages(site):
        driver.get(page_url(site, path))
        if _kind(driver) in TEXT_SIZE_EXEMPT:
            continue
        for text, tag, size in driver.execute_script(TEXT_SIZES):
            checked += 1
            if size < 13.99:
                small.append((path, tag, text, round(size, 1)))
    assert checked > 1000
    assert not small, small[:20]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_township_chart_text_is_at_least_14_px(site, browser, width):
    driver = browser(width)
    driver.get(page_url(site, "donghu/index.html"))
    sizes = [size for _, tag, size in driver.execute_script(TEXT_SIZES) if tag == "text"]
    assert len(sizes) >= 5 * 4, "five charts, each a label and a year and a value per year"
    assert min(sizes) >= 14, sizes
    charts = driver.execute_script(
        "return [...document.querySelectorAll('svg.figure-chart')].map(s => {"
        "  const t = document.getElementById(s.getAttribute('aria-labelledby'));"
        "  const b = s.getBoundingClientRect();"
        "  return [s.getAttribute('role'), t && t.tagName, t && t.textContent, b.left, b.right]; })")
    assert len(charts) == 5
    for role, tag, title, left, right in charts:
        assert role == "img" and tag == "title" and "年" in title
        assert 0 <= left and right <= width
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")


def test_every_page_is_complete_without_javascript(site, browser):
    with_script = browser(375)
    without = browser(375, javascript=False)
    for path in representative_pages(site):
        # The search page is the one page made by its script (the form's choices, the results); what
        # it says without JavaScript is checked in test_search.py.
        if path.startswith("search/"):
            continue
        texts = []
        for driver in (with_script, without):
            driver.get(page_url(site, path))
            texts.append(" ".join(driver.find_element(By.TAG_NAME, "main").get_attribute("textContent").split()))
        assert texts[0] == texts[1], path
        assert len(texts[1]) > 20, path


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_every_date_says_what_it_is(site, browser, width):
    driver = browser(width)
    for path in representative_pages(site):
        driver.get(page_url(site, path))
        # What a reader sees with each date: the text of its list item, table row or metadata line,
        # or, in a table drawn as a table, its column's heading.
        unlabelled = driver.execute_script(
            "const said = /发布日期|成文日期/;"
            "return [...document.querySelectorAll('main time')].filter(t => {"
            "  if (t.getBoundingClientRect().width <= 1 || said.test(t.closest('li, tr, div').innerText)) return false;"
            "  const cell = t.closest('td'); if (!cell) return true;"
            "  const heading = cell.closest('table').tHead.rows[0].cells[cell.cellIndex].getBoundingClientRect();"
            "  return !(heading.width > 1 && heading.height > 1 && said.test(cell.closest('table').tHead.rows[0].cells[cell.cellIndex].innerText));"
            "}).map(t => t.textContent)")
        assert not unlabelled, f"{path}: {unlabelled}"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_index_number_is_not_broken_when_it_fits_a_line(site, browser, width):
    driver = browser(width)
    for path in ["2024/donghu/index.html", "2023/qingshi/index.html", "2016/chengguan/index.html"]:
        driver.get(page_url(site, path))
        lines = driver.execute_script(
            "const dd = [...document.querySelectorAll('.report-metadata div')].find(d => d.querySelector('dt').textContent === '索引号')"
            "  .querySelector('dd'); const range = document.createRange(); range.selectNodeContents(dd);"
            "  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top))); return [dd.textContent, tops.size];")
        assert lines[1] == 1, f"{path}: {lines[0]} on {lines[1]} lines"


def test_chinese_text_still_wraps_at_320_px(site, browser):
    driver = browser(320)
    driver.get(page_url(site, "2024/donghu/index.html"))
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    # A paragraph of the report body spans several lines inside the page's width.
    heights = driver.execute_script(
        "const p = [...document.querySelectorAll('.report-body p')].find(p => p.textContent.length > 80);"
        "const b = p.getBoundingClientRect(); return [b.height, b.right, parseFloat(getComputedStyle(p).lineHeight)]")
    assert heights[0] >= 3 * heights[2] and heights[1] <= 320


def test_the_sample_banner_is_inside_the_header(site, browser):
    driver = browser(375)
    driver.get(page_url(site, "index.html"))
    assert driver.execute_script("return !!document.querySelector('header .sample-banner')")
