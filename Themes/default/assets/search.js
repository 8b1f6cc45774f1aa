/* portal-gen search (检索): a static full-text index in search/, loaded by <script> tags so that it
   works from file:// as from a server. The engine part (no DOM) is also run under node by the
   benchmark and the tests. Format and rules: docs/architecture.md, "Search index". */
(function (root) {
  'use strict';
  var FORMAT = 1, PAGE = 10, CONFIRM_ALL = 4;
  var data = { manifest: null, terms: {}, docs: {}, ready: [] };

  // ---- Registration: each index file calls one of these. ----
  var api = root.portalSearch = {
    m: function (manifest) {
      data.manifest = manifest;
      data.all = decode(manifest.all, null);
      data.ready.forEach(function (f) { f(); });
    },
    n: function (names) { data.names = names; },
    t: function (shard, postings) { data.terms[shard] = postings; },
    d: function (shard, encoded) { data.docs[shard] = inflate(encoded).then(JSON.parse); }
  };

  // ---- Text: normalised one character for one (as SearchTokenizer.swift). ----
  function normalize(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; else if (c === 0x3000) c = 0x20;
      if (c >= 0x41 && c <= 0x5A) c += 0x20;
      out += String.fromCharCode(c);
    }
    return out;
  }
  function isCJK(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF) || c === 0x3007;
  }
  function isWord(c) { return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A); }
  function runs(part) {
    var all = [], run = [], word = '';
    for (var ch of part) {
      var c = ch.codePointAt(0);
      if (isWord(c)) { word += ch; continue; }
      if (word) { run.push(word); word = ''; }
      if (isCJK(c)) run.push(ch); else if (run.length) { all.push(run); run = []; }
    }
    if (word) run.push(word);
    if (run.length) all.push(run);
    return all;
  }
  // The terms a part must match: per run its n-grams of the longest length indexed (or the whole run when shorter).
  function queryTerms(part) {
    var terms = [], longest = (data.manifest && data.manifest.longest) || 3;
    runs(part).forEach(function (run) {
      var n = Math.min(longest, run.length);
      for (var i = 0; i + n <= run.length; i++) {
        var term = run.slice(i, i + n).join('');
        if (terms.indexOf(term) < 0) terms.push(term);
      }
    });
    return terms;
  }
  function queryParts(query) { return normalize(query).split(/\s+/).filter(function (p) { return p; }); }
  function fnv1a(text) {
    var h = 0x811C9DC5, bytes = unescape(encodeURIComponent(text));
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  }

  // ---- Postings (see SearchPosting.swift): L gaps, C complement, B bitmap; base64. ----
  function bytesOf(base64) {
    var s = atob(base64), b = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return b;
  }
  function gaps(bytes) {
    var out = [], prev = -1, value = 0, shift = 0;
    for (var i = 0; i < bytes.length; i++) {
      value += (bytes[i] & 0x7F) * Math.pow(2, shift);
      if (bytes[i] & 0x80) { shift += 7; continue; }
      prev += value + 1; out.push(prev); value = 0; shift = 0;
    }
    return out;
  }
  function decode(encoded, all) {
    var kind = encoded.charAt(0), bytes = bytesOf(encoded.slice(1));
    if (kind === 'L') return gaps(bytes);
    if (kind === 'C') return difference(all, gaps(bytes));
    var out = [];
    for (var i = 0; i < bytes.length; i++) for (var j = 0; j < 8; j++) if (bytes[i] & (1 << j)) out.push(i * 8 + j);
    return out;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { out.push(a[i]); i++; j++; }
    }
    return out;
  }
  function difference(a, b) {
    var out = [], j = 0;
    for (var i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j >= b.length || b[j] !== a[i]) out.push(a[i]);
    }
    return out;
  }
  function inflate(base64) {
    if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('no DecompressionStream'));
    var stream = new Blob([bytesOf(base64)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).text();
  }

  // ---- The engine. `load(path)` loads an index file (relative to search/) and resolves once it ran. ----
  function Engine(load) { this.load = load; this.loading = {}; }
  Engine.prototype.file = function (path) {
    if (!this.loading[path]) this.loading[path] = this.load(path);
    return this.loading[path];
  };
  Engine.prototype.documentShard = function (id) {
    var m = data.manifest, t = m.townships, row = Math.floor(id / t), column = id % t;
    return Math.floor(row / m.blockYears) * Math.ceil(t / m.blockTownships) + Math.floor(column / m.blockTownships);
  };
  Engine.prototype.yearOf = function (id) { return data.manifest.newestYear - Math.floor(id / data.manifest.townships); };
  Engine.prototype.townshipOf = function (id) { return id % data.manifest.townships; };
  // The township names (null: no reports), in portal.yml's order: loaded only for the township filter.
  Engine.prototype.names = function () { return this.file('townships.js').then(function () { return data.names; }); };
  // Candidates: the reports whose postings have every term of every part, in the filters.
  Engine.prototype.search = function (query, filters) {
    var self = this, m = data.manifest, parts = queryParts(query), terms = [];
    parts = parts.filter(function (part) { var t = queryTerms(part); terms = terms.concat(t); return t.length; });
    var result = { parts: parts, candidates: [], confirmed: {}, rejected: 0, next: 0, exact: false };
    if (!parts.length) return Promise.resolve(result);
    var shards = {};
    terms.forEach(function (term) { shards[fnv1a(term) % m.termShards] = true; });
    return Promise.all(Object.keys(shards).map(function (s) { return self.file('t/' + s + '.js'); })).then(function () {
      var ids = data.all;
      terms.forEach(function (term) {
        var postings = data.terms[fnv1a(term) % m.termShards] || {};
        ids = postings[term] ? intersect(ids, decode(postings[term], data.all)) : [];
      });
      result.candidates = ids.filter(function (id) {
        return (!filters.year || self.yearOf(id) === filters.year) && (filters.township == null || self.townshipOf(id) === filters.township);
      });
      result.found = result.candidates.length;
      // Few document shards: confirm every candidate now, so the count is exact.
      var needed = {};
      result.candidates.forEach(function (id) { needed[self.documentShard(id)] = true; });
      if (Object.keys(needed).length > CONFIRM_ALL) return result;
      return self.more(result, result.candidates.length).then(function (shown) {
        result.shown = shown; result.candidates = shown.map(function (d) { return d.id; });
        result.rejected = 0; result.next = 0; result.exact = true;
        return result;
      });
    });
  };
  // The next `count` confirmed results (each report's text contains every part) with their documents.
  Engine.prototype.more = function (result, count) {
    var self = this, out = [];
    if (result.shown) { out = result.shown.slice(result.next, result.next + count); result.next += out.length; return Promise.resolve(out); }
    function step() {
      if (out.length >= count || result.next >= result.candidates.length) return Promise.resolve(out);
      var batch = result.candidates.slice(result.next, result.next + count - out.length), shards = {};
      batch.forEach(function (id) { shards[self.documentShard(id)] = true; });
      return Promise.all(Object.keys(shards).map(function (s) {
        return self.file('d/' + s + '.js').then(function () { return data.docs[s]; }).then(function (records) {
          var byId = {};
          records.forEach(function (r) { byId[r[0]] = r; });
          return byId;
        });
      })).then(function (tables) {
        batch.forEach(function (id) {
          result.next++;
          var record = null;
          tables.forEach(function (t) { if (t[id]) record = t[id]; });
          var doc = record && documentOf(record);
          if (doc && result.parts.every(function (p) { return doc.text.indexOf(p) >= 0; })) out.push(doc);
          else result.rejected++;
        });
        return step();
      });
    }
    return step();
  };
  function documentOf(r) {
    var fields = [r[1], r[2], String(r[3]), r[6], r[7], r[8], r[9]];
    return { id: r[0], title: r[1], township: r[2], year: r[3], published: r[4], url: r[5], indexNumber: r[6],
      issuer: r[7], documentNumber: r[8], body: r[9], fields: fields, text: normalize(fields.join('\n')) };
  }
  Engine.prototype.count = function (result) { return result.candidates.length - result.rejected; };

  // A snippet: the first match in the body (else in a field) with its surroundings, as pieces
  // [text, marked?]; every part found in the window is marked.
  function snippet(doc, parts) {
    var labels = ['', '', '', '索引号：', '发布机构：', '文号：', ''], order = [6, 3, 4, 5], field = -1, at = -1;
    for (var k = 0; k < order.length && at < 0; k++) {
      at = normalize(doc.fields[order[k]]).indexOf(parts[0]);
      field = order[k];
    }
    if (at < 0) return null;
    var text = doc.fields[field], start = field === 6 ? Math.max(0, at - 30) : 0;
    var end = field === 6 ? Math.min(text.length, at + parts[0].length + 60) : text.length;
    var windowText = text.slice(start, end).replace(/\s+/g, ' '), normal = normalize(windowText);
    var marks = [];
    parts.forEach(function (p) {
      for (var i = normal.indexOf(p); i >= 0; i = normal.indexOf(p, i + p.length)) marks.push([i, i + p.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pieces = [], pos = 0;
    if (labels[field]) pieces.push([labels[field], false]);
    if (start > 0) pieces.push(['…', false]);
    marks.forEach(function (mk) {
      if (mk[0] < pos) return;
      pieces.push([windowText.slice(pos, mk[0]), false], [windowText.slice(mk[0], mk[1]), true]);
      pos = mk[1];
    });
    pieces.push([windowText.slice(pos), false]);
    if (end < text.length) pieces.push(['…', false]);
    return pieces;
  }

  var exported = { Engine: Engine, data: data, normalize: normalize, queryTerms: queryTerms, queryParts: queryParts,
    fnv1a: fnv1a, snippet: snippet, FORMAT: FORMAT };
  if (typeof module !== 'undefined' && module.exports) module.exports = exported;
  api.engine = exported;

  // ---- The page. ----
  if (typeof document === 'undefined') return;
  var app = document.getElementById('search-app');
  if (!app) return;
  var form = document.getElementById('search-form'), input = document.getElementById('search-q');
  var yearSelect = document.getElementById('search-year'), townshipSelect = document.getElementById('search-township');
  var status = document.getElementById('search-status'), list = document.getElementById('search-results');
  var moreButton = document.getElementById('search-more'), base = app.getAttribute('data-index');
  var siteRoot = app.getAttribute('data-root');
  document.getElementById('search-nojs').hidden = true;
  form.hidden = false;
  var engine = new Engine(function (path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = base + path;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error(path)); };
      document.body.appendChild(script);
    });
  });
  var current = null, generation = 0;

  function say(text) { status.textContent = text; }
  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }
  function chineseDate(iso) {
    var p = iso.split('-');
    return p[0] + '年' + Number(p[1]) + '月' + Number(p[2]) + '日';
  }
  function show(doc, parts) {
    var item = element('li', 'search-result'), heading = element('h2'), link = element('a', null, doc.title);
    link.href = siteRoot + doc.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = element('p', 'search-result-meta'), time = element('time', null, chineseDate(doc.published));
    time.setAttribute('datetime', doc.published);
    meta.appendChild(element('span', null, '乡镇：' + doc.township));
    meta.appendChild(element('span', null, '年度：' + doc.year + '年度'));
    var date = element('span', null, '发布日期：');
    date.appendChild(time);
    meta.appendChild(date);
    item.appendChild(meta);
    var pieces = snippet(doc, parts);
    if (pieces) {
      var p = element('p', 'search-result-snippet');
      pieces.forEach(function (piece) { p.appendChild(piece[1] ? element('mark', null, piece[0]) : document.createTextNode(piece[0])); });
      item.appendChild(p);
    }
    list.appendChild(item);
    return link;
  }
  function announce(result, query) {
    var n = engine.count(result);
    if (!n) say('未找到包含“' + query + '”的报告。');
    else say('找到' + (result.exact || result.next >= result.candidates.length ? '' : '约') + n + '份包含“' + query + '”的报告' +
      (list.children.length < n ? '，显示前' + list.children.length + '份' : '') + '。');
    moreButton.hidden = result.next >= result.candidates.length;
  }
  function showMore(result, query, focus) {
    var mine = generation;
    return engine.more(result, PAGE).then(function (docs) {
      if (mine !== generation) return;
      var first = null;
      docs.forEach(function (doc) { var link = show(doc, result.parts); first = first || link; });
      announce(result, query);
      if (focus && first) first.focus();
    });
  }
  var townshipsLoaded = null;
  function loadTownships() {
    if (!townshipsLoaded) {
      townshipsLoaded = engine.names().then(function (names) {
        var chosen = townshipSelect.value;
        names.forEach(function (name) { if (name) { var o = element('option', null, name); o.value = name; townshipSelect.appendChild(o); } });
        townshipSelect.value = chosen;
        return names;
      });
    }
    return townshipsLoaded;
  }
  function run(params) {
    var township = params.get('township') || '';
    if (township) {
      var mine = ++generation;
      say('正在检索……');
      loadTownships().then(function () { if (mine === generation) search(params, township); }, function () { say('检索索引无法读取，请稍后再试，或按年度、按乡镇浏览报告。'); });
    } else {
      search(params, '');
    }
  }
  function search(params, township) {
    var query = (params.get('q') || '').trim(), year = Number(params.get('year')) || 0;
    input.value = query;
    yearSelect.value = year ? String(year) : '';
    townshipSelect.value = township;
    if (townshipSelect.value !== township) townshipSelect.value = '';
    list.textContent = '';
    moreButton.hidden = true;
    var mine = ++generation;
    if (!query) { say(''); return; }
    if (typeof DecompressionStream === 'undefined') { say('您的浏览器版本较低，无法显示检索结果，请升级浏览器，或按年度、按乡镇浏览报告。'); return; }
    say('正在检索……');
    var index = township && data.names ? data.names.indexOf(township) : -1;
    engine.search(query, { year: year, township: township && index >= 0 ? index : null }).then(function (result) {
      if (mine !== generation) return;
      current = { result: result, query: query };
      if (!result.parts.length) { say('请输入要检索的文字。'); return; }
      return showMore(result, query, false);
    }).catch(function () { if (mine === generation) say('检索索引无法读取，请稍后再试，或按年度、按乡镇浏览报告。'); });
  }
  function paramsOfForm() {
    var params = new URLSearchParams();
    params.set('q', input.value.trim());
    if (yearSelect.value) params.set('year', yearSelect.value);
    if (townshipSelect.value) params.set('township', townshipSelect.value);
    return params;
  }
  function start() {
    var m = data.manifest;
    if (!m || m.format !== FORMAT) { say('检索索引与本页面版本不符，请重新生成网站。'); return; }
    m.years.forEach(function (y) { var o = element('option', null, y + '年度'); o.value = String(y); yearSelect.appendChild(o); });
    ['focus', 'mousedown', 'touchstart'].forEach(function (type) { townshipSelect.addEventListener(type, loadTownships); });
    form.addEventListener('submit', function (event) {
      var params = paramsOfForm();
      try { history.pushState(null, '', '?' + params.toString()); } catch (e) { return; }
      event.preventDefault();
      run(params);
    });
    moreButton.addEventListener('click', function () { if (current) showMore(current.result, current.query, true); });
    window.addEventListener('popstate', function () { run(new URLSearchParams(location.search)); });
    run(new URLSearchParams(location.search));
  }
  if (data.manifest) start(); else data.ready.push(start);
})(typeof window !== 'undefined' ? window : globalThis);
