#!/usr/bin/env node
// report-test.js SPYGRAPH SOURCE_ROOT [SCREENSHOT.png]: the HTML report in a real browser (Debian's chromium
// driven by playwright-core). Writes the Sorge report and a hostile-names report, opens each from a file:// URL
// with the network cut, and checks what a reader sees against the network's CSV files, read here on their own.
// Exit 0: passed, 1: failed, 77: skipped (no chromium or no playwright-core: meson counts it as SKIP).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');

const SKIP = 77;
const [binArg, rootArg, shot] = process.argv.slice(2);
if (!binArg || !rootArg) { console.error('usage: report-test.js SPYGRAPH SOURCE_ROOT [SCREENSHOT.png]'); process.exit(2); }
const bin = path.resolve(binArg), root = path.resolve(rootArg);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.log(`SKIP: no browser at ${chromium} (scripts/setup installs Debian's chromium; set CHROMIUM to use another)`);
  process.exit(SKIP);
}
let playwright;
try { playwright = require(path.join(__dirname, 'node_modules', 'playwright-core')); } catch (e) {
  try { playwright = require('playwright-core'); } catch (e2) {
    console.log(`SKIP: playwright-core is not installed (run 'npm ci' in ${__dirname}, as scripts/setup does)`);
    process.exit(SKIP);
  }
}

const failures = [];
// Records a failed check (the test goes on, to report every failure).
function check(ok, what) { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); }

// Parses CSV text (RFC 4180: quotes, doubled quotes, newlines in quotes) into objects keyed by the header.
function parseCsv(text) {
  const rows = []; let row = [], field = '', q = false;
  text = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const head = rows.shift();
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

// Reads a CSV file of a network folder.
function readCsv(dir, name) { return parseCsv(fs.readFileSync(path.join(dir, name), 'utf8')); }

// Writes the report of a network into the temp folder and returns its path.
function writeReport(net, out) {
  // The network is named relative to the source root, as a reader types it (the header shows it).
  execFileSync(bin, ['report', path.relative(root, net) || '.', '-o', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return out;
}

// Opens a report in a fresh offline context; every problem (console error, page error, request) is collected.
async function open(browser, file, problems, viewport) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 800 }, offline: true, javaScriptEnabled: true });
  const url = pathToFileURL(file).href;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    problems.push('request: ' + u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) problems.push('request seen: ' + r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body.ready', { timeout: 15000 });
  return { context, page };
}

// The classes of an SVG group by id ('' when it does not exist).
async function classesOf(page, id) {
  return page.evaluate((i) => { const e = document.getElementById(i); return e ? e.getAttribute('class') || '' : null; }, id);
}

// Moves the date slider to a year (or to "all dates" with null) as a reader's drag would end.
async function setYear(page, year) {
  await page.evaluate((y) => {
    const s = document.getElementById('date');
    s.value = String(y === null ? Number(s.min) : y);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, year);
}

// Clicks a node or tie group of the diagram at its drawn shape (a tie's line by a click event on it: the middle
// of a curved line's box, where a pointer click lands, may be off the line).
async function clickGroup(page, id) {
  const shape = page.locator(`[id="${id}"] :is(ellipse, polygon, path)`).first();
  if (id.startsWith('tie-')) await shape.dispatchEvent('click');
  else await shape.click({ force: true });
}

// The year of any date that starts with four digits ("1941-04-13" -> 1941); null otherwise.
function leadYear(d) { const m = /^(\d{4})/.exec(d || ''); return m ? Number(m[1]) : null; }

// Whether an edges.csv row is at a year: [start, end] with open ends, by the years of its plain dates; null when a
// date is not plain (uncertain), so the caller can leave the row out.
function edgeAtYear(e, year) {
  const s = e.start === '' ? -Infinity : plainYear(e.start), t = e.end === '' ? Infinity : plainYear(e.end);
  if (s === null || t === null) return null;
  return s <= year && year <= t;
}

// The start year of a plain date ("1933", "1933-09", "1933-09-01"); null for uncertain or empty dates.
function plainYear(d) { const m = /^(\d{4})(-\d\d){0,2}$/.exec(d || ''); return m ? Number(m[1]) : null; }

// The Sorge report: panel, reading switcher, date slider, screenshot.
async function sorge(browser, tmp) {
  const net = path.join(root, 'networks/sorge');
  const edges = readCsv(net, 'edges.csv'), nodes = readCsv(net, 'nodes.csv'), sources = readCsv(net, 'sources.csv');
  const ref = Object.fromEntries(sources.map((s) => [s.key, s]));
  const file = writeReport(net, path.join(tmp, 'sorge.html'));
  const size = fs.statSync(file).size;
  check(size < 2 * 1024 * 1024, `sorge.html is under 2 MB (${size} bytes)`);
  const problems = [];
  const t0 = Date.now();
  const { context, page } = await open(browser, file, problems);
  console.log(`     opened in ${Date.now() - t0} ms`);

  // Ozaki: the panel lists every tie edges.csv gives him, with its sources.
  const ozaki = nodes.find((n) => n.id === 'ozaki');
  const his = edges.filter((e) => e.source === 'ozaki' || e.target === 'ozaki');
  await clickGroup(page, 'node-ozaki');
  const panel = page.locator('#panel');
  const ptext = await panel.innerText();
  check(ptext.includes(ozaki.label), `the panel shows Ozaki's label "${ozaki.label}"`);
  check(ozaki.native_name === '' || ptext.includes(ozaki.native_name), `the panel shows his native name ${ozaki.native_name}`);
  const n = await page.locator('#panel-ties > li').count();
  check(n === his.length, `the panel lists his ${his.length} ties of edges.csv (listed: ${n})`);
  const cited = his.find((e) => e.sources.split(';').some((k) => k !== 'shimizu' && ref[k]));
  const key = cited.sources.split(';').find((k) => k !== 'shimizu' && ref[k]);
  const item = page.locator('#panel-ties > li', { hasText: cited.note.slice(0, 60) });
  check(await item.count() === 1, `his tie ${cited.source}-${cited.target} (${cited.relation}) is listed with its note`);
  const itext = await item.first().innerText();
  check(itext.includes(key + ': ' + ref[key].reference), `it cites ${key}: ${ref[key].reference.slice(0, 50)}...`);
  check(!ref[key].pages || itext.includes(ref[key].pages), `with the pages ${ref[key].pages}`);
  await item.first().locator('button.tie-link').click();
  check((await panel.innerText()).includes(cited.note.slice(0, 60)), 'clicking the tie in the panel shows its evidence');

  // kato_kito: the patch's Kito-Ozaki tie is hidden in the base and drawn in that reading.
  const patch = readCsv(net, 'hypotheses/kato_kito.csv');
  const line = patch.findIndex((r) => r.op === 'add_edge' &&
    [r.source, r.target].includes('kito') && [r.source, r.target].includes('ozaki')) + 1;
  const tid = `tie-kato_kito-${line}`;
  check(line > 0 && (await classesOf(page, tid)) !== null, `the diagram has the hypothesis's tie ${tid}`);
  check(!(await page.locator(`[id="${tid}"]`).isVisible()), `${tid} is hidden in the base`);
  await page.selectOption('#reading', 'kato_kito');
  check(await page.locator(`[id="${tid}"]`).isVisible(), `${tid} is drawn in the reading kato_kito`);
  check(/\badded\b/.test(await classesOf(page, tid)), `${tid} is marked added in kato_kito (not in edges.csv)`);
  check(!/\badded\b/.test(await classesOf(page, 'tie-17')), 'tie-17 of edges.csv is not marked added in kato_kito');
  check(/added/.test(await page.locator('#legend').innerText()), 'the legend near the switcher explains "added"');
  check((await page.locator('#reading-info').innerText()).includes('kato_kito'), 'the reading line names kato_kito');
  await clickGroup(page, 'node-kito');
  check((await page.locator('#panel-ties > li').allInnerTexts()).some((t) => t.includes('introduced') && t.includes(ozaki.label)),
    "Kito's panel lists the introduction of Ozaki in kato_kito");
  await page.selectOption('#reading', 'base');

  // The slider at 1931: ties starting 1933 or later fade (the Tokyo ring), a Shanghai tie of 1930-1932 does not.
  await setYear(page, 1931);
  const late = edges.map((e, i) => ({ e, id: `tie-${i + 1}` })).filter(({ e }) => plainYear(e.start) !== null && plainYear(e.start) >= 1933);
  const lateTokyo = late.filter(({ e }) => ['miyagi', 'clausen', 'sorge_ring', 'tokyo'].includes(e.source) || ['miyagi', 'tokyo', 'sorge_ring'].includes(e.target));
  let unfaded = [];
  for (const { e, id } of late) if (!/\bfaded\b/.test((await classesOf(page, id)) || '')) unfaded.push(`${id} ${e.source}-${e.target}`);
  check(lateTokyo.length > 5 && unfaded.length === 0, `at 1931 all ${late.length} ties starting 1933 or later are faded (${lateTokyo.length} of the Tokyo ring)` +
    (unfaded.length ? `; not faded: ${unfaded.join(', ')}` : ''));
  const shanghaiI = edges.findIndex((e) => e.source === 'sorge' && e.target === 'ozaki' && plainYear(e.start) === 1930 && e.end === '1932');
  const sh = await classesOf(page, `tie-${shanghaiI + 1}`);
  check(shanghaiI >= 0 && sh !== null && !/\bfaded\b/.test(sh), `the Shanghai tie Sorge-Ozaki 1930-1932 (tie-${shanghaiI + 1}) is not faded`);
  check((await page.locator('#date-label').innerText()) === '1931', 'the slider says 1931');

  // At 1935 a node without a lifetime in nodes.csv whose ties in edges.csv all lie outside 1935 fades; one
  // whose only ties are undated does not.
  await setYear(page, 1935);
  const tiesOf = (id) => edges.filter((e) => e.source === id || e.target === id);
  const noLife = nodes.filter((nd) => nd.start === '' && nd.end === '');
  const gone = noLife.filter((nd) => { const ts = tiesOf(nd.id); return ts.length && ts.every((e) => edgeAtYear(e, 1935) === false); });
  const goneCls = await Promise.all(gone.map((nd) => classesOf(page, `node-${nd.id}`)));
  const notFaded = gone.filter((nd, i) => !/\bfaded\b/.test(goneCls[i] || ''));
  check(gone.length > 0 && notFaded.length === 0, `at 1935 the ${gone.length} nodes without lifetime whose ties all lie outside 1935 fade ` +
    `(${gone.slice(0, 4).map((nd) => nd.id).join(', ')}, ...)` + (notFaded.length ? `; not faded: ${notFaded.map((nd) => nd.id).join(', ')}` : ''));
  const undatedOnly = noLife.find((nd) => { const ts = tiesOf(nd.id); return ts.length && ts.every((e) => e.start === '' && e.end === ''); });
  check(!undatedOnly || !/\bfaded\b/.test(await classesOf(page, `node-${undatedOnly.id}`) || ''),
    `at 1935 ${undatedOnly ? undatedOnly.id : '(none)'}, undated with only undated ties, is not faded`);
  if (gone.length) {
    await clickGroup(page, `node-${gone[0].id}`);
    const tags = await page.locator('#panel-ties > li .year-tag').allInnerTexts();
    check(tags.length === tiesOf(gone[0].id).length && tags.every((t) => t === 'not in 1935'),
      `at 1935 ${gone[0].id}'s panel tags each of its ${tiesOf(gone[0].id).length} ties "not in 1935" (${tags.join(', ')})`);
  }
  check((await page.locator('#date-note').innerText()).includes('lifetime'), 'a note under the slider gives the date rule');
  await setYear(page, null);
  check(await page.locator('#diagram g.faded').count() === 0, 'back at all dates nothing is faded');

  // The slider runs over the ties' years (edges.csv and the hypotheses' ties), its lowest position "all dates".
  const hyps = JSON.parse(fs.readFileSync(path.join(net, 'network.json'), 'utf8')).hypotheses || [];
  const tieDates = edges.flatMap((e) => [e.start, e.end]);
  for (const h of hyps) for (const r of readCsv(net, h.patch)) if (/_edge$/.test(r.op)) tieDates.push(r.start, r.end);
  const tieYears = tieDates.map(leadYear).filter((y) => y !== null);
  const lo = Math.min(...tieYears), hi = Math.max(...tieYears);
  const [smin, smax] = await page.evaluate(() => { const s = document.getElementById('date'); return [Number(s.min), Number(s.max)]; });
  check(smin === lo - 1 && smax === hi, `the slider runs over the ties' years ${lo}-${hi} (min ${smin} = all dates, max ${smax})`);

  // Switching readings (a scenario's long citation among them) does not move the diagram.
  const tops = await page.evaluate(() => {
    const sel = document.getElementById('reading'), out = new Set();
    for (const o of sel.options) {
      sel.value = o.value; sel.dispatchEvent(new Event('change', { bubbles: true }));
      out.add(Math.round(document.getElementById('diagram').getBoundingClientRect().top));
    }
    sel.value = 'base'; sel.dispatchEvent(new Event('change', { bubbles: true }));
    return [...out];
  });
  check(tops.length === 1, `the diagram stays at one height over every reading (tops: ${tops.join(', ')})`);

  // Keyboard: the sorge node group takes focus; Enter selects it.
  const sorgeNode = nodes.find((x) => x.id === 'sorge');
  await page.focus('[id="node-sorge"]');
  await page.keyboard.press('Enter');
  check((await page.locator('#panel .panel-title').innerText()) === sorgeNode.label, `focus on node-sorge and Enter: the panel shows ${sorgeNode.label}`);
  await page.focus('[id="tie-17"]');
  await page.keyboard.press(' ');
  check((await page.locator('#panel').innerText()).includes(edges[16].note.slice(0, 40)), 'focus on tie-17 and Space: the panel shows its note (edges.csv row 17)');

  // Centrality: sorted by the report's measure (betweenness, spygraph's default) at first, then by a header
  // click; filtered by name or native name; a row selects its node and brings the diagram into view.
  await page.fill('#centrality-filter', 'ozak');
  check(await page.locator('#centrality-table tbody tr').count() === 1, 'the centrality filter "ozak" leaves one row');
  await page.fill('#centrality-filter', ozaki.native_name);
  const byNative = await page.locator('#centrality-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node')));
  check(byNative.includes('ozaki'), `the filter "${ozaki.native_name}" (his native name in nodes.csv) leaves his row (${byNative.join(', ')})`);
  await page.fill('#centrality-filter', '');
  const firstRow = () => page.locator('#centrality-table tbody tr').first().getAttribute('data-node');
  const sortedBy = await page.locator('#centrality-table th[aria-sort]').innerText();
  const first = await firstRow();
  check(/^betweenness/.test(sortedBy) && first === 'sorge', `at first sorted by betweenness (descending): the first row is sorge (${sortedBy}, ${first})`);
  // the base's top 3 as `spygraph compare --format json` ranks them (its ranks are checked against NetworkX in
  // tests/cli/report_check.py), by label from nodes.csv
  const cmpJson = JSON.parse(execFileSync(bin, ['compare', 'networks/sorge', '--format', 'json'], { cwd: root, encoding: 'utf8' }));
  const rankOf = Object.fromEntries(cmpJson.nodes.map((x) => [x.id, x.rank.base]));
  const byRank = Object.keys(rankOf).filter((id) => rankOf[id]).sort((a, b) => rankOf[a] - rankOf[b]).slice(0, 3);
  const top3 = byRank.map((id) => nodes.find((x) => x.id === id).label);
  const cmpTop = await page.locator('#comparison table.readings tbody tr').first().locator('.top3').innerText();
  check(cmpTop === top3.join(', '), `the comparison's base "top 3" is in rank order: ${cmpTop} (compare: ${top3.join(', ')})`);
  const creds = await page.locator('#comparison table.readings').first().locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0].querySelector('b').textContent, tr.children[2].textContent]));
  const credOk = hyps.filter((h) => typeof h.credence === 'number').every((h) => creds.some(([id, c]) => id === h.id && Number(c) === h.credence));
  check(hyps.length > 0 && credOk, `the comparison gives each hypothesis its credence from network.json (${creds.slice(1, 4).map((x) => x.join(' ')).join(', ')}, ...)`);
  await page.locator('#centrality').scrollIntoViewIfNeeded();
  await page.locator('#centrality-table tbody tr[data-node="ozaki"]').click();
  const inView = await page.evaluate(() => { const r = document.getElementById('diagram').getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; });
  check(inView && (await page.locator('#panel .panel-title').innerText()) === ozaki.label, 'clicking the centrality row of ozaki selects him and brings the diagram into view');
  await page.focus('#centrality-table th[data-col="0"]');
  await page.keyboard.press('Enter');
  check((await page.locator('#centrality-table th[aria-sort]').getAttribute('data-col')) === '0', 'Enter on the focused "node" header sorts by it');
  check(await page.evaluate(() => document.activeElement.getAttribute('data-col')) === '0', 'the header keeps the focus after sorting');
  await page.locator('#centrality-table th', { hasText: /^betweenness/ }).click();
  await page.locator('#centrality-table th', { hasText: /^betweenness/ }).click();
  const col = await page.locator('#centrality-table thead th').evaluateAll((ths) => ths.findIndex((t) => /^betweenness/.test(t.textContent)));
  const shown = await page.locator('#centrality-table tbody tr').evaluateAll((trs, c) => trs.map((tr) => tr.children[c].textContent), col);
  const nums = shown.filter((x) => x !== '–').map(Number);
  check(nums.length > 10 && nums.every((x, i) => i === 0 || nums[i - 1] <= x) && shown.slice(nums.length).every((x) => x === '–'),
    `a second click sorts betweenness ascending, undefined values last (${shown.slice(0, 5).join(', ')}, ...)`);
  // Sources: a click highlights the ties citing it.
  await page.locator('#sources-table tbody tr[data-source="n21"]').click();
  const citing = edges.map((e, i) => ({ e, id: `tie-${i + 1}` })).filter(({ e }) => e.sources.split(';').includes('n21'));
  let cls = await Promise.all(citing.map(({ id }) => classesOf(page, id)));
  check(citing.length > 0 && cls.every((c) => /\bcited\b/.test(c || '')), `source n21 highlights its ${citing.length} ties`);
  const others = edges.map((e, i) => ({ e, id: `tie-${i + 1}` })).filter(({ e }) => !e.sources.split(';').includes('n21'));
  cls = await Promise.all(others.map(({ id }) => classesOf(page, id)));
  check(others.length > 0 && cls.every((c) => c !== null && !/\bcited\b/.test(c)), `and none of the ${others.length} ties not citing it`);
  const ends = new Set(citing.flatMap(({ e }) => [e.source, e.target]));
  const endCls = await Promise.all([...ends].map((id) => classesOf(page, 'node-' + id)));
  check(endCls.every((c) => /\bcited\b/.test(c || '')), `and the ${ends.size} nodes at their ends`);

  // Screenshot: 1280x800, Ozaki selected.
  await clickGroup(page, 'node-ozaki');
  await page.evaluate(() => window.scrollTo(0, 0));
  if (shot) { await page.screenshot({ path: shot }); console.log(`     screenshot ${shot}`); }
  check(problems.length === 0, 'no console error, page error or request' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await context.close();
}

// The hostile-names set with a node whose label is markup: it must show as text and inject nothing.
async function hostile(browser, tmp) {
  const net = path.join(tmp, 'hostile-names');
  fs.cpSync(path.join(root, 'tests/data/good/hostile-names'), net, { recursive: true });
  const label = '</script><img id="pwn" src="x" onerror="window.pwned=1">&lt;b&gt; "q" \\ \u202eRTL\u202c 🕵 尾崎';
  const nodes = readCsv(net, 'nodes.csv'), edges = readCsv(net, 'edges.csv');
  const hnode = Object.keys(nodes[0]);
  const row = hnode.map((h) => ({ id: 'xss', label, kind: 'person' })[h] ?? '');
  const csvField = (v) => '"' + String(v).replace(/"/g, '""') + '"';
  fs.appendFileSync(path.join(net, 'nodes.csv'), row.map(csvField).join(',') + '\n');
  const hedge = Object.keys(edges[0]);
  const erow = hedge.map((h) => ({ source: 'xss', target: nodes[0].id, relation: 'met', sources: '' })[h] ?? '');
  fs.appendFileSync(path.join(net, 'edges.csv'), erow.map(csvField).join(',') + '\n');
  const file = writeReport(net, path.join(tmp, 'hostile.html'));
  const problems = [];
  const { context, page } = await open(browser, file, problems);
  check(await page.locator('#pwn').count() === 0 && !(await page.evaluate(() => window.pwned)), 'hostile: no injected element, no script run');
  await clickGroup(page, 'node-xss');
  const title = await page.locator('#panel .panel-title').textContent();
  check(title === label, 'hostile: the label with "</script>" shows literally in the panel');
  const rows = await page.locator('#centrality-table tbody td:first-child').allTextContents();
  check(rows.includes(label), 'hostile: the label shows literally in the centrality table');
  for (const nd of nodes.filter((x) => x.label && !/[\u0000-\u001f\u007f-\u009f]/.test(x.label))) {
    if (!rows.includes(nd.label)) check(false, `hostile: label ${JSON.stringify(nd.label)} in the centrality table`);
  }
  check(problems.length === 0, 'hostile: no console error, page error or request' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await context.close();
}

// The demo report: a hypothesis's change to a node (mole: change_node courier, affiliation police) and to a
// tie (mole: change_edge boss-source met, confidence 0.9) shows in that reading's panel, not in the base's.
async function demo(browser, tmp) {
  const net = path.join(root, 'networks/demo');
  const patch = readCsv(path.join(net, 'hypotheses'), 'mole.csv');
  const nodeChange = patch.find((r) => r.op === 'change_node' && r.node === 'courier');
  const base = readCsv(net, 'nodes.csv').find((r) => r.id === 'courier');
  const file = writeReport(net, path.join(tmp, 'demo.html'));
  const problems = [];
  const { context, page } = await open(browser, file, problems);
  const affiliation = () => page.locator('#panel dt:text-is("affiliation") + dd').innerText();
  await clickGroup(page, 'node-courier');
  let text = await affiliation();
  check(text.includes(base.affiliation) && !text.includes(nodeChange.affiliation),
    `demo: in the base the courier's affiliation is ${base.affiliation} (nodes.csv; shown: ${text})`);
  await page.selectOption('#reading', 'mole');
  await clickGroup(page, 'node-courier');
  text = await affiliation();
  check(text.includes(nodeChange.affiliation), `demo: under mole the courier's affiliation is ${nodeChange.affiliation} (mole.csv; shown: ${text})`);
  const edgeChange = patch.find((r) => r.op === 'change_edge');
  const key = readCsv(net, 'edges.csv').findIndex((e) => e.source === edgeChange.source && e.target === edgeChange.target &&
    e.relation === edgeChange.relation) + 1;
  check(/\bchanged\b/.test(await classesOf(page, `tie-${key}`) || ''), `demo: under mole tie ${key} is marked changed`);
  await clickGroup(page, `tie-${key}`);
  text = await page.locator('#panel').innerText();
  check(text.includes('confidence') && text.includes(Number(edgeChange.confidence).toFixed(2)),
    `demo: its panel gives the reading's confidence ${edgeChange.confidence} (mole.csv)`);
  const drawn = readCsv(net, 'edges.csv')[key - 1];
  const diffs = await page.locator('#tie-diffs').innerText();
  check(diffs.includes(`confidence (drawn: ${Number(drawn.confidence).toFixed(2)})`) && !/\bperiod\b/.test(diffs) &&
    (edgeChange.weight !== '' || !/\bweight\b/.test(diffs)),
    `demo: the panel says the confidence differs from the drawn ${drawn.confidence} (edges.csv), not the period: ${diffs}`);
  const tip = () => page.evaluate((id) => [...document.getElementById(id).querySelectorAll('a')]
    .map((a) => a.getAttributeNS('http://www.w3.org/1999/xlink', 'title')).join('|'), `tie-${key}`);
  check(/^changed in this reading/.test(await tip()), `demo: under mole tie ${key}'s hover text points to the panel`);
  await page.selectOption('#reading', 'base');
  const back = await tip();
  check(back.includes(drawn.relation) && back.includes(drawn.note), `demo: back in the base its hover text is the drawn evidence again`);
  check(problems.length === 0, 'demo: no console error, page error or request' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await context.close();
}

// Layout: at 1920x1080 the Sorge diagram fills the window below the controls; a one-node network (no-nodes
// with one node added) is not zoomed until its node fills the diagram, and says it has no hypotheses to compare.
async function layout(browser, tmp) {
  const problems = [];
  const sorgeFile = path.join(tmp, 'sorge.html');
  const big = await open(browser, sorgeFile, problems, { width: 1920, height: 1080 });
  const [top, h] = await big.page.evaluate(() => { const r = document.getElementById('diagram').getBoundingClientRect(); return [r.top, r.height]; });
  check(h >= 1080 - top - 40 && h > 700, `at 1920x1080 the diagram is ${Math.round(h)} px high below ${Math.round(top)} px of controls`);
  await big.context.close();
  const net = path.join(tmp, 'solo');
  fs.cpSync(path.join(root, 'tests/data/good/no-nodes'), net, { recursive: true });
  const head = fs.readFileSync(path.join(net, 'nodes.csv'), 'utf8').split(/\r?\n/)[0].split(',');
  fs.appendFileSync(path.join(net, 'nodes.csv'), head.map((h) => ({ id: 'solo', label: 'Solo', kind: 'person' })[h] ?? '').join(',') + '\n');
  const file = writeReport(net, path.join(tmp, 'solo.html'));
  const { context, page } = await open(browser, file, problems);
  const [nw, dw] = await page.evaluate(() => [document.getElementById('node-solo').getBoundingClientRect().width,
    document.getElementById('diagram').getBoundingClientRect().width]);
  check(nw > 0 && nw < dw / 3, `one node is drawn at most three times its size, not filling the diagram (${Math.round(nw)} of ${Math.round(dw)} px)`);
  check(await page.locator('#no-hypotheses').count() === 1 && await page.locator('#comparison table').count() === 0,
    'without hypotheses the comparison says there is nothing to compare, with no empty table');
  check(problems.length === 0, 'layout: no console error, page error or request' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await context.close();
}

// A merge (tests/data/good/lifetimes, merge.csv: boris and dora are one person): dora's tie (row 3 of
// edges.csv) moves to boris; under "merge" its panel says it moved and is not drawn, the drawn tie 3 is
// hidden, and once back in the base with that tie selected the panel says it is not in the base.
async function merge(browser, tmp) {
  const net = path.join(root, 'tests/data/good/lifetimes');
  const row = readCsv(net, 'edges.csv')[2];
  const file = writeReport(net, path.join(tmp, 'lifetimes.html'));
  const problems = [];
  const { context, page } = await open(browser, file, problems);
  await page.selectOption('#reading', 'merge');
  check(/\babsent\b/.test((await classesOf(page, 'tie-3')) || ''), `merge: the drawn tie 3 (${row.source}-${row.target}) is hidden`);
  await clickGroup(page, 'node-boris');
  const moved = page.locator('#panel-ties > li[data-tie="3~merge"] button').first();
  check(await moved.count() === 1, 'merge: boris lists the moved tie 3~merge');
  await moved.click();
  let text = await page.locator('#panel').innerText();
  check(/Moved by this reading/.test(text) && text.includes(row.relation), `merge: its panel says it moved (${row.relation})`);
  await page.selectOption('#reading', 'base');
  text = await page.locator('#panel').innerText();
  check(/not in the reading base/.test(text), 'merge: back in the base the panel says the tie is not in it');
  check(problems.length === 0, 'merge: no console error, page error or request' + (problems.length ? ': ' + problems.join(' | ') : ''));
  await context.close();
}

// Runs the reports in one browser and exits with the verdict.
async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spygraph-browser-'));
  let browser;
  try {
    browser = await playwright.chromium.launch({
      executablePath: chromium, headless: true, timeout: 60000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync']   // launch() gives it a fresh temporary profile
    });
  } catch (e) {
    // chromium is installed (checked above) but does not start: a failure, not a skip
    console.log(`FAIL: ${chromium} is installed but does not start: ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
  try {
    await sorge(browser, tmp);
    await demo(browser, tmp);
    await merge(browser, tmp);
    await layout(browser, tmp);
    await hostile(browser, tmp);
  } catch (e) {
    check(false, 'unexpected: ' + (e.stack || e));
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
  process.exit(failures.length ? 1 : 0);
}

main();
