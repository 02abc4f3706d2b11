/* report.js: the report page's script. Reads the JSON in #spygraph-data (doc/report-data.md) and builds the
 * whole page inside #app: header, diagram with pan and zoom, reading switcher, date slider, side panel,
 * centrality, comparison, robustness, timeline and sources. Plain JavaScript, no library, no request.
 * Every text from the data goes in through textContent or text nodes, never as markup. */
'use strict';
(function () {
  const XLINK = 'http://www.w3.org/1999/xlink';

  /* ---------- state and indexes ---------- */

  const data = JSON.parse(document.getElementById('spygraph-data').textContent);
  const nodesById = new Map((data.nodes || []).map((n) => [n.id, n]));
  const tiesByKey = new Map((data.ties || []).map((t) => [String(t.key), t]));
  const readingsById = new Map((data.readings || []).map((r) => [r.id, r]));
  const sourcesByKey = new Map((data.sources || []).map((s) => [s.key, s]));
  const bySvgId = new Map();   // svg id -> {type: 'node'|'tie', id}
  for (const n of data.nodes || []) bySvgId.set(n.svg_id, { type: 'node', id: n.id });
  for (const t of data.ties || []) bySvgId.set(t.svg_id, { type: 'tie', id: String(t.key) });

  // The reading every other is compared with: the first ('base', or the applied hypotheses' ids).
  const baseId = ((data.readings || [])[0] || {}).id;
  const baseTies = new Set((((data.readings || [])[0] || {}).ties || []).map(String));
  const baseNodes = new Set(((data.readings || [])[0] || {}).nodes || []);
  // The centrality table's first sort: the report's measure when it is a column, else the first measure.
  const sortCol = Math.max(0, ((data.centrality || {}).measures || []).indexOf(data.measure)) + 1;
  const state = {
    reading: baseId,
    year: null,               // null: all dates
    selected: null,           // {type, id}
    source: null,             // highlighted source key
    sort: { col: sortCol, dir: -1 },
    filter: ''
  };
  const ui = {};              // elements built once and updated on change

  /* ---------- small helpers ---------- */

  // Creates an element with attributes and children (strings become text nodes).
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    append(e, kids);
    return e;
  }

  // Appends children (nodes, strings as text, arrays flattened, null skipped).
  function append(parent, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      parent.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return parent;
  }

  // "1 tie", "2 ties".
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // Removes every child of an element.
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

  // Formats a number for tables: integers as is, others to 3 significant decimals.
  function fmt(v, digits) {
    if (v === null || v === undefined || v === '') return '–';
    if (typeof v !== 'number') return String(v);
    if (Number.isInteger(v)) return String(v);
    return v.toFixed(digits === undefined ? 3 : digits);
  }

  // The label of a node id (the id itself when the node is unknown).
  function nodeLabel(id) { const n = nodeOf(id); return n && n.label ? n.label : String(id); }

  // The day number (days since 0001-01-01) of a UTC calendar date.
  function dayNumber(y, m, d) {
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    t.setUTCHours(0, 0, 0, 0);
    return Math.round(t.getTime() / 86400000) + 719162;
  }

  // Whether a [first_day, last_day] interval (null = open or undated) meets the given year.
  function atYear(thing, year) {
    if (year === null) return true;
    const ys = dayNumber(year, 1, 1), ye = dayNumber(year, 12, 31);
    if (thing.first_day !== null && thing.first_day !== undefined && thing.first_day > ye) return false;
    if (thing.last_day !== null && thing.last_day !== undefined && thing.last_day < ys) return false;
    return true;
  }

  // Whether a node or tie has a date of its own (a first or a last day).
  function dated(x) { return !!x && ((x.first_day !== null && x.first_day !== undefined) || (x.last_day !== null && x.last_day !== undefined)); }

  // The calendar year of a day number.
  function yearOfDay(d) { return new Date((d - 719162) * 86400000).getUTCFullYear(); }

  // Whether a node's own lifetime excludes the year (never for a node without dates of its own).
  function lifetimeExcludes(n, year) { return year !== null && dated(n) && !atYear(n, year); }

  // Whether a tie fades at the year: its period is not at that year, or either end's own lifetime excludes it.
  function tieFaded(t, year) {
    if (year === null || !t) return false;
    return !atYear(t, year) || lifetimeExcludes(nodeOf(t.source), year) || lifetimeExcludes(nodeOf(t.target), year);
  }

  // Whether a node fades at the year: its own lifetime excludes the year, or it has no dates of its own, has ties in
  // the current reading and every one of them fades then (an undated tie between living ends keeps it).
  function nodeFaded(id, year) {
    if (year === null) return false;
    const n = nodeOf(id);
    if (dated(n)) return !atYear(n, year);
    const ts = tiesOfNode(id);
    return ts.length > 0 && ts.every((t) => tieFaded(t, year));
  }

  // The ties (as the current reading has them) that touch a node in the current reading; cached per reading.
  function tiesOfNode(id) {
    if (!ui.nodeTies || ui.nodeTies.reading !== state.reading) {
      const m = new Map();
      for (const k of present().ties) {
        const t = tieOf(k);
        if (!t) continue;
        for (const end of new Set([t.source, t.target])) { if (!m.has(end)) m.set(end, []); m.get(end).push(t); }
      }
      ui.nodeTies = { reading: state.reading, map: m };
    }
    return ui.nodeTies.map.get(id) || [];
  }

  // The years the slider runs over: those of the dated ties of every reading (they lie within data.span, and
  // usually span less: lifetimes reach further back), else data.span's when no tie is dated; null when undated.
  function sliderYears() {
    if (!data.span) return null;
    let lo = Infinity, hi = -Infinity;
    const see = (t) => {
      for (const d of [t.first_day, t.last_day]) {
        if (d === null || d === undefined) continue;
        const y = yearOfDay(d);
        lo = Math.min(lo, y); hi = Math.max(hi, y);
      }
    };
    for (const t of data.ties || []) see(t);
    for (const r of data.readings || []) for (const t of Object.values(r.changed || {})) see(t);
    const s = { lo: data.span.first_year, hi: data.span.last_year };
    return isFinite(lo) ? { lo: lo, hi: hi } : s;
  }

  // A period written from start and end ("1930–1932", "from 1933", "undated").
  function period(x) {
    if (x.period) return x.period;
    if (x.start && x.end) return x.start === x.end ? x.start : x.start + '–' + x.end;
    if (x.start) return 'from ' + x.start;
    if (x.end) return 'until ' + x.end;
    return 'undated';
  }

  // Parses an SVG text and returns it imported into this document (or a message element on failure).
  function importSvg(text, cls) {
    const doc = new DOMParser().parseFromString(text || '', 'image/svg+xml');
    const root = doc.documentElement;
    if (!root || root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) {
      return el('p', { class: 'note' }, 'This picture could not be read.');
    }
    const svg = document.importNode(root, true);
    svg.classList.add(cls);
    return svg;
  }

  // A definition list from [term, value] pairs, skipping empty values.
  function dl(pairs) {
    const d = el('dl');
    for (const [k, v] of pairs) {
      if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
      append(d, [el('dt', null, k), el('dd', null, Array.isArray(v) ? v.join(', ') : v)]);
    }
    return d;
  }

  // A list of references: "key: reference, pages", each source clickable to highlight its ties.
  function sourceList(sources) {
    const ul = el('ul', { class: 'refs' });
    for (const s of sources || []) {
      append(ul, [el('li', null,
        el('button', { class: 'link srckey', type: 'button', onclick: () => selectSource(s.key) }, s.key),
        ': ', s.reference || (sourcesByKey.get(s.key) || {}).reference || '',
        s.pages ? ', p. ' + s.pages : '')]);
    }
    return ul;
  }

  // Makes an element act on a click and, reached by Tab, on Enter or Space.
  function activatable(e, fn) {
    e.setAttribute('tabindex', '0');
    e.addEventListener('click', fn);
    e.addEventListener('keydown', (ev) => {
      if (ev.target !== e || (ev.key !== 'Enter' && ev.key !== ' ')) return;
      ev.preventDefault();
      fn(ev);
    });
    return e;
  }

  // Brings the diagram and panel into view (after a selection made below them).
  function showDiagram() { if (ui.diagram) ui.diagram.scrollIntoView({ block: 'nearest' }); }

  // A section with a heading and an optional introduction.
  function section(id, title, intro) {
    const s = el('section', { id: id, class: 'block' }, el('h2', null, title));
    if (intro) append(s, [el('p', { class: 'note' }, intro)]);
    return s;
  }

  // A table from a header row and body rows (cells are strings, numbers or nodes).
  function table(head, rows, cls) {
    const t = el('table', { class: cls || '' });
    append(t, [el('thead', null, el('tr', null, head.map((h) => el('th', { scope: 'col' }, h))))]);
    const tb = el('tbody');
    for (const r of rows) append(tb, [el('tr', null, r.map((c) => el('td', typeof c === 'number' ? { class: 'num' } : null, typeof c === 'number' ? fmt(c) : c)))]);
    t.appendChild(tb);
    return el('div', { class: rows.length > 12 ? 'scroll tall' : 'scroll' }, t);
  }

  /* ---------- reading helpers ---------- */

  // The current reading object.
  function reading() { return readingsById.get(state.reading) || { id: baseId, nodes: [], ties: [], changed: {}, changed_nodes: {} }; }

  // The node object as the current reading has it (a hypothesis may change a node's fields).
  function nodeOf(id) {
    const ch = reading().changed_nodes || {};
    return Object.prototype.hasOwnProperty.call(ch, id) ? ch[id] : nodesById.get(id);
  }

  // The tie object as the current reading has it.
  function tieOf(key) {
    const ch = reading().changed || {};
    return Object.prototype.hasOwnProperty.call(ch, key) ? ch[key] : tiesByKey.get(String(key));
  }

  // The sets of node ids and tie keys present in the current reading.
  function present() {
    const r = reading();
    return { nodes: new Set(r.nodes || []), ties: new Set((r.ties || []).map(String)) };
  }

  /* ---------- header and controls ---------- */

  // Builds the header: title, reading text, SHA-256, version, counts.
  function buildHeader() {
    const net = data.network || {};
    const kinds = (k) => (data.readings || []).filter((r) => r.kind === k).length;
    const counts = plural((data.nodes || []).length, 'node') + ', ' + plural((data.ties || []).length, 'tie') + ', ' +
      (data.sources || []).length + ' sources, ' + kinds('hypothesis') + ' hypotheses, ' + kinds('scenario') + ' scenarios';
    const span = data.span ? data.span.first_year + '–' + data.span.last_year : 'undated';
    return el('header', { class: 'top' },
      el('h1', null, data.title || net.id || 'spygraph report'),
      data.reading_text ? el('p', { class: 'reading-text' }, data.reading_text) : null,
      el('p', { class: 'meta' }, counts, ' · span ', span, ' · measure ', data.measure || ''),
      el('p', { class: 'meta small' }, 'input ', net.name || '', ' · SHA-256 ', el('code', null, net.sha256 || ''),
        ' · spygraph ', (data.spygraph || {}).version || ''));
  }

  // Builds the reading switcher (a select grouped by base, hypotheses, scenarios).
  function buildReadingSelect() {
    const sel = el('select', { id: 'reading', 'data-testid': 'reading' });
    const groups = { base: 'Base', hypothesis: 'Hypotheses', scenario: 'Scenarios' };
    for (const kind of ['base', 'hypothesis', 'scenario']) {
      const rs = (data.readings || []).filter((r) => r.kind === kind);
      if (!rs.length) continue;
      const g = el('optgroup', { label: groups[kind] });
      for (const r of rs) {
        const cred = typeof r.credence === 'number' ? ' (' + fmt(r.credence, 3) + ')' : '';
        g.appendChild(el('option', { value: r.id }, r.id + cred));
      }
      sel.appendChild(g);
    }
    sel.value = state.reading;
    sel.addEventListener('change', () => { state.reading = sel.value; update(); });
    return sel;
  }

  // Builds the date slider over the ties' years (sliderYears); its lowest position means "all dates".
  function buildDateSlider() {
    const wrap = el('span', { class: 'date' });
    const years = sliderYears();
    if (!years) return append(wrap, ['undated network']);
    const lo = years.lo, hi = years.hi;
    const input = el('input', { id: 'date', type: 'range', min: lo - 1, max: hi, step: 1, value: lo - 1,
      'aria-label': 'year', 'data-testid': 'date' });
    const out = el('output', { id: 'date-label', for: 'date' }, 'all dates');
    const all = el('button', { type: 'button', class: 'small' }, 'all dates');
    // Reads the slider into the state.
    const read = () => { const v = Number(input.value); state.year = v < lo ? null : v; update(); };
    input.addEventListener('input', read);
    all.addEventListener('click', () => { input.value = String(lo - 1); read(); });
    ui.dateInput = input; ui.dateLabel = out;
    return append(wrap, [el('label', { for: 'date' }, 'Date '), input, ' ', out, ' ', all]);
  }

  // A legend swatch: a short line of the given class.
  function swatch(cls) { return el('span', { class: 'swatch ' + cls, 'aria-hidden': 'true' }); }

  // The legend of the diagram's marks for readings and dates, and the note on the date rule.
  function buildLegend() {
    const several = (data.readings || []).length > 1;
    return [el('p', { class: 'legend small', id: 'legend' },
      several ? [swatch('changed'), ' changed by this reading (click for its evidence) ',
        swatch('added'), ' added by this reading (not in ', baseId || 'the first reading', ') '] : null,
      data.span ? [swatch('faded'), ' faded: not at the chosen year '] : null,
      several ? '· absent from a reading: hidden' : null),
    data.span ? el('p', { class: 'date-note small', id: 'date-note' },
      'At a year, a tie fades outside its period or either end\'s lifetime; a node outside its lifetime or, undated, ' +
      'when every one of its ties in this reading fades. Undated ties between living ends never fade.') : null];
  }

  // Builds the controls bar above the diagram.
  function buildControls() {
    ui.readingInfo = el('p', { class: 'reading-info', id: 'reading-info' });
    return el('div', { class: 'controls' },
      el('label', { for: 'reading' }, 'Reading '), buildReadingSelect(), ' ', buildDateSlider(),
      el('span', { class: 'zoom' },
        el('button', { type: 'button', id: 'zoom-in', title: 'zoom in', onclick: () => zoom(0.8) }, '+'),
        el('button', { type: 'button', id: 'zoom-out', title: 'zoom out', onclick: () => zoom(1.25) }, '−'),
        el('button', { type: 'button', id: 'zoom-reset', title: 'fit the network', onclick: resetView }, 'reset'),
        el('button', { type: 'button', id: 'zoom-all', title: 'the whole picture with its legend',
          onclick: () => { if (ui.svg) { ui.view = ui.whole.slice(); setView(); } } }, 'legend')),
      buildLegend(), ui.readingInfo);
  }

  /* ---------- diagram: pan and zoom ---------- */

  // Builds the diagram: imports data.svg, wires clicks, drag and wheel.
  function buildDiagram() {
    const box = el('div', { class: 'diagram', id: 'diagram' });
    const svg = importSvg(data.svg, 'network');
    box.appendChild(svg);
    if (!(svg instanceof SVGSVGElement)) return box;
    const vb = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    ui.home = vb.length === 4 && vb.every(isFinite) ? vb : [0, 0, 1000, 1000];
    // Screen pixels per user unit at the picture's natural size (Graphviz writes its width in points).
    const wpt = parseFloat(svg.getAttribute('width') || '');
    ui.natural = wpt > 0 && ui.home[2] > 0 ? (wpt * (/pt$/.test(svg.getAttribute('width')) ? 4 / 3 : 1)) / ui.home[2] : 4 / 3;
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    ui.svg = svg; ui.whole = ui.home.slice(); ui.view = ui.home.slice();
    ui.groups = new Map();
    ui.tipChanged = new Set(); // svg ids of ties whose hover text now says "changed"
    ui.tips = new Map();        // svg id -> the group's hover texts as drawn: [[element, attribute or null, text]]
    for (const g of svg.querySelectorAll('g.node, g.edge')) {
      if (!bySvgId.has(g.id)) continue;
      ui.groups.set(g.id, g);
      makeFocusable(g, bySvgId.get(g.id));
      const tips = [];
      for (const a of g.querySelectorAll('a')) {
        if (a.hasAttributeNS(XLINK, 'title')) tips.push([a, 'xlink', a.getAttributeNS(XLINK, 'title')]);
        else if (a.hasAttribute('title')) tips.push([a, 'title', a.getAttribute('title')]);
      }
      for (const t of g.children) if (t.localName === 'title') tips.push([t, null, t.textContent]);
      ui.tips.set(g.id, tips);
    }
    let drag = null;
    svg.addEventListener('pointerdown', (e) => { if (e.button === 0) drag = { x: e.clientX, y: e.clientY, view: ui.view.slice(), moved: false }; });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) { drag.moved = true; svg.setPointerCapture(e.pointerId); svg.classList.add('dragging'); }
      const s = scale();
      ui.view = [drag.view[0] - dx * s, drag.view[1] - dy * s, drag.view[2], drag.view[3]];
      setView();
    });
    // Ends a drag; a drag that moved swallows the following click.
    const end = () => { if (drag && drag.moved) ui.swallow = true; drag = null; svg.classList.remove('dragging'); };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    svg.addEventListener('wheel', (e) => {
      if (!e.deltaY) return; // a sideways wheel does not zoom
      e.preventDefault();
      const pt = toSvg(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 0.85 : 1 / 0.85, pt);
    }, { passive: false });
    svg.addEventListener('click', onDiagramClick);
    return box;
  }

  // Makes a diagram group reachable by Tab: a button named by the node's label or the tie's relation and ends,
  // selected by Enter or Space.
  function makeFocusable(g, hit) {
    let name;
    if (hit.type === 'node') name = nodeLabel(hit.id);
    else {
      const t = tiesByKey.get(hit.id) || {};
      name = (t.relation || 'tie') + ': ' + nodeLabel(t.source) + (t.directed ? ' to ' : ' and ') + nodeLabel(t.target);
    }
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', name);
    g.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      if (hit.type === 'node') selectNode(hit.id); else selectTie(hit.id);
    });
  }

  // Sets a tie's hover texts: the drawn evidence, or (changed in this reading) a pointer to the panel.
  function setTips(sid, changed) {
    for (const [e, attr, text] of ui.tips.get(sid) || []) {
      const v = changed ? 'changed in this reading: click for its evidence' : text;
      if (attr === 'xlink') e.setAttributeNS(XLINK, 'xlink:title', v);
      else if (attr) e.setAttribute(attr, v);
      else e.textContent = v;
    }
  }

  // SVG user units per screen pixel at the current view.
  function scale() {
    const r = ui.svg.getBoundingClientRect();
    return Math.max(ui.view[2] / (r.width || 1), ui.view[3] / (r.height || 1));
  }

  // Converts a screen point to the SVG's user coordinates.
  function toSvg(cx, cy) {
    const r = ui.svg.getBoundingClientRect(), s = scale();
    const vx = ui.view[0] + (ui.view[2] - r.width * s) / 2, vy = ui.view[1] + (ui.view[3] - r.height * s) / 2;
    return [vx + (cx - r.left) * s, vy + (cy - r.top) * s];
  }

  // Zooms by a factor (<1 in) around a point (default the centre), by changing the viewBox.
  function zoom(f, pt) {
    if (!ui.svg) return;
    const v = ui.view;
    const [px, py] = pt || [v[0] + v[2] / 2, v[1] + v[3] / 2];
    const w = Math.min(Math.max(v[2] * f, ui.home[2] / 50), ui.home[2] * 4);
    const k = w / v[2];
    ui.view = [px - (px - v[0]) * k, py - (py - v[1]) * k, v[2] * k, v[3] * k];
    setView();
  }

  // Fits the view to the network's nodes and ties (the legend stays one click away); needs the page laid out.
  function fitNetwork() {
    if (!ui.svg || !ui.groups.size) return;
    const r = ui.svg.getBoundingClientRect();
    if (!r.width) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const g of ui.groups.values()) {
      const b = g.getBoundingClientRect();
      if (!b.width && !b.height) continue;
      x0 = Math.min(x0, b.left); y0 = Math.min(y0, b.top); x1 = Math.max(x1, b.right); y1 = Math.max(y1, b.bottom);
    }
    if (!isFinite(x0)) return;
    const [ax, ay] = toSvg(x0, y0), [bx, by] = toSvg(x1, y1), pad = 0.03 * Math.max(bx - ax, by - ay);
    let home = [ax - pad, ay - pad, bx - ax + 2 * pad, by - ay + 2 * pad];
    // At most three times the natural size: a small network is not blown up to fill the diagram.
    const maxPx = 3 * ui.natural, w = Math.max(home[2], r.width / maxPx), h = Math.max(home[3], r.height / maxPx);
    home = [home[0] - (w - home[2]) / 2, home[1] - (h - home[3]) / 2, w, h];
    ui.home = home;
    resetView();
  }

  // Shows the whole network again.
  function resetView() { if (ui.svg) { ui.view = ui.home.slice(); setView(); } }

  // Writes the current view into the viewBox.
  function setView() { ui.svg.setAttribute('viewBox', ui.view.map((x) => x.toFixed(2)).join(' ')); }

  // Selects the node or tie under a click in the diagram.
  function onDiagramClick(e) {
    if (ui.swallow) { ui.swallow = false; return; }
    const g = e.target.closest('g.node, g.edge');
    if (!g || !bySvgId.has(g.id)) return;
    e.preventDefault();
    const hit = bySvgId.get(g.id);
    if (hit.type === 'node') selectNode(hit.id); else selectTie(hit.id);
  }

  /* ---------- diagram: classes for reading, date, selection, source ---------- */

  // Sets the classes of every node and tie group for the current state.
  function paintDiagram() {
    if (!ui.groups) return;
    const p = present(), changed = reading().changed || {};
    const cites = state.source ? citing(state.source) : { ties: [], nodes: [] };
    const srcTies = new Set(cites.ties), srcNodes = new Set(cites.nodes);
    for (const k of srcTies) { const t = tieOf(k); if (t) { srcNodes.add(t.source); srcNodes.add(t.target); } }
    const src = state.source;
    ui.svg.classList.toggle('highlighting', !!src);
    for (const [sid, g] of ui.groups) {
      const hit = bySvgId.get(sid);
      let absent, faded, sel, cited, added, ch = false;
      if (hit.type === 'node') {
        absent = !p.nodes.has(hit.id);
        faded = nodeFaded(hit.id, state.year);
        cited = srcNodes.has(hit.id);
        added = !absent && !baseNodes.has(hit.id);
      } else {
        absent = !p.ties.has(hit.id);
        faded = tieFaded(tieOf(hit.id), state.year);
        cited = srcTies.has(hit.id);
        ch = Object.prototype.hasOwnProperty.call(changed, hit.id);
        added = !absent && !baseTies.has(hit.id);
        if (ch !== !!ui.tipChanged.has(sid)) { setTips(sid, ch); if (ch) ui.tipChanged.add(sid); else ui.tipChanged.delete(sid); }
      }
      sel = !!state.selected && state.selected.type === hit.type && state.selected.id === hit.id;
      g.classList.toggle('absent', absent);
      g.classList.toggle('faded', faded);
      g.classList.toggle('changed', ch);
      g.classList.toggle('added', added);
      g.classList.toggle('selected', sel);
      g.classList.toggle('cited', cited);
    }
  }

  /* ---------- side panel ---------- */

  // Marks the selected node's row of the centrality table (and no other).
  function markTableRow() {
    if (!ui.centrality) return;
    const id = state.selected && state.selected.type === 'node' ? state.selected.id : null;
    for (const tr of ui.centrality.querySelectorAll('tbody tr')) tr.classList.toggle('selected', tr.dataset.node === id);
  }

  // Selects a node and shows it in the panel.
  function selectNode(id) { state.selected = { type: 'node', id: id }; state.source = null; paintDiagram(); renderPanel(); markTableRow(); }

  // Selects a tie and shows its evidence in the panel.
  function selectTie(key) { state.selected = { type: 'tie', id: String(key) }; state.source = null; paintDiagram(); renderPanel(); markTableRow(); }

  // Highlights a source's ties and nodes and lists them in the panel.
  function selectSource(key) { state.source = key; state.selected = { type: 'source', id: key }; paintDiagram(); renderPanel(); markTableRow(); }

  // Redraws the panel for the current selection and reading.
  function renderPanel() {
    const panel = clear(ui.panel);
    const s = state.selected;
    if (!s) {
      append(panel, [el('h2', null, 'Details'), el('p', { class: 'note' },
        'Click a node or a tie in the diagram, a row of the centrality table or a source to see its evidence. ' +
        'Drag to pan, use the wheel or the buttons to zoom.')]);
      return;
    }
    if (s.type === 'node') renderNodePanel(panel, s.id);
    else if (s.type === 'tie') renderTiePanel(panel, s.id);
    else renderSourcePanel(panel, s.id);
  }

  // The tie keys and node ids citing source KEY in the current reading (a hypothesis may change a tie's
  // sources).
  function citing(key) {
    const p = present();
    const has = (x) => x && (x.sources || []).some((s) => s.key === key);
    return { ties: [...p.ties].filter((k) => has(tieOf(k))), nodes: [...p.nodes].filter((id) => has(nodeOf(id))) };
  }

  // Fills the panel with a node's facts and every tie it has in the current reading.
  function renderNodePanel(panel, id) {
    const n = nodeOf(id);
    if (!n) return;
    const p = present();
    const aff = n.affiliation ? (n.affiliation_label && n.affiliation_label !== n.affiliation ?
      n.affiliation_label + ' (' + n.affiliation + ')' : n.affiliation_label || n.affiliation) : '';
    append(panel, [el('h2', { class: 'panel-title' }, n.label || n.id),
      p.nodes.has(id) ? null : el('p', { class: 'warn' }, 'Not in the reading ' + state.reading + '.'),
      dl([['id', n.id], ['codenames', n.codenames || []], ['native name', n.native_name], ['kind', n.kind],
        ['affiliation', aff], ['lifetime', n.lifetime || (n.start || n.end ? period(n) : '')], ['hypothesis', n.hypothesis], ['note', n.note]])]);
    if ((n.sources || []).length) append(panel, [el('h3', null, 'Sources'), sourceList(n.sources)]);
    const ties = [...p.ties].map(tieOf).filter((t) => t && (t.source === id || t.target === id));
    append(panel, [el('h3', null, 'Ties in this reading (' + ties.length + ')')]);
    const ul = el('ul', { class: 'ties', id: 'panel-ties' });
    for (const t of ties) {
      const other = t.source === id ? t.target : t.source;
      const arrow = t.directed ? (t.source === id ? '→ ' : '← ') : '— ';
      const off = tieFaded(t, state.year);
      append(ul, [el('li', { 'data-tie': t.key, class: state.year === null ? null : off ? 'inactive' : 'active' },
        state.year === null ? null : el('span', { class: 'year-tag' + (off ? ' off' : '') }, (off ? 'not in ' : 'in ') + state.year), ' ',
        el('button', { type: 'button', class: 'link tie-link', onclick: () => selectTie(t.key) }, t.relation, ' ', arrow, nodeLabel(other)),
        el('span', { class: 'small' }, ' ', period(t), ' · confidence ', fmt(t.confidence, 2), ' · weight ', fmt(t.weight, 2),
          t.hypothesis ? ' · from ' + t.hypothesis : '', (reading().changed || {})[t.key] ? ' · changed by this reading' : ''),
        sourceList(t.sources), t.note ? el('p', { class: 'tie-note' }, t.note) : null)]);
    }
    panel.appendChild(ul);
  }

  // Fills the panel with one tie's evidence as the current reading has it.
  function renderTiePanel(panel, key) {
    const t = tieOf(key);
    if (!t) {
      append(panel, [el('h2', { class: 'panel-title' }, 'Tie ', String(key)),
        el('p', { class: 'warn' }, 'This tie is not in the reading ' + state.reading + '.')]);
      return;
    }
    const inReading = present().ties.has(String(key));
    const base = tiesByKey.get(String(key));
    const endBtn = (id) => el('button', { type: 'button', class: 'link', onclick: () => selectNode(id) }, nodeLabel(id));
    const diffs = base ? tieDiffs(base, t) : [];
    append(panel, [el('h2', { class: 'panel-title' }, t.relation, ': ', nodeLabel(t.source), t.directed ? ' → ' : ' — ', nodeLabel(t.target)),
      inReading ? null : el('p', { class: 'warn' }, 'Not in the reading ' + state.reading + '.'),
      inReading && !baseTies.has(String(key)) ? el('p', { class: 'warn' }, String(key).includes('~') ?
        'Moved by this reading: its ends are not the drawn tie\'s (a merge), so it is not drawn.' :
        'Added by this reading: not in ' + baseId + '.') : null,
      (reading().changed || {})[key] ? el('p', { class: 'warn', id: 'tie-diffs' }, base ? ['Changed by this reading: ',
        diffs.length ? diffs.map(([f, was]) => f + (was === null ? '' : ' (drawn: ' + was + ')')).join('; ') + ' ' +
        (diffs.length === 1 ? 'differs' : 'differ') + ' from the drawn tie.' : 'no field differs from the drawn tie.']
        : 'Only in this reading: not drawn in the diagram.') : null,
      state.year !== null && tieFaded(t, state.year) ? el('p', { class: 'warn' }, 'Not in ' + state.year + ' (its period or an end\'s lifetime).') : null,
      el('dl', null, el('dt', null, 'from'), el('dd', null, endBtn(t.source)), el('dt', null, 'to'), el('dd', null, endBtn(t.target))),
      dl([['tie', t.key], ['directed', t.directed ? 'yes' : 'no'], ['period', period(t)], ['confidence', fmt(t.confidence, 2)],
        ['weight', fmt(t.weight, 2)], ['hypothesis', t.hypothesis], ['note', t.note]]),
      el('h3', null, 'Sources'), sourceList(t.sources)]);
  }

  // The fields in which a reading's tie differs from the drawn one: [field, the drawn value or null].
  function tieDiffs(a, b) {
    const srcs = (t) => (t.sources || []).map((x) => x.key + (x.pages ? ' p. ' + x.pages : '')).join('; ');
    const out = [];
    if (period(a) !== period(b) || a.first_day !== b.first_day || a.last_day !== b.last_day) out.push(['period', period(a)]);
    if (a.confidence !== b.confidence) out.push(['confidence', fmt(a.confidence, 2)]);
    if (a.weight !== b.weight) out.push(['weight', fmt(a.weight, 2)]);
    if (srcs(a) !== srcs(b)) out.push(['sources', srcs(a) || 'none']);
    if ((a.note || '') !== (b.note || '')) out.push(['note', null]);
    if (a.source !== b.source || a.target !== b.target || !!a.directed !== !!b.directed || a.relation !== b.relation) {
      out.push(['ends', a.relation + ': ' + nodeLabel(a.source) + (a.directed ? ' → ' : ' — ') + nodeLabel(a.target)]);
    }
    return out;
  }

  // Fills the panel with a source and the ties citing it.
  function renderSourcePanel(panel, key) {
    const s = sourcesByKey.get(key) || { key: key, reference: '', pages: '', note: '' };
    if (!sourcesByKey.has(key)) append(panel, [el('p', { class: 'warn' }, 'Cited but not in the sources table.')]);
    append(panel, [el('h2', { class: 'panel-title' }, 'Source ', s.key),
      dl([['reference', s.reference], ['pages', s.pages], ['note', s.note]]),
      el('p', null, el('button', { type: 'button', class: 'small', onclick: () => { state.source = null; state.selected = null; paintDiagram(); renderPanel(); } }, 'clear highlight')),
      el('h3', null, 'Ties citing it in this reading (' + citing(key).ties.length + ')')]);
    const ul = el('ul', { class: 'ties' });
    const cites = citing(key);
    for (const k of cites.ties) {
      const t = tieOf(k);
      if (!t) continue;
      append(ul, [el('li', null, el('button', { type: 'button', class: 'link', onclick: () => selectTie(k) },
        t.relation, ': ', nodeLabel(t.source), ' — ', nodeLabel(t.target)), el('span', { class: 'small' }, ' ', period(t)))]);
    }
    panel.appendChild(ul);
    if (cites.nodes.length) {
      append(panel, [el('h3', null, 'Nodes citing it'), el('ul', null, cites.nodes.map((id) =>
        el('li', null, el('button', { type: 'button', class: 'link', onclick: () => selectNode(id) }, nodeLabel(id)))))]);
    }
  }

  /* ---------- centrality table ---------- */

  // Builds the centrality section (filter box and table, filled by renderCentrality).
  function buildCentrality() {
    const s = section('centrality', 'Centrality', 'For the current reading; click a header to sort, a row to select the node ' +
      '(or reach them with Tab and press Enter).');
    const input = el('input', { type: 'search', id: 'centrality-filter', placeholder: 'filter by name, codename, native name',
      'aria-label': 'filter by name, codename or native name' });
    input.addEventListener('input', () => { state.filter = input.value; renderCentrality(); });
    ui.centrality = el('div', { class: 'scroll tall' });
    append(s, [input, ui.centrality]);
    return s;
  }

  // Redraws the centrality table for the current reading, sort and filter.
  function renderCentrality() {
    const c = data.centrality || { measures: [], values: {} };
    const vals = (c.values || {})[state.reading] || {};
    const cols = ['node'].concat(c.measures || []);
    const f = state.filter.trim().toLowerCase();
    const names = (id) => { const n = nodeOf(id) || {}; return [n.label, id, n.native_name].concat(n.codenames || []); };
    let rows = (reading().nodes || []).map((id) => ({ id: id, label: nodeLabel(id), v: vals[id] || [] }))
      .filter((r) => !f || names(r.id).some((x) => x && String(x).toLowerCase().includes(f)));
    // The focused header or row, to focus again in the new table.
    const act = document.activeElement, was = act && ui.centrality.contains(act) ?
      { col: act.getAttribute('data-col'), node: act.getAttribute('data-node') } : null;
    const col = Math.min(state.sort.col, cols.length - 1), dir = state.sort.dir;
    rows.sort((a, b) => {
      if (col === 0) return dir * a.label.localeCompare(b.label);
      const x = a.v[col - 1], y = b.v[col - 1];
      const xn = x === null || x === undefined, yn = y === null || y === undefined;
      if (xn || yn) return xn && yn ? a.label.localeCompare(b.label) : xn ? 1 : -1; // undefined last
      return dir * (x - y) || a.label.localeCompare(b.label);
    });
    const t = el('table', { class: 'sortable', id: 'centrality-table' });
    const tr = el('tr');
    cols.forEach((name, i) => {
      const mark = i === col ? (dir > 0 ? ' ▲' : ' ▼') : '';
      tr.appendChild(activatable(el('th', { scope: 'col', 'data-col': i, 'aria-sort': i === col ? (dir > 0 ? 'ascending' : 'descending') : null },
        name, mark), () => { state.sort = { col: i, dir: i === col ? -dir : (i === 0 ? 1 : -1) }; renderCentrality(); }));
    });
    t.appendChild(el('thead', null, tr));
    const tb = el('tbody');
    for (const r of rows) {
      const sel = state.selected && state.selected.type === 'node' && state.selected.id === r.id;
      tb.appendChild(activatable(el('tr', { 'data-node': r.id, class: sel ? 'selected' : null },
        el('td', null, r.label), r.v.map((x) => el('td', { class: 'num' }, fmt(x)))), () => { selectNode(r.id); showDiagram(); }));
    }
    t.appendChild(tb);
    append(clear(ui.centrality), [t, rows.length ? null : el('p', { class: 'note' }, 'No node matches.')]);
    if (was) {
      const again = was.col !== null ? t.querySelector('th[data-col="' + was.col + '"]') :
        [...tb.children].find((x) => x.getAttribute('data-node') === was.node);
      if (again) again.focus({ preventScroll: true });
    }
  }

  /* ---------- comparison and scenarios ---------- */

  // A reading's top nodes in the order of its own ranks (compare lists them in node order).
  function topByRank(cmp, r) {
    const rank = new Map((cmp.nodes || []).map((n) => [n.id, (n.rank || {})[r.id]]));
    const key = (id) => { const x = rank.get(id); return typeof x === 'number' ? x : Infinity; };
    return (r.top || []).map((id, i) => [id, i]).sort((a, b) => key(a[0]) - key(b[0]) || a[1] - b[1]).map((x) => x[0]);
  }

  // A reading's credence: compare's, else the one the reading switcher has (compare leaves it null outside scenarios).
  function credenceOf(r) {
    if (typeof r.credence === 'number') return r.credence;
    const own = readingsById.get(r.id);
    return own && typeof own.credence === 'number' ? own.credence : '–';
  }

  // A table of readings with credence, citation and figures; "top 3" by the reading's ranks.
  function readingsTable(cmp) {
    return table(['reading', 'claim', 'credence', 'nodes', 'ties', 'components', 'density', 'diameter', 'centralization', 'top 3'],
      (cmp.readings || []).map((r) => {
        const fg = r.figures || {};
        return [el('span', null, el('b', null, r.id), r.citation ? el('span', { class: 'small block' }, r.citation) : null),
          r.label || '', credenceOf(r), fg.nodes, fg.ties, fg.components,
          fg.density, fg.diameter, fg.centralization, el('span', { class: 'top3' }, topByRank(cmp, r).slice(0, 3).map(nodeLabel).join(', '))];
      }), 'readings');
  }

  // A table of rank agreement between pairs of readings (optionally only pairs with the base).
  function agreementTable(cmp, baseOnly) {
    const first = ((cmp.readings || [])[0] || {}).id;
    const rows = (cmp.agreement || []).filter((a) => !baseOnly || a.a === first || a.b === first);
    return table(['reading', 'with', 'common nodes', 'Kendall τ-b', 'Spearman ρ', 'top overlap'],
      rows.map((a) => [a.a, a.b, a.common_nodes, a.kendall_tau_b, a.spearman_rho, a.top_overlap]));
  }

  // Robust and contested conclusions as lists of names.
  function conclusions(c) {
    c = c || {};
    const names = (xs) => (xs || []).length ? xs.map(nodeLabel).join(', ') : 'none';
    return el('div', { class: 'conclusions' },
      el('p', null, el('b', null, 'Robust: '), names(c.robust)),
      el('p', null, el('b', null, 'Contested: '), names(c.contested)));
  }

  // A table of ranks per reading, nodes ordered by their base rank; moved ranks are marked.
  function ranksTable(cmp) {
    const ids = (cmp.readings || []).map((r) => r.id), first = ids[0];
    const nodes = (cmp.nodes || []).slice().sort((a, b) => ((a.rank || {})[first] || 1e9) - ((b.rank || {})[first] || 1e9));
    const t = el('table', { class: 'ranks' });
    t.appendChild(el('thead', null, el('tr', null, el('th', null, 'node'), ids.map((id) => el('th', { title: id }, id)), el('th', null, 'spread'))));
    const tb = el('tbody');
    for (const n of nodes) {
      const base = (n.rank || {})[first];
      tb.appendChild(el('tr', null, el('td', null, n.label || nodeLabel(n.id)), ids.map((id) => {
        const r = (n.rank || {})[id];
        const moved = id !== first && r !== undefined && r !== null && base !== undefined && r !== base;
        return el('td', { class: 'num' + (moved ? (r < base ? ' up' : ' down') : '') }, fmt(r));
      }), el('td', { class: 'num' }, fmt(n.rank_spread))));
    }
    t.appendChild(tb);
    return el('div', { class: 'scroll tall' }, t);
  }

  // Builds the comparison section from data.comparison and data.scenarios.
  function buildComparison() {
    const s = section('comparison', 'Comparison of hypotheses',
      'Ranks by ' + (data.measure || 'the measure') + ' under the base and each hypothesis; green: rises, red: falls.');
    const c = data.comparison;
    if ((data.readings || []).length <= 1) {
      return append(s, [el('p', { class: 'note', id: 'no-hypotheses' }, 'This network has no hypotheses: there is no other reading to compare with ' +
        (baseId || 'the base') + '.')]);
    }
    if (!c) return append(s, [el('p', { class: 'note' }, 'No comparison in this report.')]);
    append(s, [el('h3', null, 'Readings'), readingsTable(c), el('h3', null, 'Conclusions'), conclusions(c.conclusions),
      el('h3', null, 'Ranks'), ranksTable(c), el('h3', null, 'Agreement of rankings'), agreementTable(c, false)]);
    if (data.scenarios) {
      const sc = data.scenarios;
      append(s, [el('h3', null, 'Scenarios (one answer to each question)'), readingsTable(sc),
        el('h4', null, 'Conclusions over the scenarios'), conclusions(sc.conclusions),
        el('h4', null, 'Agreement with the base'), agreementTable(sc, true)]);
    }
    return s;
  }

  /* ---------- robustness, timeline, sources ---------- */

  // Builds the robustness section: forest plot and a table of intervals.
  function buildRobustness() {
    const s = section('robustness', 'Robustness');
    const r = data.robustness;
    if (!r) return append(s, [el('p', { class: 'note' }, 'No robustness analysis in this report.')]);
    const d = r.data || {};
    if (!d.samples) return append(s, [el('p', { class: 'note' }, 'No samples drawn (--samples 0): no intervals in this report.')]);
    const what = { confidence: 'tie confidence', credence: 'hypothesis credence' };
    const sampled = (d.sampled || []).map((x) => what[x] || x);
    append(s, [el('p', { class: 'note', id: 'robustness-note' }, d.samples + ' samples' + (sampled.length ? ' drawing ' + sampled.join(' and ') : '') + ', ' + d.interval +
      '% intervals of ' + (d.measure || data.measure || '') + ', P(top ' + d.top + ').'),
    el('div', { class: 'chart' }, importSvg(r.svg, 'chart')), conclusions({ robust: (d.conclusions || {}).robust, contested: (d.conclusions || {}).uncertain }),
    table(['node', 'value', 'mean', 'interval', 'rank', 'rank interval', 'P(top ' + d.top + ')'],
      (d.nodes || []).map((n) => [n.label || nodeLabel(n.id), n.value, n.mean, fmt(n.low) + ' – ' + fmt(n.high), n.rank,
        n.rank_low + ' – ' + n.rank_high, n.p_top]), 'compact')]);
    s.querySelector('.conclusions p:last-child b').textContent = 'Uncertain: ';
    return s;
  }

  // Builds the timeline section: its chart.
  function buildTimeline() {
    const s = section('timeline', 'Timeline');
    const t = data.timeline;
    if (!t) return append(s, [el('p', { class: 'note' }, 'No timeline in this report.')]);
    return append(s, [el('div', { class: 'chart' }, importSvg(t.svg, 'chart'))]);
  }

  // Builds the sources table; clicking a source highlights its ties and lists them.
  function buildSources() {
    const s = section('sources', 'Sources', 'Click a source to highlight the ties and nodes citing it.');
    const t = el('table', { id: 'sources-table' });
    t.appendChild(el('thead', null, el('tr', null, ['key', 'reference', 'pages', 'ties'].map((h) => el('th', { scope: 'col' }, h)))));
    const tb = el('tbody');
    for (const src of data.sources || []) {
      tb.appendChild(activatable(el('tr', { 'data-source': src.key },
        el('td', null, el('b', null, src.key)), el('td', null, src.reference || '', src.note ? el('span', { class: 'small block' }, src.note) : null),
        el('td', null, src.pages || ''), el('td', { class: 'num' }, String((src.ties || []).length))), () => { selectSource(src.key); showDiagram(); }));
    }
    t.appendChild(tb);
    return append(s, [el('div', { class: 'scroll tall' }, t)]);
  }

  /* ---------- updates and start ---------- */

  // Writes what the current reading is and changes.
  function renderReadingInfo() {
    const r = reading(), p = present();
    const nch = Object.keys(r.changed || {}).length;
    const line = [r.kind === 'base' ? (r.id === 'base' ? 'Base network' : 'Base network with ' + r.id) : r.id, r.label ? ': ' + r.label : '',
      ' · ', plural(p.nodes.size, 'node') + ', ' + plural(p.ties.size, 'tie'), nch ? ', ' + nch + ' changed' : '',
      typeof r.credence === 'number' ? ' · credence ' + fmt(r.credence, 3) : ''];
    // one line for the reading (its whole text on hover), two at most for its citation: the height never changes
    append(clear(ui.readingInfo), [el('span', { class: 'line', title: line.join('') },
      el('b', null, line[0]), line.slice(1)),
      // the citation is clamped to two lines by the style (its whole text on hover), so switching does not move the diagram
      el('span', { class: 'small citation', title: r.citation || null }, r.citation || '')]);
    if (ui.dateLabel) ui.dateLabel.textContent = state.year === null ? 'all dates' : String(state.year);
  }

  // Applies the state everywhere: diagram classes, reading info, panel, and the table when the reading changed
  // (a year changes nothing in it).
  function update() {
    paintDiagram();
    renderReadingInfo();
    renderPanel();
    if (ui.tableReading !== state.reading) { ui.tableReading = state.reading; renderCentrality(); }
  }

  // Sizes the diagram and panel to the window below the controls (at least 480 pixels).
  function sizeMain() {
    const main = ui.diagram && ui.diagram.parentElement;
    if (!main) return;
    const top = main.getBoundingClientRect().top + window.scrollY;
    document.documentElement.style.setProperty('--main-h', Math.max(480, Math.floor(window.innerHeight - top - 12)) + 'px');
  }

  // Builds the page once.
  function start() {
    const app = document.getElementById('app');
    ui.panel = el('aside', { class: 'panel', id: 'panel', 'aria-live': 'polite' });
    ui.diagram = buildDiagram();
    append(app, [buildHeader(), buildControls(),
      el('div', { class: 'main' }, ui.diagram, ui.panel),
      el('nav', { class: 'toc' }, [['centrality', 'Centrality'], ['comparison', 'Comparison'], ['robustness', 'Robustness'],
        ['timeline', 'Timeline'], ['sources', 'Sources']].map(([id, t]) => el('a', { href: '#' + id }, t))),
      buildCentrality(), buildComparison(), buildRobustness(), buildTimeline(), buildSources(),
      el('footer', null, 'Written by spygraph ', (data.spygraph || {}).version || '', '. This file makes no network request.')]);
    sizeMain();
    window.addEventListener('resize', sizeMain);
    fitNetwork(); // before any reading hides what it lacks: the fit holds every reading's nodes and ties
    update();
    document.body.classList.add('ready');
  }

  start();
})();
