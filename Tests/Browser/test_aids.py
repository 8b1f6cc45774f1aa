"""The elder-friendly and accessibility aids (适老化 / 无障碍工具) and printing, as a reader uses them:
the toolbar's buttons clicked or pressed from the keyboard in headless Chromium, the computed styles
read back, the choices followed across pages, and a report printed to PDF."""

import base64
import json
import pathlib
import re
import subprocess

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_report, axe_violations, clear_storage, page_url, representative_pages

STORAGE_KEY = "portal-gen-aids"
TOOLBAR_LABELS = ["A+", "A−", "高对比度", "长者模式", "大鼠标", "重置"]
TOGGLES = {"contrast": "高对比度", "elder": "长者模式", "cursor": "大鼠标"}
MODES = {
    "none": {},
    "zoom 200%": {"zoom": 200},
    "high contrast": {"contrast": True},
    "elder": {"elder": True},
    "large cursor": {"cursor": True},
    "all": {"zoom": 200, "contrast": True, "elder": True, "cursor": True},
}


@pytest.fixture(scope="module")
def report_paths(site):
    """Report pages with statistics tables (not legacy): the first is the one the aids are tried on."""
    paths = []
    for path in sorted(pathlib.Path(site).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if '<body class="page-report' in text and "stat-t3" in text:
            paths.append((0 if 'class="blank"' in text else 1, path.relative_to(site).as_posix()))
    paths.sort()
    assert len(paths) >= 2 and paths[0][0] == 0, "the example portal has report pages with T3, one with blank cells"
    return [path for _, path in paths]


@pytest.fixture
def reader(browser, site):
    """A 1280 px browser with no saved choice before and after the test."""
    driver = browser(1280)
    driver.get(page_url(site, "index.html"))
    clear_storage(driver)
    yield driver
    driver.get(page_url(site, "index.html"))
    clear_storage(driver)


def label(button):
    """A button's visible label: its text before the visually hidden explanation."""
    return (button.text.strip().splitlines() or [""])[0]


def aid_button(driver, name):
    for button in driver.find_elements(By.CSS_SELECTOR, ".aid-bar button"):
        if label(button) == name:
            return button
    raise AssertionError(f"no toolbar button {name}; buttons: {[b.text for b in driver.find_elements(By.CSS_SELECTOR, '.aid-bar button')]}")


def font_size(driver, selector):
    return driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", selector)


def status_text(driver):
    return driver.execute_script("return document.querySelector('.aid-bar [role=status]').textContent")


def wait_for_status(driver, text):
    driver.execute_async_script(
        """const [text, done] = arguments; const node = document.querySelector('.aid-bar [role=status]');
        const check = () => node.textContent === text ? done(true) : setTimeout(check, 20); check();""", text)


def saved(driver):
    return json.loads(driver.execute_script(f"return localStorage.getItem('{STORAGE_KEY}') || 'null'") or "null")


def rgb(value):
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    return numbers[:3], (numbers[3] if len(numbers) > 3 else 1.0)


def luminance(colour):
    channels = []
    for c in colour:
        c = c / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours(driver, element):
    """The text colour of an element and the first opaque background behind it."""
    return driver.execute_script(
        """let node = arguments[0]; const color = getComputedStyle(node).color;
        while (node && node.nodeType === 1) {
          const bg = getComputedStyle(node).backgroundColor;
          if (!/rgba\\(.*,\\s*0\\)$/.test(bg) && bg !== 'transparent') return [color, bg];
          node = node.parentNode;
        }
        return [color, 'rgb(255, 255, 255)'];""", element)


def test_a_plus_enlarges_the_text_in_steps_up_to_200_percent_and_the_choice_follows_the_reader(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    base = font_size(reader, ".report-body p")
    root = font_size(reader, "html")
    sizes = [base]
    for step in (125, 150, 175, 200):
        aid_button(reader, "A+").click()
        wait_for_status(reader, f"字号已调整为{step}%")
        sizes.append(font_size(reader, ".report-body p"))
        assert font_size(reader, "html") == pytest.approx(root * step / 100)
    assert sizes == sorted(sizes) and len(set(sizes)) == 5, sizes
    assert sizes[-1] == pytest.approx(base * 2)
    aid_button(reader, "A+").click()
    wait_for_status(reader, "字号已是最大（200%）")
    assert font_size(reader, ".report-body p") == pytest.approx(base * 2)
    assert saved(reader)["zoom"] == 200

    # Another page, reached by a link: the text is still twice as large, before any click.
    reader.find_element(By.CSS_SELECTOR, ".breadcrumbs a").click()
    assert "aid-zoom-200" in reader.find_element(By.TAG_NAME, "html").get_attribute("class")
    assert font_size(reader, "html") == pytest.approx(root * 2)
    reader.get(page_url(site, report_paths[1]))
    assert font_size(reader, ".report-body p") == pytest.approx(base * 2)


def test_a_minus_and_reset_bring_the_text_back(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    base = font_size(reader, ".report-body p")
    for _ in range(3):
        aid_button(reader, "A+").click()
    wait_for_status(reader, "字号已调整为175%")
    aid_button(reader, "A−").click()
    wait_for_status(reader, "字号已调整为150%")
    assert font_size(reader, ".report-body p") == pytest.approx(base * 1.5)
    aid_button(reader, "重置").click()
    wait_for_status(reader, "已恢复默认显示")
    assert font_size(reader, ".report-body p") == pytest.approx(base)
    aid_button(reader, "A−").click()
    wait_for_status(reader, "字号已是默认大小（100%）")
    assert font_size(reader, ".report-body p") == pytest.approx(base)
    reader.get(page_url(site, report_paths[1]))
    assert font_size(reader, ".report-body p") == pytest.approx(base)


def test_high_contrast_is_yellow_on_black_at_seven_to_one_everywhere_it_matters(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    toggle = aid_button(reader, "高对比度")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    wait_for_status(reader, "已开启高对比度")
    assert toggle.get_attribute("aria-pressed") == "true"

    checked = {
        "body text": ".report-body p", "heading": "h1", "metadata": ".report-metadata dd",
        "link": ".breadcrumbs a", "table figure": ".stat-t3 td:not(.blank)", "table label": ".stat-t3 tbody th",
        "footer": ".site-footer p", "header": ".site-name", "toolbar button": ".aid-bar button",
        "pressed toggle": ".aid-bar button[aria-pressed=true]",
    }
    for name, selector in checked.items():
        text, background = colours(reader, reader.find_element(By.CSS_SELECTOR, selector))
        ratio = contrast(rgb(text)[0], rgb(background)[0])
        assert ratio >= 7, f"{name} ({selector}): {text} on {background} is {ratio:.2f}:1"
    body_text, body_background = colours(reader, reader.find_element(By.CSS_SELECTOR, ".report-body p"))
    assert rgb(body_background)[0] == [0, 0, 0] and rgb(body_text)[0] == [255, 255, 0]

    black = [0, 0, 0]
    cell = reader.find_element(By.CSS_SELECTOR, ".stat-t3 td")
    assert contrast(rgb(cell.value_of_css_property("border-top-color"))[0], black) >= 7
    hatching = reader.find_element(By.CSS_SELECTOR, ".stat-table td.blank").value_of_css_property("background-image")
    assert "rgb(255, 255, 0)" in hatching and "rgb(0, 0, 0)" in hatching, hatching

    # The focus ring (drawn on :focus-visible, so reached by the Tab key).
    aid_button(reader, "A+").send_keys("")
    ActionChains(reader).send_keys(Keys.TAB).perform()
    focused = reader.switch_to.active_element
    assert label(focused) == "A−" and reader.execute_script("return arguments[0].matches(':focus-visible')", focused)
    ring = focused.value_of_css_property("outline-color")
    assert focused.value_of_css_property("outline-style") == "solid"
    assert contrast(rgb(ring)[0], black) >= 7, ring

    # The choice follows the reader, and the chart of a township page is drawn in the same colours.
    township = next(p for p in representative_pages(site) if "page-township" in (pathlib.Path(site) / p).read_text(encoding="utf-8") and "<svg" in (pathlib.Path(site) / p).read_text(encoding="utf-8"))
    reader.get(page_url(site, township))
    assert aid_button(reader, "高对比度").get_attribute("aria-pressed") == "true"
    for text in reader.find_elements(By.CSS_SELECTOR, "main svg text")[:10]:
        assert contrast(rgb(text.value_of_css_property("fill"))[0], black) >= 7
    link, background = colours(reader, reader.find_element(By.CSS_SELECTOR, "main a"))
    assert contrast(rgb(link)[0], rgb(background)[0]) >= 7


def test_elder_mode_and_the_large_cursor_switch_on_and_follow_the_reader(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    base = font_size(reader, ".report-body p")
    assert reader.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    assert "cursor-large" not in reader.find_element(By.CSS_SELECTOR, ".report-body p").value_of_css_property("cursor")
    aid_button(reader, "长者模式").click()
    wait_for_status(reader, "已开启长者模式")
    aid_button(reader, "大鼠标").click()
    wait_for_status(reader, "已开启大鼠标")
    assert saved(reader) == {"zoom": 100, "contrast": False, "elder": True, "cursor": True}

    reader.get(page_url(site, report_paths[1]))
    for name in ("长者模式", "大鼠标"):
        assert aid_button(reader, name).get_attribute("aria-pressed") == "true"
    assert font_size(reader, ".report-body p") > base * 1.15
    assert not reader.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    columns = reader.find_element(By.CSS_SELECTOR, ".report-metadata").value_of_css_property("grid-template-columns")
    assert len(columns.split()) == 1, columns
    assert "cursor-large.svg" in reader.find_element(By.CSS_SELECTOR, ".report-body p").value_of_css_property("cursor")
    assert "cursor-large-pointer.svg" in reader.find_element(By.CSS_SELECTOR, "main a").value_of_css_property("cursor")
    # The cursor images are part of the site.
    for name in ("cursor-large.svg", "cursor-large-pointer.svg"):
        assert (pathlib.Path(site) / "assets" / name).read_text(encoding="utf-8").startswith("<svg")

    aid_button(reader, "重置").click()
    wait_for_status(reader, "已恢复默认显示")
    assert reader.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    assert [aid_button(reader, name).get_attribute("aria-pressed") for name in TOGGLES.values()] == ["false"] * 3


def test_every_toolbar_control_is_a_button_reached_and_worked_by_keyboard(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    bar = reader.find_element(By.CSS_SELECTOR, ".aid-bar")
    assert bar.tag_name == "section" and bar.get_attribute("aria-label") == "无障碍工具"
    # 朗读 is there only where the browser has a Chinese voice (its tests stub one).
    visible = [b for b in bar.find_elements(By.CSS_SELECTOR, "button") if b.is_displayed() and label(b) != "朗读"]
    assert [label(b) for b in visible] == TOOLBAR_LABELS
    for button in visible:
        assert button.get_attribute("type") == "button"
        pressed = button.get_attribute("aria-pressed")
        assert (pressed is not None) == (label(button) in TOGGLES.values()), button.text

    reached = []
    body = reader.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(12):
        focused = reader.switch_to.active_element
        if focused.tag_name == "button" and label(focused) in TOOLBAR_LABELS:
            reached.append(label(focused))
        focused.send_keys(Keys.TAB)
    assert reached == TOOLBAR_LABELS

    base = font_size(reader, ".report-body p")
    plus = aid_button(reader, "A+")
    plus.send_keys(Keys.ENTER)
    wait_for_status(reader, "字号已调整为125%")
    contrast_toggle = aid_button(reader, "高对比度")
    contrast_toggle.send_keys(Keys.SPACE)
    wait_for_status(reader, "已开启高对比度")
    assert font_size(reader, ".report-body p") == pytest.approx(base * 1.25)
    assert contrast_toggle.get_attribute("aria-pressed") == "true"
    assert status_text(reader) == "已开启高对比度"


def test_with_javascript_off_there_is_no_toolbar_and_no_print_button(browser, site, report_paths):
    driver = browser(375, javascript=False)
    driver.get(page_url(site, report_paths[0]))
    assert driver.find_elements(By.CSS_SELECTOR, ".aid-bar") == []
    assert not driver.find_element(By.CSS_SELECTOR, ".print-button").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".stat-t3").is_displayed()


def test_the_print_button_is_offered_with_javascript_and_prints(reader, site, report_paths):
    reader.get(page_url(site, report_paths[0]))
    reader.execute_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    button = reader.find_element(By.CSS_SELECTOR, ".print-button")
    assert button.is_displayed() and button.text == "打印本页"
    button.click()
    assert reader.execute_script("return window.__printed") == 1
    # Not on pages that are not reports.
    reader.get(page_url(site, "index.html"))
    assert reader.find_elements(By.CSS_SELECTOR, ".print-button") == []


VOICE_STUB = """
(() => {
  const synth = window.speechSynthesis;
  if (!synth) return;
  window.__spoken = []; window.__cancelled = 0; window.__voices = %s;
  synth.getVoices = () => window.__voices;
  synth.speak = (utterance) => { window.__spoken.push({text: utterance.text, lang: utterance.lang}); };
  synth.cancel = () => { window.__cancelled += 1; };
})();
"""


@pytest.fixture
def voices(reader):
    """Installs a speechSynthesis whose voices are the given list, before the page's scripts run."""
    scripts = []

    def install(voice_list):
        result = reader.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": VOICE_STUB % json.dumps(voice_list)})
        scripts.append(result["identifier"])

    yield install
    for identifier in scripts:
        reader.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})


def test_read_aloud_is_hidden_without_a_chinese_voice(reader, voices, site, report_paths):
    voices([{"name": "English", "lang": "en-US", "voiceURI": "en", "localService": True, "default": True}])
    reader.get(page_url(site, report_paths[0]))
    button = reader.find_element(By.CSS_SELECTOR, ".aid-bar button[data-aid=read]")
    assert not button.is_displayed()
    # A Chinese voice that loads later (voiceschanged) brings the button.
    reader.execute_script(
        "window.__voices = [{name: '中文', lang: 'zh-CN', voiceURI: 'zh', localService: true, default: false}];"
        "speechSynthesis.dispatchEvent(new Event('voiceschanged'));")
    assert button.is_displayed()


def test_read_aloud_speaks_the_main_content_with_a_chinese_voice_and_stops(reader, voices, site, report_paths):
    voices([{"name": "English", "lang": "en-US", "voiceURI": "en", "localService": True, "default": True},
            {"name": "普通话", "lang": "zh-CN", "voiceURI": "zh", "localService": True, "default": False}])
    reader.get(page_url(site, report_paths[0]))
    button = aid_button(reader, "朗读")
    assert button.is_displayed() and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.text == "停止朗读" and button.get_attribute("aria-pressed") == "true"
    spoken = reader.execute_script("return window.__spoken")
    assert spoken and all(item["lang"] == "zh-CN" for item in spoken)
    text = "".join(item["text"] for item in spoken)
    title = reader.find_element(By.TAG_NAME, "h1").text
    paragraph = reader.find_element(By.CSS_SELECTOR, ".report-body p").text
    assert title in text and paragraph[:40] in text.replace(" ", "")
    for outside in ("按年度浏览", "主办单位", "无障碍工具", "打印本页"):
        assert outside not in text
    # Of a statistics table only its caption is read, not its cells one by one.
    caption = reader.find_element(By.CSS_SELECTOR, ".stat-t3 caption").get_attribute("textContent").strip()
    row_label = reader.find_element(By.CSS_SELECTOR, ".stat-t3 tbody th").get_attribute("textContent").strip()
    assert caption in text and row_label not in text
    assert all(0 < len(item["text"]) <= 200 for item in spoken)
    button.click()
    assert button.text == "朗读" and button.get_attribute("aria-pressed") == "false"
    assert reader.execute_script("return window.__cancelled") >= 1


def print_pdf(driver, path):
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    path.write_bytes(base64.b64decode(result["data"]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return info, text


def test_a_report_prints_on_a4_with_page_numbers_and_without_the_site_chrome(reader, site, report_paths, tmp_path):
    # Aids switched on do not change the printout.
    open_with_aids(reader, site, report_paths[0], MODES["all"])
    info, text = print_pdf(reader, tmp_path / "report.pdf")
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1, info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 2
    compact = re.sub(r"\s+", "", text)
    for page in range(1, pages + 1):
        assert f"第{page}页共{pages}页" in compact, page
    title = reader.find_element(By.TAG_NAME, "h1").text
    assert re.sub(r"\s+", "", title) in compact
    for chrome in ("按年度浏览", "按乡镇浏览", "跳到正文", "当前位置", "无障碍工具", "高对比度", "打印本页", "下载JSON", "主办单位"):
        assert chrome not in compact, chrome
    # T3 is printed to its last row and its last column (总计).
    last_row = reader.find_element(By.CSS_SELECTOR, ".stat-t3 tbody tr:last-child th").get_attribute("textContent")
    assert re.sub(r"\s+", "", last_row) in compact
    assert "总计" in compact


def test_t3_keeps_its_official_layout_within_the_a4_width_in_print(browser, site, report_paths):
    # A4 less the 15 mm side margins of print.css: 180 mm, 680 CSS pixels.
    driver = browser(680)
    driver.get(page_url(site, report_paths[0]))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        measures = driver.execute_script(
            """const t = document.querySelector('table.stat-t3');
            return {display: getComputedStyle(t).display, width: t.getBoundingClientRect().width,
                    page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
                    headers: document.querySelectorAll('.stat-t3 thead th').length,
                    shownHeaders: [...document.querySelectorAll('.stat-t3 thead th')].filter(th => th.getBoundingClientRect().width > 0).length};""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert measures["display"] == "table"
    assert measures["headers"] == measures["shownHeaders"]
    assert measures["width"] <= 680 and measures["page"] <= measures["view"], measures


def open_with_aids(driver, site, path, choice):
    """Opens a page as a reader whose saved choice is ``choice``: saved, then the page loaded again."""
    driver.get(page_url(site, path))
    driver.execute_script(f"localStorage.setItem('{STORAGE_KEY}', arguments[0])", json.dumps(choice))
    driver.refresh()


def axe_failures(driver, pages):
    """axe-core's violations on each (name, site, path, choice), reported together."""
    failures = []
    try:
        for name, site, path, choice in pages:
            open_with_aids(driver, site, path, choice)
            # 404.html links its assets from the site's root path (it is served for any URL), so
            # from file:// it has none: it is checked as it is.
            if path != "404.html":
                assert driver.find_elements(By.CSS_SELECTOR, ".aid-bar"), path
            violations = axe_violations(driver)
            if violations:
                failures.append(f"{name}:\n{axe_report(violations)}")
    finally:
        clear_storage(driver)
    return failures


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violation_with_each_aid_on(browser, site, report_paths, width):
    failures = axe_failures(browser(width), [(name, site, report_paths[0], choice) for name, choice in MODES.items()])
    assert not failures, "\n".join(failures)


def test_axe_finds_no_violation_on_every_page_kind_with_the_toolbar_and_all_aids_on(browser, site):
    pages = [(path, site, path, MODES["all"]) for path in representative_pages(site, per_kind=1)]
    failures = axe_failures(browser(375), pages)
    assert not failures, "\n".join(failures)
