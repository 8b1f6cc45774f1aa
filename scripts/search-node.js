#!/usr/bin/env node
// Runs the portal's real search script (assets/search.js) on a built site under node, loading the
// index files as the browser's <script> tags would (each file evaluated as a script), and prints
// one JSON line per query. Used by `portal-bench search` and by the tests.
//
//   node scripts/search-node.js SITE QUERIES.json [--truth]
//
// QUERIES.json: [{"q": "复议", "year": 2024, "township": "城关镇"}, …] (year and township optional).
// For each query: the candidates' count (what the page announces), every confirmed result (the
// script's own confirmation, run to the end), the bytes and files the first page of results
// loaded (the manifest and the script are the start-up, not counted), the script time of the
// first page, and with --truth the reports whose text contains every part, by brute force over
// all the document shards.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [site, queriesFile, ...flags] = process.argv.slice(2);
const truth = flags.includes('--truth');
const index = path.join(site, 'search');
let loaded = [];
function run(file) {
  const code = fs.readFileSync(file, 'utf8');
  vm.runInThisContext(code, { filename: file });
  return code.length;
}
function bytes(file) { return fs.statSync(file).size; }

const scriptFile = path.join(site, 'assets', 'search.js');
run(scriptFile);
const search = globalThis.portalSearch.engine;
run(path.join(index, 'manifest.js'));
const startup = bytes(scriptFile) + bytes(path.join(index, 'manifest.js'));
const manifest = search.data.manifest;

function makeEngine() {
  return new search.Engine((relative) => {
    const file = path.join(index, relative);
    run(file);
    loaded.push([relative, bytes(file)]);
    return Promise.resolve();
  });
}

async function allDocuments() {
  const engine = makeEngine();
  const docs = [];
  for (const name of fs.readdirSync(path.join(index, 'd'))) {
    await engine.file('d/' + name);
    const shard = name.replace(/\.js$/, '');
    for (const record of await search.data.docs[shard]) docs.push(record);
  }
  return docs;
}

async function main() {
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
  let documents = null;
  if (truth) {
    documents = (await allDocuments()).map((r) => ({
      id: r[0], year: r[3], township: r[2],
      text: search.normalize([r[1], r[2], String(r[3]), r[6], r[7], r[8], r[9]].join('\n')),
    }));
  }
  for (const query of queries) {
    // A fresh engine and registry for each query: nothing cached from the one before.
    search.data.terms = {};
    search.data.docs = {};
    loaded = [];
    const engine = makeEngine();
    const started = process.hrtime.bigint();
    const township = query.township ? (await engine.names()).indexOf(query.township) : null;
    const result = await engine.search(query.q, { year: query.year || 0, township: township >= 0 ? township : null });
    const firstPage = await engine.more(result, 10);
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    const firstPageFiles = loaded.slice();
    const announced = engine.count(result);
    const snippets = firstPage.slice(0, 3).map((doc) => search.snippet(doc, result.parts));
    const confirmed = firstPage.map((d) => d.id);
    for (;;) {
      const next = await engine.more(result, 1000);
      if (!next.length) break;
      next.forEach((d) => confirmed.push(d.id));
    }
    const line = {
      q: query.q, year: query.year || null, township: query.township || null,
      terms: result.parts.map(search.queryTerms), announced, exact: result.exact,
      candidates: result.found || 0, confirmed,
      firstPageBytes: firstPageFiles.reduce((n, f) => n + f[1], 0),
      firstPageTermBytes: firstPageFiles.filter((f) => f[0].startsWith('t/')).reduce((n, f) => n + f[1], 0),
      firstPageFiles: firstPageFiles.length, milliseconds, snippets, startup,
    };
    if (documents) {
      const parts = search.queryParts(query.q);
      line.truth = documents.filter((d) => parts.length && parts.every((p) => d.text.includes(p)) &&
        (!query.year || d.year === query.year) && (!query.township || d.township === query.township)).map((d) => d.id).sort((a, b) => a - b);
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}
main().catch((error) => { console.error(error); process.exit(1); });
