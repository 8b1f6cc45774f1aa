"""The supervision grid on a phone: one block per township, every cell read with its township and
its year on the same screen, no sideways scrolling, no text under 14 px, a legend of every state;
with JavaScript on or off (the layout is CSS only)."""

import pytest

from conftest import axe_report, axe_violations, page_url

PAGE = "supervision/index.html"

# Everything measured in one script: the page's width, and per cell of the grid where its row's
# township name and its own year label are, how big its text is, and how its township name wraps.
MEASURE = """
const grid = document.querySelector('table.supervision-grid');
const rows = [...grid.tBodies[0].rows];
function box(element) {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
          width: r.width, height: r.height, shown: r.width > 0 && r.height > 0};
}
function smallest(element) {
  let least = parseFloat(getComputedStyle(element).fontSize);
  for (const child of element.querySelectorAll('*')) {
    const style = getComputedStyle(child);
    if (style.display !== 'none' && child.textContent.trim()) least = Math.min(least, parseFloat(style.fontSize));
  }
  return least;
}
function nameLines(header) {
  const link = header.querySelector('a') || header;
  const range = document.createRange();
  range.selectNodeContents(link.firstChild || link);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return tops.size;
}
return {
  width: window.innerWidth,
  scrollWidth: document.documentElement.scrollWidth,
  viewportHeight: window.innerHeight,
  rows: rows.map(row => {
    const header = row.querySelector('th[scope="row"]');
    return {
      township: header.textContent.trim(), header: box(header), nameLines: nameLines(header),
      headerFont: smallest(header),
      cells: [...row.querySelectorAll('td')].map(td => {
        const label = td.querySelector('.cell-year');
        return {text: td.textContent.trim(), box: box(td), label: label ? box(label) : null,
                labelText: label ? label.textContent : '', font: smallest(td)};
      }),
    };
  }),
};
"""


@pytest.mark.parametrize("width", [320, 375, 414])
@pytest.mark.parametrize("javascript", [True, False])
def test_every_grid_cell_is_readable_with_its_labels_on_a_phone(site, browser, width, javascript):
    driver = browser(width, javascript=javascript)
    driver.get(page_url(site, PAGE))
    measured = driver.execute_script(MEASURE)
    assert measured["width"] == width
    assert measured["scrollWidth"] <= width, "the supervision page scrolls sideways"
    assert measured["rows"], "the grid has rows"
    for row in measured["rows"]:
        header = row["header"]
        assert header["shown"] and 0 <= header["left"] and header["right"] <= width, row["township"]
        assert row["nameLines"] == 1, f"{row['township']}: the name wraps over {row['nameLines']} lines"
        assert row["headerFont"] >= 14, row["township"]
        for cell in row["cells"]:
            where = f"{row['township']} {cell['text']}"
            assert cell["box"]["shown"] and 0 <= cell["box"]["left"] and cell["box"]["right"] <= width, where
            label = cell["label"]
            assert label and label["shown"], f"{where}: the year label is not visible"
            assert cell["labelText"].endswith("年度："), where
            assert 0 <= label["left"] and label["right"] <= width, where
            assert cell["font"] >= 14, f"{where}: text of {cell['font']} px"
            # The township's name (the block's heading) and the cell fit on one screen together.
            assert cell["box"]["bottom"] - header["top"] <= measured["viewportHeight"] or cell["box"]["top"] >= header["bottom"], where
    # The township heading is above its cells: each block reads top to bottom.
    for row in measured["rows"]:
        for cell in row["cells"]:
            assert cell["box"]["top"] >= row["header"]["bottom"] - 1


def test_the_township_block_fits_one_screen(site, browser):
    """Each block (its name and its years) is shorter than a phone screen, so that every cell is
    read with the township's name in view."""
    driver = browser(375)
    driver.get(page_url(site, PAGE))
    measured = driver.execute_script(MEASURE)
    for row in measured["rows"]:
        bottom = max(cell["box"]["bottom"] for cell in row["cells"])
        assert bottom - row["header"]["top"] <= measured["viewportHeight"], row["township"]


def test_the_legend_explains_every_state_shown(site, browser):
    driver = browser(375)
    driver.get(page_url(site, PAGE))
    legend = driver.find_element("css selector", "section.legend")
    assert legend.is_displayed()
    words = legend.text
    for state in ["已公开", "未公开", "未到期", "未设立", "已撤销", "已并入", "逾期", "零报告", "旧格式", "数据核对有误"]:
        assert state in words, state
    # Every state shown in the grid is in the legend.
    for cell in driver.find_elements("css selector", "table.supervision-grid td"):
        state = cell.get_attribute("class").split()[0]
        assert driver.find_elements("css selector", f"section.legend .{state}") or state == "state-published", state


def test_the_hatched_blank_cells_have_a_legend_beside_the_tables(site, browser):
    # 北岭乡's 2022 report leaves a column blank (see README): the legend says what the hatching is.
    driver = browser(375)
    driver.get(page_url(site, "2022/beilingxiang/index.html"))
    legend = driver.find_element("css selector", ".blank-legend")
    assert legend.is_displayed() and "未填写" in legend.text
    assert driver.find_elements("css selector", "td.blank")


@pytest.mark.parametrize("width", [375, 1280])
def test_the_supervision_page_has_no_accessibility_violation(site, browser, width):
    driver = browser(width)
    driver.get(page_url(site, PAGE))
    violations = axe_violations(driver)
    assert not violations, axe_report(violations)
