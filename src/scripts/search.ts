/**
 * The search page's island: `<site-search data-bundle data-base data-facet-order>`.
 * Loads Pagefind's JS API from the bundle only here (never on content pages),
 * on the main thread (no worker: fewer bytes), rewrites each query into our
 * encoded n-grams (src/lib/search-query.ts), and renders results, facets with
 * counts and a status line. The query and filters live in the URL.
 *
 * For tests and the benchmark the element exposes `data-state`
 * (idle → loading → searching → done | error), `data-ready` once Pagefind
 * is loaded and, after each search, `data-search-ms` (query to rendered
 * results), `data-result-count` and `data-query` (the query it answers).
 */
import { planQuery, type QueryPlan } from '../lib/search-query.ts';
import { FILTER_GROUPS, hasFilters, pagefindFilters, readState, toggleFilter, writeState, type FilterKey, type SearchState } from '../lib/search-url.ts';
import { excerpt } from '../lib/search-excerpt.ts';
import { TERM_FIELDS, TERM_WEIGHTS } from '../lib/search-index.ts';
import { nameMatchRank, rerank, resultNames } from '../lib/search-rank.ts';

type Counts = Record<string, Record<string, number>>;
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  /** Meta fields the query matched in (Pagefind 1.5+). */
  matchedMetaFields?: string[];
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
  totalFilters: Counts;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: object }): Promise<PagefindResponse>;
  filters(): Promise<Counts>;
}

/** Results shown first (as soon as their records arrive), then per page ("さらに表示" adds as many again). */
const FIRST_SIZE = 5;
const PAGE_SIZE = 10;
/** Results tied with the last of the first page are reranked with it, up to this many. */
const RERANK_MAX = 20;
/** Typing pause before searching. */
const DEBOUNCE_MS = 250;

class SiteSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #filters?: Promise<Counts>;
  /** The Pagefind query string of the results shown (plain or relaxed). */
  #used = '';
  /** The search whose facet counts are on screen. */
  #counted?: number;
  #state: SearchState = { q: '', filters: {} };
  #results: PagefindResult[] = [];
  #shown = 0;
  #words: string[] = [];
  #seq = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #order: Partial<Record<FilterKey, string[]>> = {};

  connectedCallback(): void {
    this.querySelector('[data-noscript]')?.setAttribute('hidden', '');
    this.querySelector('[data-facets-box]')?.removeAttribute('hidden');
    try {
      this.#order = JSON.parse(this.dataset.facetOrder ?? '{}');
    } catch {
      this.#order = {};
    }
    this.dataset.state = 'idle';
    const form = this.querySelector('form')!;
    const input = this.#input;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#go({ ...this.#state, q: input.value }, 'push');
    });
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#go({ ...this.#state, q: input.value }, 'replace'), DEBOUNCE_MS);
    });
    // Load the index as soon as the visitor shows intent, or right away when the URL already holds a search.
    for (const type of ['focusin', 'pointerover']) form.addEventListener(type, () => void this.#load().catch(() => {}), { once: true });
    this.querySelector('[data-more]')!.addEventListener('click', () => void this.#renderMore());
    this.querySelector('[data-facets-box]')!.addEventListener('toggle', (e) => {
      if ((e.target as HTMLDetailsElement).open) void this.#showFacets().catch(() => {});
    });
    this.querySelector('[data-facets]')!.addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      if (box.type !== 'checkbox') return;
      this.#go(toggleFilter(this.#state, box.name as FilterKey, box.value, box.checked), 'push');
    });
    window.addEventListener('popstate', () => this.#fromLocation());
    this.#fromLocation();
  }

  get #input(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('#search-q')!;
  }

  #fromLocation(): void {
    this.#state = readState(new URLSearchParams(location.search));
    this.#input.value = this.#state.q;
    if (this.#state.q || hasFilters(this.#state)) void this.#search();
  }

  /** Moves to a new state: URL first, then the search. */
  #go(state: SearchState, history: 'push' | 'replace'): void {
    clearTimeout(this.#timer);
    state = { q: state.q.trim(), filters: state.filters };
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    this.#state = state;
    void this.#search();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle!;
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pf.options({ basePath: bundle, baseUrl: this.dataset.base, noWorker: true, ranking: { metaWeights: TERM_WEIGHTS } });
      await pf.init();
      this.dataset.ready = 'true';
      return pf;
    })();
    return this.#pagefind;
  }

  #status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  async #search(): Promise<void> {
    const seq = ++this.#seq;
    const state = this.#state;
    const plan = planQuery(state.q);
    this.dataset.state = this.#pagefind ? 'searching' : 'loading';
    if (!this.#pagefind) this.#status('検索の準備をしています…');
    let pf: Pagefind;
    try {
      pf = await this.#load();
    } catch {
      this.dataset.state = 'error';
      this.#status('検索を読み込めませんでした。下の一覧から探してください。');
      return;
    }
    if (seq !== this.#seq) return;
    const started = performance.now();
    performance.mark('ra-search:start');
    this.#used = plan.terms;
    let results: PagefindResult[] = [];
    let relaxed = false;
    if (plan.terms || hasFilters(state)) {
      results = (await this.#run(pf, plan.terms)).results;
      if (results.length === 0 && plan.relaxed) {
        results = (await this.#run(pf, plan.relaxed)).results;
        this.#used = plan.relaxed;
        relaxed = true;
      }
    }
    this.#words = relaxed ? (plan.relaxedWords ?? plan.words) : plan.words;
    performance.mark('ra-search:pagefind');
    const ordered = await this.#rerank(results, this.#words);
    performance.mark('ra-search:records');
    if (seq !== this.#seq) return;
    this.#results = ordered;
    this.#counted = undefined;
    await this.#renderResults(plan, relaxed, state);
    if (seq !== this.#seq) return;
    this.dataset.searchMs = String(Math.round((performance.now() - started) * 10) / 10);
    performance.mark('ra-search:shown');
    await this.#renderMore(PAGE_SIZE - this.#shown);
    if (seq !== this.#seq) return;
    // Facet counts need every filter's index: fetched only once the facets are opened (always when a filter is set).
    const box = this.querySelector<HTMLDetailsElement>('[data-facets-box]')!;
    if (hasFilters(state)) box.open = true;
    if (box.open) await this.#showFacets();
    if (seq !== this.#seq) return;
    this.dataset.resultCount = String(this.#results.length);
    this.dataset.query = state.q;
    this.dataset.state = 'done';
  }

  /** One Pagefind search with the current filters, one filter left out if asked. */
  #run(pf: Pagefind, terms: string, without?: FilterKey): Promise<PagefindResponse> {
    return pf.search(terms || null, { filters: pagefindFilters(this.#state.filters, without) });
  }

  /** Counts for every facet value under the current query, then the facets. */
  async #showFacets(): Promise<void> {
    if (this.#counted === this.#seq) return;
    const seq = this.#seq;
    const state = this.#state;
    const pf = await this.#load();
    this.#filters ??= pf.filters();
    const totals = await this.#filters;
    let counts: Counts = totals;
    if (this.#used || hasFilters(state)) {
      counts = { ...totals, ...(await this.#run(pf, this.#used)).filters };
      // A filter's own counts ignore its own selection, so its other values stay choosable (values are alternatives).
      for (const { key } of FILTER_GROUPS) if (state.filters[key]?.length) counts[key] = (await this.#run(pf, this.#used, key)).filters[key] ?? {};
    }
    if (seq !== this.#seq) return;
    this.#renderFacets(counts, state);
    this.#counted = seq;
  }

  /**
   * Puts exact name matches first among the results tied with the best one (see search-rank.ts). Only pages that
   * matched in the names field can hold every query word in a name, and those all score alike and above the rest,
   * so the records fetched for this are the first few (needed anyway) and further name matches tied with the best.
   */
  async #rerank(results: PagefindResult[], words: string[]): Promise<PagefindResult[]> {
    const top = results[0];
    const byName = (r: PagefindResult) => r.matchedMetaFields?.includes(TERM_FIELDS.names) ?? false;
    if (words.length === 0 || !top || !byName(top)) return results;
    const tied = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
    let k = Math.min(results.length, FIRST_SIZE);
    while (k < results.length && k < RERANK_MAX && byName(results[k]!) && tied(results[k]!.score, top.score)) k++;
    const head = results.slice(0, k);
    const data = await Promise.all(head.map((r) => r.data()));
    const rank = new Map(head.map((r, i) => [r, nameMatchRank(resultNames(data[i]!.meta), words)]));
    return [...rerank(head, (r) => rank.get(r)!), ...results.slice(k)];
  }

  /** The status line and the first results (the rest of the first page follows). */
  async #renderResults(plan: QueryPlan, relaxed: boolean, state: SearchState): Promise<void> {
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    list.replaceChildren();
    this.#shown = 0;
    const q = state.q;
    const n = this.#results.length;
    if (!plan.terms && !hasFilters(state)) this.#status(q ? '検索できる文字が含まれていません。' : 'キーワードを入力するか、種類・都道府県・分野で絞り込んでください。');
    else if (n === 0) this.#status(q ? `「${q}」に一致するページは見つかりませんでした。言葉を短くするか、絞り込みを外してみてください。` : '条件に合うページはありません。');
    else if (relaxed) this.#status(`「${q}」をそのまま含むページはないため、言葉を分けて探した結果です（${n}件）。`);
    else this.#status(q ? `「${q}」の検索結果: ${n}件` : `絞り込みの結果: ${n}件`);
    this.querySelector('[data-results-heading]')!.toggleAttribute('hidden', n === 0);
    await this.#renderMore(FIRST_SIZE);
  }

  /** Appends the next `count` results. */
  async #renderMore(count: number = PAGE_SIZE): Promise<void> {
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const next = this.#results.slice(this.#shown, this.#shown + Math.max(0, count));
    const seq = this.#seq;
    const data = await Promise.all(next.map((r) => r.data()));
    if (seq !== this.#seq) return;
    list.append(...data.map((d) => this.#resultItem(d)));
    this.#shown += next.length;
    this.querySelector('[data-more]')!.toggleAttribute('hidden', this.#shown >= this.#results.length);
  }

  #resultItem(d: PagefindData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'search-result';
    li.dataset.url = d.url;
    const h = li.appendChild(document.createElement('h3'));
    const a = h.appendChild(document.createElement('a'));
    a.href = d.url;
    const title = d.meta.title ?? d.url;
    a.textContent = title;
    const meta = li.appendChild(document.createElement('p'));
    meta.className = 'meta';
    if (d.meta.kind) {
      const kind = meta.appendChild(document.createElement('span'));
      kind.className = 'kind';
      kind.textContent = d.meta.kind;
    }
    meta.append([d.meta.municipality, d.meta.categories].filter(Boolean).join('・'));
    // The text after the title, so the passage adds something; our own excerpt, since matches are in encoded fields.
    const body = d.content.startsWith(title) ? d.content.slice(title.length).replace(/^[\s.]+/, '') : d.content;
    const p = li.appendChild(document.createElement('p'));
    p.className = 'excerpt';
    for (const part of excerpt(body, this.#words)) {
      if (part.mark) p.appendChild(document.createElement('mark')).textContent = part.text;
      else p.append(part.text);
    }
    return li;
  }

  #renderFacets(counts: Counts, state: SearchState): void {
    const box = this.querySelector<HTMLElement>('[data-facets]')!;
    const focused = document.activeElement instanceof HTMLInputElement && box.contains(document.activeElement) ? `${document.activeElement.name}=${document.activeElement.value}` : undefined;
    box.replaceChildren();
    for (const { key, label } of FILTER_GROUPS) {
      const selected = state.filters[key] ?? [];
      const values = Object.entries(counts[key] ?? {}).filter(([v, c]) => c > 0 || selected.includes(v));
      for (const v of selected) if (!values.some(([x]) => x === v)) values.push([v, 0]);
      if (values.length === 0) continue;
      const order = this.#order[key] ?? [];
      const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
      values.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'ja'));
      const fieldset = box.appendChild(document.createElement('fieldset'));
      fieldset.className = 'facet-group';
      fieldset.appendChild(document.createElement('legend')).textContent = label;
      const ul = fieldset.appendChild(document.createElement('ul'));
      for (const [value, count] of values) {
        const labelEl = ul.appendChild(document.createElement('li')).appendChild(document.createElement('label'));
        const input = labelEl.appendChild(document.createElement('input'));
        input.type = 'checkbox';
        input.name = key;
        input.value = value;
        input.checked = selected.includes(value);
        labelEl.append(value);
        const c = labelEl.appendChild(document.createElement('span'));
        c.className = 'count';
        c.textContent = `${count}件`;
        if (focused === `${key}=${value}`) queueMicrotask(() => input.focus());
      }
    }
    if (hasFilters(state)) {
      const clear = box.appendChild(document.createElement('button'));
      clear.type = 'button';
      clear.className = 'facet-clear';
      clear.textContent = '絞り込みをすべて外す';
      clear.addEventListener('click', () => this.#go({ q: state.q, filters: {} }, 'push'));
    }
    if (box.childElementCount === 0) box.textContent = '絞り込める項目はありません。';
  }
}

customElements.define('site-search', SiteSearch);
