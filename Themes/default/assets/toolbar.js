/* portal-gen accessibility toolbar (无障碍工具). Loaded synchronously in <head>: it applies the
   reader's saved choices as classes on <html> before the first paint, then builds the toolbar once
   the page is parsed. Without JavaScript there is no toolbar and the page is complete as it is. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "portal-gen-aids";
  var ZOOMS = [100, 125, 150, 175, 200];
  var TOGGLES = [
    { key: "contrast", label: "高对比度", on: "已开启高对比度", off: "已关闭高对比度" },
    { key: "elder", label: "长者模式", on: "已开启长者模式", off: "已关闭长者模式" },
    { key: "cursor", label: "大鼠标", on: "已开启大鼠标", off: "已关闭大鼠标" }
  ];
  var state = load();

  function load() {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    var result = { zoom: 100, contrast: false, elder: false, cursor: false };
    if (saved && typeof saved === "object") {
      if (ZOOMS.indexOf(saved.zoom) >= 0) { result.zoom = saved.zoom; }
      for (var i = 0; i < TOGGLES.length; i++) { result[TOGGLES[i].key] = saved[TOGGLES[i].key] === true; }
    }
    return result;
  }

  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* file:// or private mode: this page only */ }
  }

  function apply() {
    var kept = root.className.split(/\s+/).filter(function (name) { return name && name.indexOf("aid-") !== 0; });
    if (state.zoom !== 100) { kept.push("aid-zoom-" + state.zoom); }
    for (var i = 0; i < TOGGLES.length; i++) { if (state[TOGGLES[i].key]) { kept.push("aid-" + TOGGLES[i].key); } }
    root.className = kept.join(" ");
  }

  apply();

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function button(label, hidden) {
    var node = element("button", "aid-button", label);
    node.type = "button";
    if (hidden) { node.appendChild(element("span", "aid-hidden", hidden)); }
    return node;
  }

  /* Read aloud: a zh voice is needed; the voices load asynchronously in some browsers. */
  var speech = window.speechSynthesis;
  function chineseVoice() {
    var voices = [];
    try { voices = speech.getVoices() || []; } catch (e) { voices = []; }
    var best = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || "").replace("_", "-").toLowerCase();
      if (lang === "zh-cn") { return voices[i]; }
      if (!best && lang.indexOf("zh") === 0) { best = voices[i]; }
    }
    return best;
  }

  /* What is read: the text blocks of <main> in order; of a table only its caption (a statistics
     table read cell by cell is a long run of figures); long blocks in sentence-sized utterances,
     since some browsers stop a long utterance early. */
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,caption,figcaption,blockquote";
  function readable(main) {
    var chunks = [];
    var blocks = main.querySelectorAll(BLOCKS);
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i], outer = block.parentNode.closest(BLOCKS);
      if ((outer && main.contains(outer)) || block.closest("[hidden],[aria-hidden=true],[data-print-page]")) { continue; }
      if (block.tagName !== "CAPTION" && block.closest("table")) { continue; }
      sentences(block.textContent, chunks);
    }
    if (!chunks.length) { sentences(main.innerText || main.textContent || "", chunks); }
    return chunks;
  }

  function sentences(text, chunks) {
    var parts = text.replace(/\s+/g, " ").match(/[^。！？!?；;]+[。！？!?；;]*/g) || [];
    var current = "";
    for (var i = 0; i < parts.length; i++) {
      if (current && current.length + parts[i].length > 160) { chunks.push(current); current = ""; }
      current += parts[i];
    }
    if (current.trim()) { chunks.push(current.trim()); }
  }

  function build() {
    var bar = element("section", "aid-bar");
    bar.setAttribute("aria-label", "无障碍工具");
    var inner = element("div", "aid-bar-inner");
    var status = element("p", "aid-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    function announce(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    var size = element("span", "aid-group");
    size.setAttribute("role", "group");
    size.setAttribute("aria-label", "字号");
    size.appendChild(element("span", "aid-label", "字号"));
    var bigger = button("A+", "（放大字号）");
    var smaller = button("A−", "（缩小字号）");
    bigger.setAttribute("data-aid", "bigger");
    smaller.setAttribute("data-aid", "smaller");
    function zoom(step) {
      var index = ZOOMS.indexOf(state.zoom) + step;
      if (index < 0 || index >= ZOOMS.length) {
        announce(step > 0 ? "字号已是最大（" + state.zoom + "%）" : "字号已是默认大小（" + state.zoom + "%）");
        return;
      }
      state.zoom = ZOOMS[index];
      save(); apply();
      announce("字号已调整为" + state.zoom + "%");
    }
    bigger.addEventListener("click", function () { zoom(1); });
    smaller.addEventListener("click", function () { zoom(-1); });
    size.appendChild(bigger);
    size.appendChild(smaller);
    inner.appendChild(size);

    var toggles = [];
    TOGGLES.forEach(function (toggle) {
      var node = button(toggle.label);
      node.setAttribute("data-aid", toggle.key);
      node.setAttribute("aria-pressed", String(state[toggle.key]));
      node.addEventListener("click", function () {
        state[toggle.key] = !state[toggle.key];
        node.setAttribute("aria-pressed", String(state[toggle.key]));
        save(); apply();
        announce(state[toggle.key] ? toggle.on : toggle.off);
      });
      toggles.push(node);
      inner.appendChild(node);
    });

    var read = button("朗读");
    read.setAttribute("data-aid", "read");
    read.setAttribute("aria-pressed", "false");
    read.hidden = true;
    var reading = false;
    function stopped() {
      reading = false;
      read.textContent = "朗读";
      read.setAttribute("aria-pressed", "false");
    }
    read.addEventListener("click", function () {
      if (reading) {
        speech.cancel(); stopped();
        announce("已停止朗读");
        return;
      }
      var voice = chineseVoice();
      var main = document.querySelector("main") || document.body;
      var chunks = readable(main);
      if (!voice || !chunks.length) { return; }
      speech.cancel();
      reading = true;
      read.textContent = "停止朗读";
      read.setAttribute("aria-pressed", "true");
      announce("开始朗读正文");
      chunks.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = voice.lang || "zh-CN";
        try { utterance.voice = voice; } catch (e) { /* lang alone picks the voice */ }
        if (index === chunks.length - 1) { utterance.onend = stopped; }
        utterance.onerror = stopped;
        speech.speak(utterance);
      });
    });
    inner.appendChild(read);
    if (speech && window.SpeechSynthesisUtterance) {
      var offer = function () { read.hidden = !chineseVoice(); };
      offer();
      if (speech.addEventListener) { speech.addEventListener("voiceschanged", offer); }
      window.addEventListener("pagehide", function () { if (reading) { speech.cancel(); } });
    }

    var reset = button("重置");
    reset.setAttribute("data-aid", "reset");
    reset.addEventListener("click", function () {
      state = { zoom: 100, contrast: false, elder: false, cursor: false };
      toggles.forEach(function (node) { node.setAttribute("aria-pressed", "false"); });
      if (reading) { speech.cancel(); stopped(); }
      save(); apply();
      announce("已恢复默认显示");
    });
    inner.appendChild(reset);
    inner.appendChild(status);
    bar.appendChild(inner);

    var place = document.querySelector("[data-aid-toolbar]");
    var skip = document.querySelector(".skip-link");
    if (place) { place.appendChild(bar); }
    else if (skip) { skip.parentNode.insertBefore(bar, skip.nextSibling); }
    else { document.body.insertBefore(bar, document.body.firstChild); }

    var prints = document.querySelectorAll("[data-print-page]");
    for (var i = 0; i < prints.length; i++) {
      prints[i].hidden = false;
      var control = prints[i].tagName === "BUTTON" ? prints[i] : prints[i].querySelector("button");
      if (control) { control.addEventListener("click", function () { window.print(); }); }
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", build); }
  else { build(); }
})();
