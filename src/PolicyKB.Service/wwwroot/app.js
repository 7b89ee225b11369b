// PolicyKB page: the URL holds the whole state; every text from the server is inserted as text (never as HTML).
'use strict';

(() => {
  const FACETS = [
    { name: 'issuer', label: '发文机关' },
    { name: 'status', label: '效力' },
    { name: 'theme', label: '主题' },
    { name: 'topic', label: '主题分类' },
    { name: 'type', label: '文种' },
    { name: 'site', label: '来源网站' },
    { name: 'year', label: '发布年份' },
  ];
  const MULTI = ['issuer', 'status', 'theme', 'topic', 'type', 'site', 'year', 'month', 'methodology', 'within'];
  const SINGLE = ['q', 'from', 'to', 'writtenFrom', 'writtenTo', 'sort', 'page', 'size'];
  const SITE_NAMES = { govcn: '中国政府网', ndrc: '国家发展改革委网站', mee: '生态环境部网站', other: '其他网站' };
  const PARAM_LABELS = { month: '发布月份', methodology: '方法学', writtenFrom: '成文日期起', writtenTo: '成文日期止', within: '在结果中' };
  const FACET_SHOWN = 8;
  const PAGE_SIZE = 10;
  const MAX_WINDOW = 10000;
  const TRAY_KEY = 'policykb.tray';
  const BRIEF_KEY = 'policykb.brief';

  const $ = (id) => document.getElementById(id);

  // ---------- small DOM helpers ----------

  /** Creates an element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  /** Only web links become hrefs: a javascript: or data: URL in a document is shown, never followed. */
  function safeHref(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch { return null; }
  }

  function externalLink(url, text) {
    const href = safeHref(url);
    return href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text || url) : el('span', {}, text || url || '');
  }

  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  }

  /**
   * Appends a highlighted passage (HTML-escaped text with <mark>…</mark>) as text nodes and <mark> elements:
   * only the mark tags are honoured, so nothing in it can become markup.
   */
  function appendMarked(parent, highlighted) {
    let inMark = false;
    for (const part of String(highlighted).split(/(<\/?mark>)/i)) {
      if (/^<mark>$/i.test(part)) { inMark = true; continue; }
      if (/^<\/mark>$/i.test(part)) { inMark = false; continue; }
      if (!part) continue;
      const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
      parent.append(inMark ? el('mark', {}, text) : document.createTextNode(text));
    }
    return parent;
  }

  /** The words of a query worth highlighting in a document: no operators, field names or quote marks. */
  function queryTerms(q) {
    if (!q) return [];
    const terms = [];
    const re = /"([^"]+)"|“([^”]+)”|(\S+)/g;
    let m;
    while ((m = re.exec(q)) !== null) {
      let t = (m[1] || m[2] || m[3] || '').trim();
      if (/^(AND|OR|NOT)$/.test(t)) continue;
      t = t.replace(/^[+\-!(]+|[)*?~^\d.]*$/g, '').replace(/^[A-Za-z]+:/, '');
      if (t.length >= 1 && !terms.includes(t)) terms.push(t);
    }
    return terms.sort((a, b) => b.length - a.length);
  }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  /** Appends text with every query term wrapped in <mark>, built as nodes. */
  function appendHighlighted(parent, text, terms) {
    if (!terms.length) { parent.append(text); return parent; }
    const re = new RegExp(terms.map(escapeRegExp).join('|'), 'gi');
    let last = 0; let m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (m.index > last) parent.append(text.slice(last, m.index));
      parent.append(el('mark', {}, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.append(text.slice(last));
    return parent;
  }

  // ---------- state in the URL ----------

  function readState() {
    const p = new URLSearchParams(location.search);
    const s = { doc: p.get('doc') || '', adv: p.get('adv') === '1' };
    for (const k of SINGLE) s[k] = p.get(k) || '';
    for (const k of MULTI) s[k] = p.getAll(k).filter(Boolean);
    return s;
  }

  function searchParams(s, { withPage = true, withDoc = false } = {}) {
    const p = new URLSearchParams();
    for (const k of SINGLE) {
      if (!s[k]) continue;
      if (k === 'page' && (!withPage || s[k] === '1')) continue;
      if (k === 'sort' && s[k] === 'relevance') continue;
      p.set(k, s[k]);
    }
    for (const k of MULTI) for (const v of s[k] || []) p.append(k, v);
    if (withDoc && s.doc) p.set('doc', s.doc);
    if (withDoc && s.adv) p.set('adv', '1');
    return p;
  }

  function urlOf(s) {
    const qs = searchParams(s, { withDoc: true }).toString();
    return qs ? `/?${qs}` : '/';
  }

  function navigate(s, { replace = false, fromSearch = false } = {}) {
    const url = urlOf(s);
    const state = fromSearch ? { fromSearch: true } : null;
    if (replace) history.replaceState(state, '', url); else history.pushState(state, '', url);
    render();
  }

  /** A copy of the current search state changed by `change`, back on page 1 unless the change sets a page. */
  function withChange(change) {
    const s = readState();
    s.doc = '';
    s.page = '';
    change(s);
    return s;
  }

  // ---------- talking to the API ----------

  let inflight = null;

  const NETWORK_ERROR = '无法连接到知识库服务，请检查网络或服务是否在运行，然后重试。';

  /** fetch, with a network failure (the promise rejects: no answer at all) told in Chinese. */
  async function fetchOrExplain(url, options) {
    try {
      return await fetch(url, options);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      const failure = new Error(NETWORK_ERROR);
      failure.network = true;
      throw failure;
    }
  }

  async function getJson(url) {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const res = await fetchOrExplain(url, { signal: inflight.signal, headers: { Accept: 'application/json' } });
    // A newer request aborts this one also while its body is read: that rejection is the abort, not a body without JSON.
    const body = await res.json().catch((e) => { if (e.name === 'AbortError') throw e; return null; });
    if (!res.ok) {
      const message = body && (body.detail || body.title) ? (body.detail || body.title) : `请求失败（${res.status}）`;
      throw new Error(message);
    }
    if (body === null) throw new Error(`服务的回答无法读取（${res.status}）`);
    return body;
  }

  /** An error in place of the results, with 重试 (the same URL again). */
  function errorNotice(message) {
    return el('div', { class: 'notice error', role: 'alert' }, message, ' ',
      el('button', { type: 'button', class: 'retry', onclick: render }, '重试'));
  }

  function showError(message) {
    clear($('notices')).append(errorNotice(message));
  }

  // ---------- search view ----------

  async function renderSearch(s) {
    $('search-view').hidden = false;
    $('document-view').hidden = true;
    $('q').value = s.q;
    $('sort').value = s.sort || 'relevance';
    $('from').value = /^\d{4}-\d{2}-\d{2}$/.test(s.from) ? s.from : '';
    $('to').value = /^\d{4}-\d{2}-\d{2}$/.test(s.to) ? s.to : '';
    $('written-from').value = /^\d{4}-\d{2}-\d{2}$/.test(s.writtenFrom) ? s.writtenFrom : '';
    $('written-to').value = /^\d{4}-\d{2}-\d{2}$/.test(s.writtenTo) ? s.writtenTo : '';
    showAdvanced(s);
    document.title = s.q ? `${s.q} - 政策知识库` : '政策知识库';

    const params = searchParams(s);
    if (!params.has('size')) params.set('size', String(PAGE_SIZE));
    // Without a query there is nothing to rank: show the newest documents first.
    if (!s.q && !s.sort) { params.set('sort', 'newest'); $('sort').value = 'newest'; }
    const exportParams = searchParams(s, { withPage: false });
    exportParams.delete('size');
    for (const a of document.querySelectorAll('a[data-export]')) {
      exportParams.set('format', a.dataset.export);
      a.href = `/api/export?${exportParams}`;
    }
    // The feed is the same search, always newest first and without paging.
    const feedParams = searchParams(s, { withPage: false });
    feedParams.delete('size'); feedParams.delete('sort');
    const feedUrl = new URL(`/feeds/search.atom?${feedParams}`, location.href).href;
    $('feed-link').href = feedUrl;
    $('feed-url').value = feedUrl;
    renderChips(s);
    $('summary').textContent = '正在检索…';
    setLoading(true);
    let result;
    try {
      // Only the facets the panel shows are counted.
      result = await getJson(`/api/search?${params}&facets=${FACETS.map((f) => f.name).join(',')}`);
    } catch (e) {
      if (e.name === 'AbortError') return;
      setLoading(false);
      $('summary').textContent = '';
      clear($('hits')); clear($('pager'));
      // The counts shown belong to the last search that answered, not to this one.
      clear($('facets')).append(el('p', { class: 'muted facets-stale' }, '检索未完成，筛选项暂不可用。'));
      renderExportNote(null);
      showError(e.message);
      return;
    }
    setLoading(false);
    renderSummary(result);
    renderSheetButton(result);
    renderNotices(result);
    renderHits(result, s);
    renderHitStatuses(result);
    renderPager(result, s);
    renderFacets(result.facets || {}, s);
    renderExportNote(result);
  }

  // ---------- export ----------

  let exportLimit = null;

  /** How many rows an export carries at most (the service's setting), asked once. */
  function loadExportLimit() {
    exportLimit = exportLimit || fetch('/api/export/limit', { headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null)).then((b) => (b && b.limit) || null).catch(() => { exportLimit = null; return null; });
    return exportLimit;
  }

  /** Says before the download what it will hold: every hit, or the first of them up to the cap. */
  async function renderExportNote(result) {
    const note = $('export-note');
    if (!result) { note.textContent = ''; return; }
    const found = result.partial ? result.partial.total : result.total;
    const limit = await loadExportLimit();
    const n = (x) => x.toLocaleString('zh-CN');
    note.textContent = limit && found > limit ? `将导出前 ${n(limit)} 条（共 ${n(found)} 条）` : `将导出全部 ${n(found)} 条`;
    note.classList.toggle('warn', Boolean(limit && found > limit));
  }

  // aria-busy tells screen readers (and anyone waiting on the page) that the hits shown are not yet those of the URL.
  function setLoading(on) {
    document.body.classList.toggle('loading', on);
    $('hits').setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function renderSummary(result) {
    const summary = clear($('summary'));
    const took = el('span', { class: 'took' }, `（用时 ${Math.round(result.tookMs)} 毫秒）`);
    // Partial matches (no document holds every word) are never reported as found: their count has its own label.
    if (result.partial) {
      summary.append('没有完全匹配的文件（共找到 ', el('strong', { id: 'total' }, '0'), ' 件）；',
        el('span', { class: 'partial' }, `部分匹配（${result.partial.label}）`, el('strong', { id: 'partial-total' }, result.partial.total.toLocaleString('zh-CN')), ' 件'), took);
      return;
    }
    summary.append('共找到 ', el('strong', { id: 'total' }, result.total.toLocaleString('zh-CN')), ' 件文件', took);
  }

  /** The phone sheet's button names how many hits closing it shows. */
  function renderSheetButton(result) {
    const shown = result.partial ? result.partial.total : result.total;
    $('filters-apply').textContent = `查看 ${shown.toLocaleString('zh-CN')} 条结果`;
  }

  function renderNotices(result) {
    const notices = clear($('notices'));
    for (const w of result.warnings || []) notices.append(el('div', { class: 'notice' }, w));
    if ((result.expansions || []).length) notices.append(el('div', { class: 'notice subtle' }, '同义词扩展：' + result.expansions.join('；')));
  }

  function renderHits(result, s) {
    const list = clear($('hits'));
    if (!result.hits.length) {
      const found = result.partial ? result.partial.total : result.total;
      const size = parseInt(s.size, 10) || PAGE_SIZE;
      const last = Math.min(Math.ceil(found / size), Math.floor(MAX_WINDOW / size));
      // A page past the end (page=99 of 20 hits): the hits exist, this page holds none of them.
      if (found > 0 && (parseInt(s.page, 10) || 1) > last) {
        const back = withChange((n) => { n.page = String(last); });
        list.append(el('li', { class: 'empty out-of-range', role: 'alert' },
          `超出结果范围：共 ${found.toLocaleString('zh-CN')} 件，每页 ${size} 件，第 ${s.page} 页没有结果。`,
          el('a', { href: urlOf(back), onclick: (ev) => { ev.preventDefault(); navigate(back); } }, `回到最后一页（第 ${last} 页）`)));
        return;
      }
      list.append(el('li', { class: 'empty' }, '没有找到符合条件的文件。可以减少筛选条件或换用其他关键词。'));
      return;
    }
    const tray = trayItems();
    for (const hit of result.hits) {
      const title = documentLink(hit, s, { fromSearch: true });
      title.classList.add('hit-title');
      if (hit.titleHighlighted) appendMarked(clear(title), hit.titleHighlighted);

      const meta = el('div', { class: 'hit-meta' },
        hit.documentType ? el('span', { class: 'tag' }, hit.documentType) : null,
        hit.issuers.length ? el('span', { class: 'issuers' }, hit.issuers.join('、')) : null,
        hit.documentNumber ? el('span', { class: 'docno' }, hit.documentNumber) : null,
        hit.writtenDate ? el('span', {}, `成文 ${hit.writtenDate}`) : null,
        hit.publishedDate ? el('span', {}, `发布 ${hit.publishedDate}`) : null,
        el('span', { class: 'site' }, SITE_NAMES[hit.site] || hit.site),
        hit.parent ? el('span', { class: 'parent' }, '附件，属于：', documentLink(hit.parent, s, { fromSearch: true })) : null);

      const snippets = el('div', { class: 'snippets' });
      for (const sn of hit.snippets.slice(0, 2)) snippets.append(appendMarked(el('p', { class: 'snippet' }), sn));

      const inTray = tray.some((t) => t.id === hit.id);
      const add = el('button', { type: 'button', class: 'add-brief' + (inTray ? ' added' : ''), 'data-id': hit.id }, inTray ? '已加入简报' : '加入简报');
      add.addEventListener('click', () => toggleTray(hit, add));

      list.append(el('li', { class: 'hit', 'data-id': hit.id },
        el('div', { class: 'hit-head' }, el('h3', {}, title), add), meta, snippets));
    }
  }

  /** 效力 badges on the hits, fetched after them so that the hits never wait; 未知 shows none. */
  async function renderHitStatuses(result) {
    if (!result.hits.length) return;
    const ids = new URLSearchParams();
    for (const hit of result.hits) ids.append('id', hit.id);
    let statuses;
    try {
      const res = await fetch(`/api/status?${ids}`, { headers: { Accept: 'application/json' } });
      if (!res.ok) return;
      statuses = await res.json();
    } catch { return; }
    for (const li of $('hits').querySelectorAll('li.hit')) {
      const st = statuses[li.dataset.id];
      const meta = li.querySelector('.hit-meta');
      if (!st || st.state === '未知' || !meta || meta.querySelector('.status-tag')) continue;
      meta.prepend(el('span', { class: `tag status-tag status-${STATUS_CLASSES[st.state] || 'unknown'}`, title: st.evidence || '' }, st.state));
    }
  }

  function renderPager(result, s) {
    const nav = clear($('pager'));
    const size = parseInt(s.size, 10) || PAGE_SIZE;
    const shown = result.partial ? result.partial.total : result.total;
    const pages = Math.min(Math.ceil(shown / size), Math.floor(MAX_WINDOW / size));
    const page = Math.min(Math.max(parseInt(s.page, 10) || 1, 1), Math.max(pages, 1));
    if (pages <= 1) return;
    const go = (n) => { const next = readState(); next.page = String(n); next.doc = ''; navigate(next); window.scrollTo(0, 0); };
    const button = (label, n, opts = {}) => el('button', {
      type: 'button', class: opts.current ? 'current' : '', disabled: opts.disabled || opts.current,
      'aria-current': opts.current ? 'page' : null, 'aria-label': opts.aria || null, onclick: () => go(n),
    }, label);
    nav.append(button('上一页', page - 1, { disabled: page <= 1 }));
    const first = Math.max(1, Math.min(page - 3, pages - 6));
    const last = Math.min(pages, first + 6);
    if (first > 1) nav.append(button('1', 1), el('span', { class: 'gap' }, '…'));
    for (let n = first; n <= last; n++) nav.append(button(String(n), n, { current: n === page, aria: `第 ${n} 页` }));
    if (last < pages) nav.append(el('span', { class: 'gap' }, '…'), button(String(pages), pages));
    nav.append(button('下一页', page + 1, { disabled: page >= pages }));
  }

  const expandedFacets = new Set();
  /** Issuers the user unfolded or folded: the top level starts unfolded, lower levels folded (except above a selected value). */
  const openIssuers = new Set();
  const foldedIssuers = new Set();
  let issuerFilter = '';

  function renderFacets(facets, s) {
    // Re-rendering replaces every checkbox: the one the user was on (ticked with Space, say) gets the focus back.
    const active = document.activeElement;
    const refocus = active && $('facets').contains(active)
      ? (active.dataset.value !== undefined ? `input[data-facet="${CSS.escape(active.dataset.facet)}"][data-value="${CSS.escape(active.dataset.value)}"]`
        : active.classList.contains('facet-filter') ? 'input.facet-filter' : null)
      : null;
    const box = clear($('facets'));
    for (const f of FACETS) {
      const values = facets[f.name] || [];
      const selected = s[f.name] || [];
      if (!values.length && !selected.length) continue;
      // Selected values first (even when their count is 0), then the rest by count as the server gave them.
      const byValue = new Map(values.map((v) => [v.value, v.count]));
      const ordered = [...selected.map((v) => ({ value: v, count: byValue.get(v) ?? 0 })),
        ...values.filter((v) => !selected.includes(v.value))];
      if (f.name === 'year') ordered.sort((a, b) => (selected.includes(b.value) - selected.includes(a.value)) || b.value.localeCompare(a.value));
      const block = el('section', { class: 'filter-block facet', 'data-facet': f.name }, el('h2', {}, f.label));
      if (f.name === 'issuer') {
        renderIssuerFacet(block, values, selected, facets);
      } else {
        const expanded = expandedFacets.has(f.name);
        const shown = expanded ? ordered : ordered.slice(0, Math.max(FACET_SHOWN, selected.length));
        block.append(el('ul', { class: 'facet-values' }, shown.map((v) => facetRow(f, v, selected))));
        if (ordered.length > shown.length || expanded) block.append(moreButton(f, expanded, ordered.length - shown.length, facets));
      }
      box.append(block);
    }
    if (refocus) box.querySelector(refocus)?.focus();
  }

  function moreButton(f, expanded, hidden, facets) {
    return el('button', {
      type: 'button', class: 'link more',
      onclick: () => { if (expanded) expandedFacets.delete(f.name); else expandedFacets.add(f.name); renderFacets(facets, readState()); },
    }, expanded ? '收起' : `更多（${hidden}）`);
  }

  function facetRow(f, v, selected) {
    const checked = selected.includes(v.value);
    const id = `f-${f.name}-${hashCode(v.value)}`;
    const input = el('input', { type: 'checkbox', id, checked, 'data-facet': f.name, 'data-value': v.value });
    input.addEventListener('change', () => navigate(withChange((n) => {
      n[f.name] = checked ? n[f.name].filter((x) => x !== v.value) : [...n[f.name], v.value];
    })));
    const label = f.name === 'site' ? (SITE_NAMES[v.value] || v.value) : v.value;
    return el('li', { class: checked ? 'selected' : '' },
      el('label', { for: id }, input, el('span', { class: 'facet-label', title: label }, label), el('span', { class: 'count' }, v.count.toLocaleString('zh-CN'))));
  }

  /**
   * The issuers as a tree (each value under the nearest listed issuer above it, as the server says) with a filter box:
   * typing shows the matching issuers with the issuers above them, unfolded.
   */
  function renderIssuerFacet(block, values, selected, facets) {
    const f = FACETS.find((x) => x.name === 'issuer');
    const all = [...values, ...selected.filter((v) => !values.some((x) => x.value === v)).map((v) => ({ value: v, count: 0 }))];
    const byValue = new Map(all.map((v) => [v.value, v]));
    const children = new Map();
    const roots = [];
    for (const v of all) {
      const parent = v.parent && byValue.has(v.parent) ? v.parent : null;
      if (parent) { if (!children.has(parent)) children.set(parent, []); children.get(parent).push(v); } else roots.push(v);
    }
    const parentOf = (name) => { const v = byValue.get(name); return v && v.parent && byValue.has(v.parent) ? v.parent : null; };
    // Above a selected value the tree is unfolded, so the selection is in sight.
    for (const v of selected) for (let up = parentOf(v); up; up = parentOf(up)) openIssuers.add(up);

    const filter = el('input', { type: 'search', class: 'facet-filter', placeholder: '筛选发文机关', 'aria-label': '筛选发文机关', value: issuerFilter });
    const tree = el('div', { class: 'issuer-tree' });
    block.append(filter, tree);

    const draw = () => {
      const needle = issuerFilter.trim();
      const shownSet = new Set();
      if (needle) {
        for (const v of all) if (v.value.includes(needle)) for (let x = v.value; x; x = parentOf(x)) shownSet.add(x);
      }
      const expanded = expandedFacets.has('issuer');
      // Each level shows its first values (and the selected ones) until 更多 unfolds them all.
      let hidden = 0;
      const visible = (nodes) => {
        if (needle) return nodes.filter((v) => shownSet.has(v.value));
        const kept = nodes.filter((v, i) => expanded || i < FACET_SHOWN || selected.includes(v.value));
        hidden += nodes.length - kept.length;
        return kept;
      };
      const isOpen = (v, depth) => !!needle || openIssuers.has(v.value) || (depth === 0 && !foldedIssuers.has(v.value));
      // One flat list, each row indented by its depth: a row holds only its own checkbox and count.
      const branch = (nodes, depth) => nodes.flatMap((v) => {
        const row = facetRow(f, v, selected);
        row.classList.add(`depth-${Math.min(depth, 4)}`);
        const kids = (children.get(v.value) || []).filter((k) => !needle || shownSet.has(k.value));
        if (!kids.length) return [row];
        const open = isOpen(v, depth);
        const toggle = el('button', {
          type: 'button', class: 'tree-toggle', 'aria-expanded': String(open),
          'aria-label': `${open ? '收起' : '展开'}${v.value}的下属机关（${kids.length}）`,
          onclick: () => {
            openIssuers.delete(v.value); foldedIssuers.delete(v.value);
            (open ? foldedIssuers : openIssuers).add(v.value);
            draw();
            tree.querySelector(`button.tree-toggle[data-value="${CSS.escape(v.value)}"]`)?.focus();
          },
        }, open ? '▾' : '▸');
        toggle.dataset.value = v.value;
        row.querySelector('label').before(toggle);
        row.classList.add('has-children');
        return open ? [row, ...branch(visible(kids), depth + 1)] : [row];
      });
      const rootList = visible(roots);
      clear(tree).append(rootList.length ? el('ul', { class: 'facet-values' }, branch(rootList, 0)) : el('p', { class: 'muted' }, '没有匹配的发文机关'));
      if (!needle && (hidden > 0 || expanded)) tree.append(moreButton(f, expanded, hidden, facets));
    };
    filter.addEventListener('input', () => { issuerFilter = filter.value; draw(); });
    draw();
  }

  function hashCode(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return (h >>> 0).toString(36);
  }

  function renderChips(s) {
    const box = clear($('chips'));
    const chips = [];
    const chip = (label, remove) => chips.push(el('button', { type: 'button', class: 'chip', title: '移除此条件', onclick: () => navigate(withChange(remove)) },
      label, el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
    for (const k of MULTI) {
      const facet = FACETS.find((f) => f.name === k);
      const name = facet ? facet.label : (PARAM_LABELS[k] || k);
      for (const v of s[k]) chip(`${name}：${k === 'site' ? (SITE_NAMES[v] || v) : v}`, (n) => { n[k] = n[k].filter((x) => x !== v); });
    }
    if (s.from || s.to) chip(`发布日期：${s.from || '不限'} 至 ${s.to || '不限'}`, (n) => { n.from = ''; n.to = ''; });
    if (s.writtenFrom || s.writtenTo) chip(`成文日期：${s.writtenFrom || '不限'} 至 ${s.writtenTo || '不限'}`, (n) => { n.writtenFrom = ''; n.writtenTo = ''; });
    $('filters-toggle').textContent = chips.length ? `筛选（${chips.length}）` : '筛选';
    if (!chips.length) return;
    box.append(...chips, el('button', {
      type: 'button', class: 'link clear-all',
      onclick: () => navigate(withChange((n) => { for (const k of MULTI) n[k] = []; n.from = n.to = n.writtenFrom = n.writtenTo = ''; })),
    }, '清除全部筛选'));
  }

  // ---------- advanced search (高级检索) ----------
  // The panel writes the query language (title:"…", body:a OR body:b, written:2021-01-01..2022-12-31) into the query
  // box, so the URL holds it as q and a shared link reproduces it; opening the panel reads the fields back from q.

  const ADV_FIELDS = ['title', 'body', 'docno', 'issuer'];
  const ADV_DATES = { written: ['adv-written-from', 'adv-written-to'], published: ['adv-published-from', 'adv-published-to'] };
  const ADV_DATE_NAMES = { written: '成文日期', published: '发布日期' };
  const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

  /** The query's tokens as the server reads them: [-][prefix:]("phrase" | word), OR between terms. */
  function queryTokens(q) {
    const text = String(q || '').replace(/：/g, ':').replace(/[“”＂]/g, '"');
    const tokens = [];
    const re = /(-?)(?:([A-Za-z\u4e00-\u9fff]+):)?(?:"([^"]*)"|([^\s"]+))/g;
    let m;
    while ((m = re.exec(text)) !== null) {
      tokens.push({ raw: m[0], negated: !!m[1], field: m[2] ? m[2].toLowerCase() : '', quoted: m[3] !== undefined, text: m[3] !== undefined ? m[3] : m[4] });
    }
    return tokens;
  }

  /** Reads the panel's fields from a query; whatever no field holds stays in 关键词. */
  function readAdvanced(q) {
    const out = { any: [], fields: {}, dates: {} };
    const tokens = queryTokens(q);
    for (let i = 0; i < tokens.length; i++) {
      const group = [tokens[i]];
      while (i + 2 < tokens.length && tokens[i + 1].raw === 'OR' && !tokens[i + 1].field) { group.push(tokens[i + 2]); i += 2; }
      const t = group[0];
      const field = group.every((g) => g.field === t.field && !g.negated) ? t.field : '';
      if (ADV_FIELDS.includes(field) && !out.fields[field] && (group.length > 1 ? group.every((g) => !g.quoted) : true)) {
        out.fields[field] = { value: group.map((g) => g.text).join(' '), mode: group.length === 1 && t.quoted ? 'exact' : 'any' };
        continue;
      }
      if (group.length === 1 && ADV_DATES[field] && !t.negated && !out.dates[field]) {
        const [from, to] = t.text.includes('..') ? t.text.split('..') : [t.text, t.text];
        if ((from === '' || FULL_DATE.test(from)) && (to === '' || FULL_DATE.test(to)) && (from || to)) { out.dates[field] = { from, to }; continue; }
      }
      out.any.push(group.map((g) => g.raw).join(' OR '));
    }
    return out;
  }

  function fillAdvanced(q) {
    const read = readAdvanced(q);
    $('adv-any').value = read.any.join(' ');
    for (const f of ADV_FIELDS) {
      $(`adv-${f}`).value = read.fields[f] ? read.fields[f].value : '';
      $(`adv-${f}-mode`).value = read.fields[f] ? read.fields[f].mode : (f === 'docno' ? 'any' : 'exact');
    }
    for (const [d, [from, to]] of Object.entries(ADV_DATES)) {
      $(from).value = read.dates[d] ? read.dates[d].from : '';
      $(to).value = read.dates[d] ? read.dates[d].to : '';
    }
    $('adv-error').hidden = true;
    $('adv-query').textContent = composeAdvanced();
  }

  /** The query the panel's fields stand for. */
  function composeAdvanced() {
    const parts = [];
    const any = $('adv-any').value.trim();
    if (any) parts.push(any);
    for (const f of ADV_FIELDS) {
      const value = $(`adv-${f}`).value.replace(/["“”]/g, ' ').trim();
      if (!value) continue;
      if ($(`adv-${f}-mode`).value === 'exact') parts.push(`${f}:"${value}"`);
      else parts.push(value.split(/\s+/).map((w) => `${f}:${w}`).join(' OR '));
    }
    for (const [d, [from, to]] of Object.entries(ADV_DATES)) {
      if ($(from).value || $(to).value) parts.push(`${d}:${$(from).value}..${$(to).value}`);
    }
    return parts.join(' ');
  }

  /** A range that runs backwards, named in Chinese; null when every range is in order. */
  function advancedError() {
    for (const [d, [from, to]] of Object.entries(ADV_DATES)) {
      if ($(from).value && $(to).value && $(from).value > $(to).value) {
        return `${ADV_DATE_NAMES[d]}范围无效：起始日期 ${$(from).value} 晚于截止日期 ${$(to).value}。`;
      }
    }
    return null;
  }

  function showAdvanced(s) {
    $('advanced').hidden = !s.adv;
    $('advanced-toggle').setAttribute('aria-expanded', String(!!s.adv));
    if (s.adv) fillAdvanced(s.q);
  }

  function wireAdvanced() {
    $('advanced-toggle').addEventListener('click', () => {
      const s = readState();
      s.adv = !s.adv;
      // Opening or closing the panel changes no result: the address records it, nothing is searched again.
      history.replaceState(history.state, '', urlOf(s));
      showAdvanced(s);
      if (s.adv) $('adv-any').focus();
    });
    $('adv-close').addEventListener('click', () => $('advanced-toggle').click());
    $('advanced').addEventListener('input', () => {
      const q = composeAdvanced();
      $('adv-query').textContent = q;
      $('q').value = q;
    });
    $('advanced').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const problem = advancedError();
      $('adv-error').hidden = !problem;
      $('adv-error').textContent = problem || '';
      if (problem) return;
      navigate(withChange((n) => { n.q = composeAdvanced(); n.adv = true; }));
    });
    $('adv-reset').addEventListener('click', () => {
      fillAdvanced('');
      $('q').value = '';
    });
    $('within-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const more = $('within').value.trim();
      if (!more) return;
      $('within').value = '';
      navigate(withChange((n) => { n.within = [...n.within, more]; }));
    });
  }

  // ---------- document view ----------

  async function renderDocument(s) {
    $('search-view').hidden = true;
    $('document-view').hidden = false;
    const back = $('back-link');
    back.href = urlOf({ ...s, doc: '' });
    const box = clear($('document'));
    box.append(el('p', { class: 'loading-text' }, '正在打开文件…'));
    let view;
    try {
      view = await getJson(`/api/documents/${encodeURIComponent(s.doc)}`);
    } catch (e) {
      if (e.name === 'AbortError') return;
      clear(box).append(errorNotice(e.message));
      return;
    }
    const d = view.document;
    document.title = `${d.title} - 政策知识库`;
    const terms = queryTerms(s.q);
    clear(box);
    const inTray = trayItems().some((t) => t.id === d.id);
    const add = el('button', { type: 'button', class: 'add-brief' + (inTray ? ' added' : ''), 'data-id': d.id }, inTray ? '已加入简报' : '加入简报');
    add.addEventListener('click', () => toggleTray({ id: d.id, title: d.title, issuers: d.issuers, documentNumber: d.documentNumber, publishedDate: d.publishedDate }, add));
    box.append(el('header', { class: 'doc-head' }, appendHighlighted(el('h1', { id: 'doc-title' }), d.title, terms), add));
    if (view.status) box.append(renderStatus(view.status, s));

    const rows = [
      ['发文机关', d.issuers.length ? d.issuers.join('、') : d.issuersRaw],
      ['文号', d.documentNumber],
      ['文种', d.documentType],
      ['成文日期', d.writtenDate],
      ['发布日期', d.publishedDate],
      ['索引号', d.indexNumber],
      ['主题分类', d.topics.join(' / ')],
      ['主题', d.themes.join('、')],
      ['关键词', d.keywords.join('、')],
      ['来源网站', SITE_NAMES[d.site] || d.site],
      ['原文链接', d.url ? externalLink(d.url) : null],
    ].filter(([, v]) => v);
    box.append(el('table', { class: 'meta-table' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))))));

    if (d.methodologies.length) {
      box.append(section('方法学', el('ul', { class: 'plain' }, d.methodologies.map((m) =>
        el('li', {}, el('span', { class: 'docno' }, m.code), ' ', m.name || '', m.sector ? `（${m.sector}）` : '')))));
    }

    const body = el('div', { class: 'doc-body' });
    const linksByBlock = new Map();
    for (const l of view.links || []) { if (!linksByBlock.has(l.block)) linksByBlock.set(l.block, []); linksByBlock.get(l.block).push(l); }
    const toc = tableOfContents(d.body);
    d.body.forEach((b, i) => {
      const node = b.kind === 'heading' ? el(`h${Math.min(6, 2 + Math.max(0, (b.level || 1) - 1))}`, { class: 'body-heading' }) : el('p');
      if (toc.some((t) => t.block === i)) { node.id = `sec-${i}`; node.tabIndex = -1; }
      body.append(appendLinked(node, b.text, linksByBlock.get(i) || [], terms, s));
    });
    if (!d.body.length) body.append(el('p', { class: 'muted' }, '（此文件没有正文文本）'));
    if (toc.length >= 2) box.append(renderToc(toc));
    box.append(section('正文', body));

    if (d.attachments.length) {
      box.append(section('附件', el('ul', { class: 'attachments' }, d.attachments.map((a) => el('li', {},
        a.url ? externalLink(a.url, a.name) : a.name, el('span', { class: 'tag' }, a.kind),
        a.text ? el('details', {}, el('summary', {}, '附件文本'), appendHighlighted(el('div', { class: 'attachment-text' }), a.text, terms)) : null)))));
    }

    const sources = d.sources.length ? d.sources : (d.url ? [{ url: d.url, site: d.site }] : []);
    if (sources.length) {
      box.append(section('发布来源', el('ul', { class: 'sources' }, sources.map((src) =>
        el('li', {}, el('span', { class: 'tag' }, SITE_NAMES[src.site] || src.site), externalLink(src.url))))));
    }

    if (d.relatedLinks.length) {
      box.append(section('相关链接', el('ul', { class: 'plain' }, d.relatedLinks.map((l) =>
        el('li', {}, el('span', { class: 'tag' }, l.kind), externalLink(l.url, l.title))))));
    }

    const related = view.related || { cites: [], citedBy: [], similar: [] };
    // Each document once, in the first group that names it: a notice is often parent, citer and most similar at once.
    const shown = new Set();
    const groups = [['所属文件', related.parent ? [related.parent] : []], ['附件文件', related.attachments], ['同文号文件', related.sameNumber || []],
      ['引用的文件', related.cites], ['被以下文件引用', related.citedBy], ['相似文件', related.similar]]
      .map(([label, docs]) => [label, (docs || []).filter((r) => !shown.has(r.id) && shown.add(r.id))])
      .filter(([, v]) => v.length);
    if (groups.length) {
      const rel = el('div', { class: 'related' });
      for (const [label, docs] of groups) {
        rel.append(el('h3', {}, label), el('ul', { class: 'plain' }, docs.map((r) =>
          el('li', {}, documentLink(r, s), r.documentNumber ? el('span', { class: 'docno' }, r.documentNumber) : null, r.publishedDate ? el('span', { class: 'muted' }, r.publishedDate) : null))));
      }
      box.append(section('相关文件', rel));
    }
    renderComparisons(view, box, s);
  }

  // ---------- comparisons: draft → final, versions ----------

  /** A JSON GET of its own (the page's getJson cancels the previous request; these run beside it). */
  async function fetchJson(url) {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error((body && (body.detail || body.title)) || `请求失败（${res.status}）`);
    return body;
  }

  /** Adds, under the document, its comparison with its final text (for a draft) and its version history. */
  async function renderComparisons(view, box, s) {
    const d = view.document;
    const id = encodeURIComponent(d.id);
    const still = () => box.isConnected && readState().doc === d.id;
    const final = view.status && view.status.state === '征求意见稿' && (view.status.by || [])[0];
    if (final) {
      const holder = el('div', { id: 'draft-compare' }, el('p', { class: 'loading-text' }, '正在对照正式文本…'));
      box.append(section('征求意见稿与正式文本对照', holder));
      try {
        const cmp = await fetchJson(`/api/documents/${id}/compare?with=${encodeURIComponent(final.id)}`);
        if (still()) clear(holder).append(renderComparison(cmp, s, '征求意见稿', '正式文本'));
      } catch (e) { clear(holder).append(el('div', { class: 'notice error', role: 'alert' }, e.message)); }
    }
    if (!(d.versions || []).length) return;
    let list;
    try { list = await fetchJson(`/api/documents/${id}/versions`); } catch { return; }
    if (!still() || list.versions.length < 2) return;
    const shown = el('div', { id: 'version-compare' });
    const rows = list.versions.slice().reverse().map((v) => {
      const label = `第 ${v.n} 版`;
      const compare = v.n > 1 && v.textKept && list.versions[v.n - 2].textKept
        ? el('button', { type: 'button', class: 'link compare-version', 'data-n': v.n, onclick: async () => {
          clear(shown).append(el('p', { class: 'loading-text' }, '正在对照…'));
          try { clear(shown).append(renderComparison(await fetchJson(`/api/documents/${id}/versions/${v.n}/diff`), s, `第 ${v.n - 1} 版`, label)); }
          catch (e) { clear(shown).append(el('div', { class: 'notice error', role: 'alert' }, e.message)); }
        } }, '与上一版对照')
        : null;
      return el('li', { class: 'version' }, el('span', { class: 'version-n' }, label), v.current ? el('span', { class: 'tag' }, '当前') : null,
        el('span', { class: 'muted' }, `抓取于 ${new Date(v.fetchedAt).toLocaleString('zh-CN')}`),
        v.length != null ? el('span', { class: 'muted' }, `${v.length.toLocaleString('zh-CN')} 字`) : el('span', { class: 'muted' }, '（文本未保留）'), compare);
    });
    box.append(section('版本历史', el('div', {}, el('ul', { class: 'plain versions' }, rows), shown)));
  }

  /** Side by side, one row a paragraph (or a run of changed paragraphs): deletions struck through on the left, insertions on the right. */
  function renderComparison(cmp, s, oldLabel, newLabel) {
    const side = (paragraphs) => el('td', {}, paragraphs.map((runs) => el('p', {}, runs.map((r) =>
      r.kind === 'inserted' ? el('ins', {}, r.text) : r.kind === 'deleted' ? el('del', {}, r.text) : r.text))));
    const head = (label, doc) => el('th', { scope: 'col' }, label, el('br'), doc.version ? doc.title : documentLink(doc, s), doc.publishedDate ? el('span', { class: 'muted' }, ` ${doc.publishedDate}`) : null);
    const diff = cmp.diff;
    return el('div', { class: 'compare' },
      el('p', { class: 'compare-summary' }, diff.inserted + diff.deleted === 0 ? '两者文字相同。' : `新增 ${diff.inserted} 字，删除 ${diff.deleted} 字。`),
      el('table', { class: 'compare-table' },
        el('thead', {}, el('tr', {}, head(oldLabel, cmp.old), head(newLabel, cmp.new))),
        el('tbody', {}, diff.rows.map((r) => el('tr', { class: r.changed ? 'changed' : 'same' }, side(r.old), side(r.new))))));
  }

  const CN_NUM = '一二三四五六七八九十百零〇两';
  /** Heading patterns of policy texts, highest first: 章, 节, 条, then 一、 （一） 1. */
  const TOC_RULES = [
    { re: new RegExp(`^第[${CN_NUM}\\d]+章`), rank: 0 },
    { re: new RegExp(`^第[${CN_NUM}\\d]+节`), rank: 1 },
    { re: new RegExp(`^第[${CN_NUM}\\d]+条`), rank: 2 },
    { re: new RegExp(`^[${CN_NUM}]+、`), rank: 3 },
    { re: new RegExp(`^[（(][${CN_NUM}]+[)）]`), rank: 4 },
    { re: /^\d{1,2}[.．、](?!\d)/, rank: 5 },
  ];
  const TOC_MAX = 60;

  /**
   * The body's headings for a table of contents: heading blocks and paragraphs that open with 第…章/节/条 or 一、（一）1.
   * Only the two highest kinds present are listed (a regulation's 章 and 节, not its hundred 条, when it has 章).
   */
  function tableOfContents(blocks) {
    const found = [];
    blocks.forEach((b, i) => {
      const text = b.text.trim();
      const rule = b.kind === 'heading' ? { rank: -1 + (b.level || 1) * 0.1 } : TOC_RULES.find((r) => r.re.test(text));
      if (!rule) return;
      // A numbered paragraph lists only its heading: up to the first sentence end or 30 characters.
      const cut = rule.rank === 2 ? Math.min(text.length, 16) : text.search(/[。；：:]/);
      const label = b.kind === 'heading' ? text : (cut > 0 && cut <= 30 ? text.slice(0, cut) : text.length > 30 ? text.slice(0, 30) + '…' : text);
      found.push({ block: i, rank: rule.rank, label });
    });
    // 条 are articles, not headings: listed only in a text without 章 or 节.
    const present = new Set(found.map((f) => f.rank));
    if (present.has(0) || present.has(1)) present.delete(2);
    const ranks = [...present].sort((a, b) => a - b).slice(0, 2);
    const kept = found.filter((f) => ranks.includes(f.rank));
    return kept.length > TOC_MAX ? kept.filter((f) => f.rank === ranks[0]) : kept.map((f) => ({ ...f, level: ranks.indexOf(f.rank) + 1 }));
  }

  function renderToc(toc) {
    return el('nav', { class: 'toc', 'aria-label': '目录' }, el('h2', {}, '目录'),
      el('ol', {}, toc.map((t) => el('li', { class: `toc-level-${t.level || 1}` }, el('a', {
        href: `#sec-${t.block}`,
        // The address keeps the search state: the anchor only scrolls and moves the focus.
        onclick: (ev) => { ev.preventDefault(); const target = $(`sec-${t.block}`); target.scrollIntoView({ block: 'start' }); target.focus({ preventScroll: true }); },
      }, t.label)))));
  }

  /** Appends a body text with the server's links (《titles》 and 文号 of the knowledge base) as document links, query terms marked. */
  function appendLinked(node, text, links, terms, s) {
    let at = 0;
    for (const l of links.slice().sort((a, b) => a.start - b.start)) {
      if (l.start < at || text.substr(l.start, l.length) !== l.text) continue;
      appendHighlighted(node, text.slice(at, l.start), terms);
      const a = documentLink({ id: l.id, title: l.text }, s);
      a.classList.add('text-link');
      a.title = l.title;
      node.append(a);
      at = l.start + l.length;
    }
    return appendHighlighted(node, text.slice(at), terms);
  }

  /**
   * A link that opens a document in the document view. From the results (fromSearch), 返回检索结果 goes back in
   * history, which restores them and their scroll position; from another document, the new one opens at its top.
   */
  const STATUS_CLASSES = { 现行有效: 'in-force', 已废止: 'repealed', 已修订: 'revised', 已失效: 'expired', 征求意见稿: 'draft', 未知: 'unknown' };
  const STATUS_BY = { 已废止: '废止依据：', 已修订: '修订依据：', 征求意见稿: '正式文本：' };

  /** The 效力 badge: the state the texts give, since when, the documents that made it so, and the sentence that says it. */
  function renderStatus(st, s) {
    const by = st.by || [];
    return el('div', { id: 'doc-status', class: `status status-${STATUS_CLASSES[st.state] || 'unknown'}` },
      el('span', { class: 'status-badge' }, st.state),
      st.since ? el('span', { class: 'status-since' }, st.state === '征求意见稿' ? `征求意见 ${st.since}` : `自 ${st.since}`) : null,
      by.length ? el('span', { class: 'status-by' }, STATUS_BY[st.state] || '', by.flatMap((b, i) => [i ? '；' : '', documentLink(b, s), b.date ? `（${b.date}）` : ''])) : null,
      st.evidence ? el('blockquote', { class: 'status-evidence' }, st.evidence) : null);
  }

  function documentLink(r, s, { fromSearch = false } = {}) {
    const a = el('a', { href: urlOf({ ...s, doc: r.id }) }, r.title);
    a.addEventListener('click', (ev) => {
      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      ev.preventDefault();
      navigate({ ...readState(), doc: r.id }, { fromSearch });
      if (!fromSearch) window.scrollTo(0, 0);
    });
    return a;
  }

  function section(title, content) {
    return el('section', { class: 'doc-section' }, el('h2', {}, title), content);
  }

  // ---------- brief tray ----------

  function trayItems() {
    try {
      const items = JSON.parse(localStorage.getItem(TRAY_KEY) || '[]');
      return Array.isArray(items) ? items.filter((i) => i && typeof i.id === 'string' && typeof i.title === 'string') : [];
    } catch { return []; }
  }

  function saveTray(items) {
    localStorage.setItem(TRAY_KEY, JSON.stringify(items));
    renderTray();
  }

  function toggleTray(hit, button) {
    const items = trayItems();
    const at = items.findIndex((i) => i.id === hit.id);
    if (at >= 0) items.splice(at, 1);
    else items.push({ id: hit.id, title: hit.title, issuers: hit.issuers || [], documentNumber: hit.documentNumber || null, publishedDate: hit.publishedDate || null });
    saveTray(items);
    const added = at < 0;
    button.classList.toggle('added', added);
    button.textContent = added ? '已加入简报' : '加入简报';
  }

  function renderTray() {
    const items = trayItems();
    $('tray-count').textContent = String(items.length);
    const list = clear($('tray-items'));
    if (!items.length) list.append(el('li', { class: 'muted' }, '简报篮是空的。'));
    items.forEach((item, i) => {
      list.append(el('li', { class: 'tray-item', 'data-id': item.id },
        el('div', { class: 'tray-title' }, item.title),
        el('div', { class: 'tray-meta' }, [item.issuers.join('、'), item.documentNumber, item.publishedDate].filter(Boolean).join(' · ')),
        el('div', { class: 'tray-item-actions' },
          el('button', { type: 'button', class: 'link', disabled: i === 0, onclick: () => moveTray(i, -1), 'aria-label': '上移' }, '↑'),
          el('button', { type: 'button', class: 'link', disabled: i === items.length - 1, onclick: () => moveTray(i, 1), 'aria-label': '下移' }, '↓'),
          el('button', { type: 'button', class: 'link danger', onclick: () => { const next = trayItems(); next.splice(i, 1); saveTray(next); syncAddButtons(); } }, '移除'))));
    });
    $('brief-generate').disabled = items.length === 0;
  }

  function moveTray(i, delta) {
    const items = trayItems();
    const j = i + delta;
    if (j < 0 || j >= items.length) return;
    [items[i], items[j]] = [items[j], items[i]];
    saveTray(items);
    // The editor's order is the brief's order within a section: a preview on screen follows it.
    if (!$('brief-preview').hidden) generateBrief();
  }

  function syncAddButtons() {
    const ids = new Set(trayItems().map((t) => t.id));
    for (const b of document.querySelectorAll('button.add-brief')) {
      const added = ids.has(b.dataset.id);
      b.classList.toggle('added', added);
      b.textContent = added ? '已加入简报' : '加入简报';
    }
  }

  function openTray(open) {
    $('tray').hidden = !open;
    $('tray-toggle').setAttribute('aria-expanded', String(open));
  }

  // ---------- brief editing: issue, summaries and sections kept with the tray (localStorage) ----------

  function briefSettings() {
    try {
      const s = JSON.parse(localStorage.getItem(BRIEF_KEY) || '{}');
      return s && typeof s === 'object' ? s : {};
    } catch { return {}; }
  }

  function saveBriefSetting(name, value) {
    const s = briefSettings();
    if (value) s[name] = value; else delete s[name];
    localStorage.setItem(BRIEF_KEY, JSON.stringify(s));
  }

  function renderBriefSettings() {
    const s = briefSettings();
    $('brief-year-issue').value = s.issueOfYear || '';
    $('brief-number').value = s.number || '';
    $('brief-date').value = s.date || '';
  }

  /** Changes one tray item (its summary text or section) and shows the brief again. */
  function editTrayItem(id, change) {
    const items = trayItems();
    const item = items.find((i) => i.id === id);
    if (!item) return;
    change(item);
    saveTray(items);
    generateBrief();
  }

  /** The request for /api/briefs: the tray's order, the editor's summaries and sections, the issue's number and date. */
  function briefRequest(format) {
    const items = trayItems();
    const s = briefSettings();
    const edits = {};
    const sections = {};
    for (const i of items) {
      if (typeof i.summary === 'string' && i.summary.trim()) edits[i.id] = i.summary;
      if (typeof i.section === 'string' && i.section) sections[i.id] = i.section;
    }
    const whole = (v) => (/^\d+$/.test(String(v || '')) ? Number(v) : null);
    return {
      ids: items.map((i) => i.id), format, edits, sections,
      issueOfYear: whole(s.issueOfYear), number: whole(s.number), date: s.date || null,
    };
  }

  /** POSTs the tray to /api/briefs; `format` json answers the brief for preview, md/html/docx a file. */
  async function postBrief(format) {
    const res = await fetchOrExplain('/api/briefs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: format === 'json' ? 'application/json' : '*/*' },
      body: JSON.stringify(briefRequest(format)),
    });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new Error((body && (body.detail || body.title)) || `请求失败（${res.status}）`);
    }
    return res;
  }

  async function generateBrief() {
    if (!trayItems().length) return;
    const status = $('brief-status');
    status.textContent = '正在生成简报…';
    let brief;
    try {
      brief = await (await postBrief('json')).json();
    } catch (e) {
      status.textContent = '生成失败：' + e.message;
      return;
    }
    status.textContent = `简报已生成，共 ${countItems(brief)} 篇文件。`;
    renderBriefPreview(brief);
    $('brief-downloads').hidden = false;
  }

  function countItems(brief) {
    const count = (sec) => (sec.items || []).length + (sec.sections || []).reduce((n, s) => n + count(s), 0);
    return (brief.sections || []).reduce((n, s) => n + count(s), 0) + (brief.unclassified ? count(brief.unclassified) : 0);
  }

  function renderBriefPreview(brief) {
    const box = clear($('brief-preview'));
    box.hidden = false;
    box.append(el('header', { class: 'brief-head' },
      el('h3', {}, brief.name),
      brief.subtitle ? el('p', {}, brief.subtitle) : null,
      el('p', {}, [brief.organisation, brief.issueLine, brief.dateLine].filter(Boolean).join('　'))));
    for (const w of brief.warnings || []) box.append(el('p', { class: 'notice' }, w));
    const choices = brief.sectionChoices || [];
    const renderSection = (sec) => {
      const node = el('section', { class: `brief-section level-${sec.level}`, 'data-key': sec.key || '' }, el(sec.level > 1 ? 'h5' : 'h4', {}, sec.heading));
      for (const item of sec.items || []) {
        node.append(el('div', { class: 'brief-item' + (item.edited ? ' edited' : ''), 'data-id': item.id },
          el('p', { class: 'brief-item-title' }, `${item.ordinal}. ${item.title}`),
          el('div', { class: 'brief-paras' }, (item.paragraphs || []).map((p) => el('p', { class: 'brief-para' }, p))),
          el('p', { class: 'brief-source' }, item.source.text, ' ', item.source.url ? externalLink(item.source.url, '原文') : null),
          itemTools(item, sec, choices)));
      }
      for (const sub of sec.sections || []) node.append(renderSection(sub));
      return node;
    };
    for (const sec of brief.sections || []) box.append(renderSection(sec));
    if (brief.unclassified && (brief.unclassified.items || []).length) box.append(renderSection(brief.unclassified));
  }

  /** Under each item: edit its summary in place, move it to another section. */
  function itemTools(item, sec, choices) {
    const move = el('select', { class: 'brief-move', 'aria-label': `“${item.title}”所在栏目` },
      el('option', { value: '' }, sec.key ? '按规则归类' : '未归类（按规则）'),
      choices.map((c) => el('option', { value: c.key }, c.key.replaceAll('/', ' › '))));
    move.value = sec.key && trayItems().some((t) => t.id === item.id && t.section === sec.key) ? sec.key : '';
    move.addEventListener('change', () => editTrayItem(item.id, (t) => { t.section = move.value || undefined; }));
    const edit = el('button', { type: 'button', class: 'link brief-edit' }, '编辑摘要');
    edit.addEventListener('click', () => editSummary(item, edit.closest('.brief-item')));
    const reset = item.edited
      ? el('button', { type: 'button', class: 'link brief-reset', onclick: () => editTrayItem(item.id, (t) => { delete t.summary; }) }, '恢复自动摘要')
      : null;
    return el('div', { class: 'brief-tools' }, edit, reset, el('label', {}, '移到 ', move));
  }

  function editSummary(item, node) {
    const paras = node.querySelector('.brief-paras');
    const area = el('textarea', { class: 'brief-summary-edit', rows: '6', 'aria-label': `“${item.title}”的摘要（一行一段）` });
    area.value = (item.paragraphs || []).join('\n');
    const save = el('button', { type: 'button', class: 'primary brief-save' }, '保存');
    const cancel = el('button', { type: 'button', class: 'brief-cancel' }, '取消');
    const editor = el('div', { class: 'brief-editor' }, area, el('div', { class: 'brief-editor-actions' }, save, cancel));
    paras.replaceWith(editor);
    area.focus();
    save.addEventListener('click', () => editTrayItem(item.id, (t) => { t.summary = area.value.trim() || undefined; }));
    cancel.addEventListener('click', () => editor.replaceWith(paras));
  }

  async function downloadBrief(format) {
    const status = $('brief-status');
    let res;
    try { res = await postBrief(format); } catch (e) { status.textContent = '下载失败：' + e.message; return; }
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: fileNameOf(res) || `brief.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function fileNameOf(res) {
    const cd = res.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) { try { return decodeURIComponent(star[1]); } catch { /* fall through */ } }
    const plain = /filename="?([^";]+)"?/i.exec(cd);
    return plain ? plain[1] : null;
  }

  // ---------- suggestions ----------

  let suggestTimer = 0;
  let suggestAbort = null;
  let activeSuggestion = -1;
  let suggestions = [];
  const SUGGESTION_KINDS = { document: '文件', term: '检索词', issuer: '发文机关' };

  function hideSuggestions() {
    $('suggestions').hidden = true;
    $('q').setAttribute('aria-expanded', 'false');
    activeSuggestion = -1;
  }

  async function loadSuggestions() {
    const prefix = $('q').value.trim();
    if (!prefix || prefix.length > 100) { hideSuggestions(); return; }
    if (suggestAbort) suggestAbort.abort();
    suggestAbort = new AbortController();
    let found;
    try {
      const res = await fetch(`/api/suggest?prefix=${encodeURIComponent(prefix)}`, { signal: suggestAbort.signal });
      if (!res.ok) { hideSuggestions(); return; }
      found = await res.json();
    } catch { return; }
    const list = clear($('suggestions'));
    if (!Array.isArray(found) || !found.length || document.activeElement !== $('q') || $('q').value.trim() !== prefix) { hideSuggestions(); return; }
    suggestions = found;
    found.forEach((sg, i) => {
      const kind = SUGGESTION_KINDS[sg.type] || '';
      const item = el('li', { role: 'option', id: `suggestion-${i}`, class: `suggestion suggestion-${sg.type}` },
        el('span', { class: 'suggestion-kind' }, kind), sg.type === 'document' ? sg.title : sg.text);
      item.addEventListener('mousedown', (ev) => { ev.preventDefault(); pickSuggestion(sg); });
      list.append(item);
    });
    list.hidden = false;
    $('q').setAttribute('aria-expanded', 'true');
    activeSuggestion = -1;
  }

  /** A document opens its page; a term or an issuer is searched for. */
  function pickSuggestion(sg) {
    if (sg.type === 'document') {
      clearTimeout(suggestTimer);
      hideSuggestions();
      navigate({ ...readState(), doc: sg.id });
      window.scrollTo(0, 0);
      return;
    }
    $('q').value = sg.text;
    hideSuggestions();
    submitSearch();
  }

  function moveSuggestion(delta) {
    const items = [...$('suggestions').children];
    if ($('suggestions').hidden || !items.length) return false;
    activeSuggestion = (activeSuggestion + delta + items.length) % items.length;
    items.forEach((it, i) => it.setAttribute('aria-selected', String(i === activeSuggestion)));
    $('q').setAttribute('aria-activedescendant', items[activeSuggestion].id);
    return true;
  }

  function submitSearch() {
    // A suggestion request still under way must not reopen the list over the new results.
    clearTimeout(suggestTimer);
    if (suggestAbort) suggestAbort.abort();
    hideSuggestions();
    navigate(withChange((n) => { n.q = $('q').value.trim(); }));
  }

  // ---------- wiring ----------

  /** On a phone the filters are a sheet over the hits (ticking a filter keeps it open). */
  function openFilters(open) {
    $('search-view').classList.toggle('filters-open', open);
    $('filters-toggle').setAttribute('aria-expanded', String(open));
    if (open) $('filters-close').focus();
  }

  function render() {
    const s = readState();
    if (s.doc) renderDocument(s); else renderSearch(s);
  }

  function wire() {
    $('search-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (activeSuggestion >= 0 && !$('suggestions').hidden) { pickSuggestion(suggestions[activeSuggestion]); return; }
      submitSearch();
    });
    $('q').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(loadSuggestions, 150); });
    $('q').addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' && moveSuggestion(1)) ev.preventDefault();
      else if (ev.key === 'ArrowUp' && moveSuggestion(-1)) ev.preventDefault();
      else if (ev.key === 'Escape') hideSuggestions();
    });
    $('q').addEventListener('blur', () => setTimeout(hideSuggestions, 100));
    $('sort').addEventListener('change', () => navigate(withChange((n) => { n.sort = $('sort').value; })));
    // On a narrow screen the filters fold away behind this button, so the hits come first.
    $('filters-toggle').addEventListener('click', () => openFilters(!$('search-view').classList.contains('filters-open')));
    $('filters-close').addEventListener('click', () => { openFilters(false); $('filters-toggle').focus(); });
    // 查看 N 条结果: the sheet closes and the hits it chose are in view, with the focus on them.
    $('filters-apply').addEventListener('click', () => {
      openFilters(false);
      $('results').focus({ preventScroll: true });
      $('results').scrollIntoView({ block: 'start' });
    });
    wireAdvanced();
    document.querySelector('.skip-link').addEventListener('click', (ev) => {
      ev.preventDefault();
      const target = $('search-view').hidden ? $('document') : $('results');
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
    });
    $('date-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      navigate(withChange((n) => { n.from = $('from').value; n.to = $('to').value; n.writtenFrom = $('written-from').value; n.writtenTo = $('written-to').value; }));
    });
    $('home-link').addEventListener('click', (ev) => { ev.preventDefault(); navigate({ ...withChange((n) => { for (const k of MULTI) n[k] = []; for (const k of SINGLE) n[k] = ''; }) }); });
    $('back-link').addEventListener('click', (ev) => {
      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      // Came from the results: go back in history so that the browser restores them and their scroll position.
      if (history.state && history.state.fromSearch) history.back();
      else navigate({ ...readState(), doc: '' });
    });
    $('feed-toggle').addEventListener('click', () => {
      const open = $('feed-box').hidden;
      $('feed-box').hidden = !open;
      $('feed-toggle').setAttribute('aria-expanded', String(open));
      if (open) $('feed-url').select();
    });
    $('feed-url').addEventListener('focus', () => $('feed-url').select());
    $('tray-toggle').addEventListener('click', () => openTray($('tray').hidden));
    $('tray-close').addEventListener('click', () => openTray(false));
    $('tray-clear').addEventListener('click', () => {
      saveTray([]); syncAddButtons();
      $('brief-preview').hidden = true; $('brief-downloads').hidden = true; $('brief-status').textContent = '';
    });
    $('brief-generate').addEventListener('click', generateBrief);
    for (const [id, name] of [['brief-year-issue', 'issueOfYear'], ['brief-number', 'number'], ['brief-date', 'date']]) {
      $(id).addEventListener('change', () => {
        saveBriefSetting(name, $(id).value.trim());
        if (!$('brief-preview').hidden) generateBrief();
      });
    }
    for (const b of $('brief-downloads').querySelectorAll('button[data-format]')) b.addEventListener('click', () => downloadBrief(b.dataset.format));
    window.addEventListener('popstate', render);
    window.addEventListener('storage', (ev) => {
      if (ev.key === TRAY_KEY) { renderTray(); syncAddButtons(); }
      if (ev.key === BRIEF_KEY) renderBriefSettings();
    });
  }

  wire();
  renderTray();
  renderBriefSettings();
  render();
})();
