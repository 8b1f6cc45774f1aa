"""The statistics tables on a phone and on a wide screen (docs/themes.md, Tables).

On a phone every figure of T2, T3 and T4 (report pages and the county compilation) is read with its
row and column labels on the same screen, after vertical scrolling only; on a wide screen and in
print the official layout stays.
"""

import pathlib

import pytest

from conftest import page_url

# A report with figures other than 0 in T3 (东湖镇 2024: 3 requests, 2 disclosed, 1 not held), the
# 2021 report printing （六）其他处理 as one row (青石镇 2023), and the compilations of both years.
NON_ZERO_REPORT = "2024/donghu/index.html"
TABLE_PAGES = [NON_ZERO_REPORT, "2022/beilingxiang/index.html", "2023/qingshi/index.html", "2024/compilation/index.html", "2023/compilation/index.html"]
BLANK_REPORT = "2022/beilingxiang/index.html"
# The legacy report: its Markdown tables may scroll sideways inside their own region, never the page.
LEGACY_REPORT = "2016/chengguan/index.html"

# For every figure cell of the tables on the page: where it, its label and the headings it names
# in `headers` are drawn, and the texts involved. A heading counts as shown when it has a box of
# more than one pixel (the narrow layout hides column headings as 1 px boxes).
FIGURES = """
const out = [];
for (const table of document.querySelectorAll(arguments[0])) {
  const region = table.closest('.table-scroll');
  for (const cell of table.querySelectorAll('td[headers]')) {
    const box = cell.getBoundingClientRect();
    const label = cell.querySelector('.cell-label');
    const labelBox = label ? label.getBoundingClientRect() : null;
    const headings = cell.getAttribute('headers').split(' ').map(id => {
      const h = document.getElementById(id);
      const r = h.getBoundingClientRect();
      return {id, text: h.textContent, scope: h.getAttribute('scope'), inHead: !!h.closest('thead, tr.column-headings'), row: h.closest('tr').rowIndex,
              shown: r.width > 1 && r.height > 1, left: r.left, right: r.right, top: r.top + scrollY};
    });
    out.push({table: table.id, figure: cell.textContent.replace(label ? label.textContent : '', ''),
              left: box.left, right: box.right, top: box.top + scrollY, bottom: box.bottom + scrollY,
              label: label ? label.textContent : null,
              labelShown: !!labelBox && labelBox.width > 1 && getComputedStyle(label).display !== 'none'
                          && getComputedStyle(label).visibility !== 'hidden',
              labelLeft: labelBox ? labelBox.left : 0, labelRight: labelBox ? labelBox.right : 0,
              labelSize: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
              figureSize: parseFloat(getComputedStyle(cell).fontSize),
              regionScrolls: region.scrollWidth > region.clientWidth + 1,
              headings});
  }
}
return out;
"""


def _figures(driver, selector):
    return driver.execute_script(FIGURES, selector)


def _scrolls_sideways(driver):
    return driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")


def _all_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in pathlib.Path(site).rglob("*.html"))


@pytest.mark.parametrize("width", [320, 375])
def test_no_page_scrolls_sideways_on_a_phone(site, browser, width):
    driver = browser(width)
    wide = []
    for path in _all_pages(site):
        driver.get(page_url(site, path))
        if _scrolls_sideways(driver):
            wide.append((path, driver.execute_script("return document.documentElement.scrollWidth")))
    assert not wide, f"pages wider than {width} px: {wide}"


@pytest.mark.parametrize("width", [320, 375, 414])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_every_figure_is_read_with_its_row_and_column_on_a_phone(site, browser, path, width):
    driver = browser(width)
    driver.get(page_url(site, path))
    height = driver.execute_script("return window.innerHeight")
    figures = _figures(driver, "table.stat-table")
    keys = {f["table"].split("-")[-1] for f in figures}
    assert {"t2", "t3", "t4"} <= keys, keys
    assert not _scrolls_sideways(driver)
    for f in figures:
        where = f"{path} {f['table']} cell {f['headings'][0]['id']}: {f['label']}"
        # The figure and its label are inside the viewport's width: vertical scrolling only.
        assert 0 <= f["left"] and f["right"] <= width, where
        assert not f["regionScrolls"], where
        assert f["labelShown"] and 0 <= f["labelLeft"] and f["labelRight"] <= width, where
        assert f["labelSize"] >= 14 and f["figureSize"] >= 14, where
        # Every heading the cell names is either drawn in the viewport (row and group headings) or
        # hidden and spelled out in the cell's label (column headings), outermost first.
        hidden = sorted((h for h in f["headings"] if h["inHead"]), key=lambda h: h["row"])
        assert hidden and f["label"] == "·".join(h["text"] for h in hidden), where
        for heading in f["headings"]:
            if heading["inHead"]:
                assert not heading["shown"], where
            else:
                assert heading["shown"] and 0 <= heading["left"] and heading["right"] <= width, where
            # The row's own heading and the figure fit one screen.
            if heading["scope"] == "row":
                assert f["bottom"] - heading["top"] <= height, where


def test_column_labels_follow_the_official_headings(site, browser):
    driver = browser(375)
    driver.get(page_url(site, NON_ZERO_REPORT))
    labels = {f["label"] for f in _figures(driver, "table.stat-table")}
    assert {"申请人情况·自然人", "申请人情况·法人或其他组织·商业企业", "行政复议·结果维持", "行政诉讼·复议后起诉·尚未审结",
            "本年制发件数", "本年收费金额（单位：万元）"} <= labels
    assert len(labels) == 3 + 1 + 1 + 7 + 15


def test_the_figures_of_a_non_zero_report_are_those_of_its_front_matter(site, browser):
    driver = browser(375)
    driver.get(page_url(site, NON_ZERO_REPORT))
    row = [f["figure"] for f in _figures(driver, "table.stat-t3") if f["headings"][0]["id"] == "t3-N"]
    assert row == ["3", "0", "0", "0", "0", "0", "3"]


def test_a_blank_cell_says_so_on_a_phone(site, browser):
    # 北岭乡 2022 left the 法人或其他组织 columns of 19 rows of T3 blank.
    script = ("const t = document.querySelectorAll('td.blank .blank-text'); const r = t[0].getBoundingClientRect();"
              "return [t.length, t[0].textContent, r.width > 1 && r.height > 1]")
    driver = browser(375)
    driver.get(page_url(site, BLANK_REPORT))
    assert driver.execute_script(script) == [95, "未填写", True]
    wide = browser(1280)
    wide.get(page_url(site, BLANK_REPORT))
    assert wide.execute_script(script) == [95, "未填写", False]


def test_a_wide_screen_keeps_the_official_layout(site, browser):
    driver = browser(1280)
    driver.get(page_url(site, NON_ZERO_REPORT))
    assert driver.execute_script("return getComputedStyle(document.querySelector('table.stat-t3')).display") == "table"
    row = [f for f in _figures(driver, "table.stat-t3") if f["headings"][0]["id"] == "t3-N"]
    assert len(row) == 7
    assert len({round(f["top"]) for f in row}) == 1, "the seven figures of a T3 row in one line"
    assert all(f["left"] < g["left"] for f, g in zip(row, row[1:]))
    assert not any(f["labelShown"] for f in _figures(driver, "table.stat-table"))
    # The column headings are shown, as printed in the official format.
    assert driver.execute_script("return document.getElementById('t3-applicant').getBoundingClientRect().width") > 100


def test_print_keeps_the_official_layout_even_from_a_phone(site, browser):
    driver = browser(375)
    driver.get(page_url(site, NON_ZERO_REPORT))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        displays = driver.execute_script(
            "return ['table.stat-t2', 'table.stat-t3', 'table.stat-t4'].map(s => getComputedStyle(document.querySelector(s)).display)")
        assert displays == ["table", "table", "table"]
        assert not any(f["labelShown"] for f in _figures(driver, "table.stat-table"))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("width", [320, 375])
def test_a_legacy_table_scrolls_only_inside_its_region(site, browser, width):
    driver = browser(width)
    driver.get(page_url(site, LEGACY_REPORT))
    assert not _scrolls_sideways(driver)
    regions = driver.execute_script(
        "return [...document.querySelectorAll('main .table-scroll')].map(r => {"
        "  const b = r.getBoundingClientRect(); return [b.left, b.right, getComputedStyle(r).overflowX, r.tabIndex]; })")
    assert len(regions) == 2
    for left, right, overflow, tab_index in regions:
        assert 0 <= left and right <= width and overflow == "auto" and tab_index == 0
