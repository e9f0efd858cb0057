/**
 * The search page's island: `<site-search data-bundle data-base data-facet-order data-synonyms>`.
 * Loads Pagefind's JS API from the bundle only here (never on content pages), with its web worker (Pagefind's
 * default: loading its WebAssembly and index chunks, searching and reading records happen off the main thread, so
 * typing and scrolling stay responsive; the worker's script is 12 kB more gzip), rewrites each query into our
 * encoded n-grams (src/search/query.ts) — one Pagefind search: the index holds every everyday word of a group where
 * a page holds one — orders the results (src/search/rank.ts) by the query and its everyday-words alternatives
 * (data-synonyms), highlights and renders them, facets with counts and a status line. The query and filters live in
 * the URL, written once the first results are on screen: a new history entry sets the browser to work (it fetches the
 * page icon again, among others) that need not delay them.
 *
 * Focus: typing searches after a pause and only updates the results and the
 * status line (a polite live region, so a screen reader says the count when
 * the typing stops, without leaving the box). Submitting (Enter or the button),
 * or arriving with a query from another page's search form, moves focus to the
 * results heading, which carries the count, so reading continues with the
 * first result.
 *
 * For tests and the benchmark the element exposes `data-state`
 * (idle → loading → searching → done | error), `data-ready` once Pagefind
 * is loaded and the first search warmed up (#warmUp) and, after each
 * search, `data-search-ms` (query to the first results on screen),
 * `data-first-page-ms` (query to the first page on screen, with the pages
 * found only in their text), `data-result-count` and `data-query` (the
 * query it answers).
 */
import { highlightWords, planQuery, type QueryPlan } from '../query.ts';
import {
  FILTER_GROUPS,
  hasFilters,
  pagefindFilters,
  readState,
  toggleFilter,
  writeState,
  type FilterKey,
  type SearchState,
} from '../url.ts';
import { renderFacets } from './facet-list.ts';
import { excerpt } from '../excerpt.ts';
import { TERM_FIELDS, TERM_WEIGHTS } from '../fields.ts';
import { kindLabel } from '../facets.ts';
import { bestRank, placePool, rankedResult, rerank } from '../rank.ts';
import type { SynonymTable } from '../synonyms.ts';

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
  matchedMetaFields?: string[] | undefined;
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
/**
 * Records fetched to order results besides the first few: name matches (the best ones) and hubs that matched in their
 * hub field. Names: enough for a family of similar names (センター事業団 …事業本部) to hold the exact one; hubs: Pagefind
 * already puts hub matches high (their field weighs most), so a few suffice.
 */
const NAME_CANDIDATES = 10;
const HUB_CANDIDATES = 4;
const HUB_SCAN = 40; // Hub candidates are looked for among this many of Pagefind's first results.
/** Organisations whose records are fetched when the query has several words: one may be a place, and its organisations rise. */
const ORG_CANDIDATES = 30;
/** The kind filter value of organisations' pages. */
const ORGANISATION = kindLabel('coop');
const DEBOUNCE_MS = 250; // Typing pause before searching.
/** What the warm-up plans and searches (#warmUp): kanji, kana and a space, like a query; and a word no index holds. */
const WARM_QUERY = '東京都の学童保育 ワーカーズ・コープ';
const WARM_TERM = 'zzzzzz';

class SiteSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind> | undefined;
  #filters?: Promise<Counts> | undefined;
  /** The Pagefind query string of the results shown (plain or relaxed). */
  #used = '';
  /** The search whose facet counts are on screen. */
  #counted?: number | undefined;
  #state: SearchState = { q: '', filters: {} };
  #results: PagefindResult[] = [];
  #shown = 0;
  #words: string[] = [];
  #seq = 0;
  #timer?: ReturnType<typeof setTimeout> | undefined;
  #order: Partial<Record<FilterKey, string[]>> = {};
  #synonyms: SynonymTable = [];
  /** Move focus to the results once the search in progress is shown (it came from a submit). */
  #focusResults = false;
  /** The URL of the search in progress, written once its first results are shown (push: a new history entry). */
  #pendingUrl?: { url: string; push: boolean } | undefined;
  /** Result records of the search shown, each fetched once (Pagefind works out its own excerpt on every `data()` call). */
  #records = new Map<string, Promise<PagefindData>>();

  connectedCallback(): void {
    this.querySelector('[data-noscript]')?.setAttribute('hidden', '');
    this.querySelector('[data-facets-box]')?.removeAttribute('hidden');
    try {
      this.#order = JSON.parse(this.dataset.facetOrder ?? '{}') as Partial<Record<FilterKey, string[]>>;
      this.#synonyms = JSON.parse(this.dataset.synonyms ?? '[]') as SynonymTable;
    } catch {
      this.#order = {};
    }
    this.dataset.state = 'idle';
    const form = this.querySelector('form')!;
    const input = this.#input;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#focusResults = true;
      this.#go({ ...this.#state, q: input.value }, 'push');
    });
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#go({ ...this.#state, q: input.value }, 'replace'), DEBOUNCE_MS);
    });
    // Load the index once the page is idle (so the first query does not wait for it), sooner when the visitor shows
    // intent, and right away when the URL already holds a search.
    const warm = () => void this.#load().catch(() => {});
    for (const type of ['focusin', 'pointerover']) form.addEventListener(type, warm, { once: true });
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, 0);
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
    // A query in the URL on arrival was submitted from a search form (the header's, or this one without JS).
    this.#focusResults = new URLSearchParams(location.search).has('q');
    this.#fromLocation();
  }

  get #input(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('#search-q')!;
  }

  #fromLocation(): void {
    this.#pendingUrl = undefined;
    this.#state = readState(new URLSearchParams(location.search));
    this.#input.value = this.#state.q;
    if (this.#state.q || hasFilters(this.#state)) void this.#search();
  }

  /**
   * Moves to a new state: the search, then its URL (#writeUrl). A search that replaces one still in progress keeps
   * its new history entry, so a submit followed by typing before the results still leaves one entry to go back from.
   */
  #go(state: SearchState, history: 'push' | 'replace'): void {
    clearTimeout(this.#timer);
    state = { q: state.q.trim(), filters: state.filters };
    const url = `${location.pathname}${writeState(state)}`;
    const push = history === 'push' || (this.#pendingUrl?.push ?? false);
    this.#pendingUrl = url === `${location.pathname}${location.search}` ? undefined : { url, push };
    this.#state = state;
    void this.#search();
  }

  /** Writes the URL of the search shown (see #go). */
  #writeUrl(): void {
    const pending = this.#pendingUrl;
    this.#pendingUrl = undefined;
    if (pending) window.history[pending.push ? 'pushState' : 'replaceState'](null, '', pending.url);
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle!;
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pf.options({
        basePath: bundle,
        baseUrl: this.dataset.base,
        ranking: { metaWeights: TERM_WEIGHTS },
      });
      await pf.init();
      await this.#warmUp(pf);
      this.dataset.ready = 'true';
      return pf;
    })();
    return this.#pagefind;
  }

  /**
   * The first search's one-off costs, paid while the index loads (on idle or when the visitor shows intent, so while
   * they type) instead of after they press Enter: a Pagefind search in its worker (WebAssembly and script compiled,
   * its search path run once) and our query plan and excerpt (normal form, the browser's word segmenter, regular
   * expressions). WARM_TERM is no word of the index (no encoded character starts with 'zz'); Pagefind reads the one
   * index chunk its place falls in (3.7 kB on the real site) and finds nothing. The search page's marks, 8 queries,
   * 5 cold runs each: the first query's search step took 9–17 ms instead of 13–19 ms.
   */
  async #warmUp(pf: Pagefind): Promise<void> {
    try {
      const plan = planQuery(WARM_QUERY, this.#synonyms);
      await pf.search(WARM_TERM);
      excerpt(WARM_QUERY, highlightWords(plan.words, plan.alternatives));
    } catch {
      // Only a head start: the first search does the same work, and reports its own failure.
    }
  }

  #status(text: string): void {
    this.querySelector('[data-status]')!.textContent = text;
  }

  async #search(): Promise<void> {
    const seq = ++this.#seq;
    const state = this.#state;
    const plan = planQuery(state.q, this.#synonyms);
    this.dataset.state = this.#pagefind ? 'searching' : 'loading';
    if (!this.#pagefind) this.#status('検索の準備をしています…');
    let pf: Pagefind;
    try {
      pf = await this.#load();
    } catch {
      this.dataset.state = 'error';
      this.#status('検索を読み込めませんでした。下の一覧から探してください。');
      this.#writeUrl();
      return;
    }
    if (seq !== this.#seq) return;
    const started = performance.now();
    performance.mark('ra-search:start');
    const { results, plain, later, relaxed, wordLists, used } = await this.#find(pf, plan, state);
    this.#used = used;
    this.#words = relaxed ? wordLists[0]! : highlightWords(plan.words, plan.alternatives);
    performance.mark('ra-search:pagefind');
    if (seq !== this.#seq) return;
    this.#records = new Map();
    const ranked = await this.#rerank(pf, results, wordLists);
    const ids = new Set(ranked.map((r) => r.id));
    const ordered = [...ranked, ...plain.filter((r) => !ids.has(r.id))];
    performance.mark('ra-search:records');
    if (seq !== this.#seq) return;
    this.#results = ordered;
    this.#counted = undefined;
    await this.#renderResults(plan, relaxed, state);
    if (seq !== this.#seq) return;
    this.dataset.searchMs = String(Math.round((performance.now() - started) * 10) / 10);
    performance.mark('ra-search:shown');
    this.#writeUrl();
    if (later) {
      // Pages found only in their text follow the ranked ones: searched once the first results are on screen.
      const known = new Set(this.#results.map((r) => r.id));
      const more = (await later()).filter((r) => !known.has(r.id));
      if (seq !== this.#seq) return;
      if (more.length) {
        this.#results = [...this.#results, ...more];
        this.#describe(plan, relaxed, state);
      }
    }
    await this.#renderMore(PAGE_SIZE - this.#shown);
    if (seq !== this.#seq) return;
    this.dataset.firstPageMs = String(Math.round((performance.now() - started) * 10) / 10);
    // Facet counts need every filter's index: fetched only once the facets are opened (always when a filter is set).
    const box = this.querySelector<HTMLDetailsElement>('[data-facets-box]')!;
    if (hasFilters(state)) box.open = true;
    if (box.open) await this.#showFacets();
    if (seq !== this.#seq) return;
    this.dataset.resultCount = String(this.#results.length);
    this.dataset.query = state.q;
    this.dataset.state = 'done';
  }

  /**
   * The results of a plan: our fields (one search: the index holds the everyday words), then Pagefind's own words
   * (the pages' text), so a page that says the words in its text only (a university in a council's activities) is
   * never lost — it follows the ranked results. When our fields find anything, the text is searched once those are
   * shown (`later`: an exact name is on screen without waiting for the text); when they find nothing: the segmenter's
   * words, then the text (`plain`), before anything is shown.
   */
  async #find(
    pf: Pagefind,
    plan: QueryPlan,
    state: SearchState,
  ): Promise<{
    results: PagefindResult[];
    plain: PagefindResult[];
    later?: () => Promise<PagefindResult[]>;
    relaxed: boolean;
    wordLists: string[][];
    used: string;
  }> {
    const wordLists = [plan.words, ...plan.alternatives.map((a) => a.words)];
    if (!plan.terms && !hasFilters(state)) return { results: [], plain: [], relaxed: false, wordLists, used: '' };
    const inText = () =>
      plan.plain && plan.terms ? this.#run(pf, plan.plain).then((r) => r.results) : Promise.resolve([]);
    const found = (await this.#run(pf, plan.terms)).results;
    if (found.length > 0)
      return { results: found, plain: [], later: inText, relaxed: false, wordLists, used: plan.terms };
    const text = inText();
    const looser = [plan.relaxedWords ?? plan.words];
    if (plan.relaxed) {
      const results = (await this.#run(pf, plan.relaxed)).results;
      if (results.length > 0)
        return { results, plain: await text, relaxed: true, wordLists: looser, used: plan.relaxed };
    }
    const plain = await text;
    return { results: plain, plain: [], relaxed: plain.length > 0, wordLists: looser, used: plan.plain };
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
      for (const { key } of FILTER_GROUPS)
        if (state.filters[key]?.length) counts[key] = (await this.#run(pf, this.#used, key)).filters[key] ?? {};
    }
    if (seq !== this.#seq) return;
    renderFacets(this.querySelector<HTMLElement>('[data-facets]')!, counts, state, this.#order, () =>
      this.#go({ q: state.q, filters: {} }, 'push'),
    );
    this.#counted = seq;
  }

  /**
   * Orders results in tiers (src/search/rank.ts): exact names, then organisations in a place the query names that
   * hold its other words, then hubs for the query, then names holding every word, then the rest in Pagefind's order.
   * The records fetched for this are the first few (needed anyway), the best name matches, the hubs that matched in
   * their hub field and, when the query has several words (one may be a place), the first organisations among the
   * results (a search of the same words among organisations only: Pagefind scores the pages of a place alike, so its
   * organisations need not be among the first results); the rest keep their place.
   */
  async #rerank(pf: Pagefind, results: PagefindResult[], wordLists: string[][]): Promise<PagefindResult[]> {
    if (!wordLists[0]?.length || results.length === 0) return results;
    const matched = (r: PagefindResult, field: string) => r.matchedMetaFields?.includes(field) ?? false;
    const hubs = results
      .slice(0, HUB_SCAN)
      .filter((r) => matched(r, TERM_FIELDS.hub))
      .slice(0, HUB_CANDIDATES);
    const named = results.filter((r) => matched(r, TERM_FIELDS.names)).slice(0, NAME_CANDIDATES);
    const byId = new Map(results.map((r) => [r.id, r]));
    const orgs = wordLists.some((w) => w.length > 1) ? await this.#organisations(pf) : [];
    const inResults = orgs.flatMap((r) => byId.get(r.id) ?? []).slice(0, ORG_CANDIDATES);
    const candidates = [...new Set([...results.slice(0, FIRST_SIZE), ...hubs, ...named, ...inResults])];
    const data = await Promise.all(candidates.map((r) => this.#record(r)));
    const known = candidates.map((r, i) => rankedResult(data[i]!, matched(r, TERM_FIELDS.hub)));
    const places = placePool(known);
    const rank = new Map(candidates.map((r, i) => [r, bestRank(known[i]!, wordLists, places)]));
    return rerank(results, (r) => rank.get(r) ?? Infinity);
  }

  /** The search shown, among organisations only (none when a kind filter leaves organisations out). */
  async #organisations(pf: Pagefind): Promise<PagefindResult[]> {
    const kinds = this.#state.filters.kind;
    if (!this.#used || (kinds?.length && !kinds.includes(ORGANISATION))) return [];
    const filters = { ...pagefindFilters(this.#state.filters), kind: { any: [ORGANISATION] } };
    return (await pf.search(this.#used, { filters })).results;
  }

  /** The status line and the first results (the rest of the first page follows). */
  async #renderResults(plan: QueryPlan, relaxed: boolean, state: SearchState): Promise<void> {
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    list.replaceChildren();
    this.#shown = 0;
    const heading = this.#describe(plan, relaxed, state);
    await this.#renderMore(FIRST_SIZE);
    // After a submit, reading continues at the results; while typing, focus stays in the box.
    if (this.#focusResults) {
      this.#focusResults = false;
      if (this.#results.length > 0) heading.focus();
    }
  }

  /**
   * The status line (a polite live region, so a count that grows when the pages found in their text follow is
   * said again) and the results heading, from the results at hand; returns the heading.
   */
  #describe(plan: QueryPlan, relaxed: boolean, state: SearchState): HTMLElement {
    const q = state.q;
    const n = this.#results.length;
    if (!plan.terms && !hasFilters(state))
      this.#status(
        q ? '検索できる文字が含まれていません。' : 'キーワードを入力するか、種類・都道府県・分野で絞り込んでください。',
      );
    else if (n === 0)
      this.#status(
        q
          ? `「${q}」に一致するページは見つかりませんでした。言葉を短くするか、絞り込みを外してみてください。`
          : '条件に合うページはありません。',
      );
    else if (relaxed) this.#status(`「${q}」をそのまま含むページはないため、言葉を分けて探した結果です（${n}件）。`);
    else this.#status(q ? `「${q}」の検索結果: ${n}件` : `絞り込みの結果: ${n}件`);
    const heading = this.querySelector<HTMLElement>('[data-results-heading]')!;
    heading.toggleAttribute('hidden', n === 0);
    heading.textContent = q ? `「${q}」の検索結果（${n}件）` : `絞り込みの結果（${n}件）`;
    // The heading says what a plain status line would; the line stays for screen readers (it is the live region).
    this.querySelector('[data-status]')!.classList.toggle('visually-hidden', n > 0 && !relaxed);
    return heading;
  }

  /** A result's record, fetched once per search shown. */
  #record(r: PagefindResult): Promise<PagefindData> {
    let record = this.#records.get(r.id);
    if (!record) this.#records.set(r.id, (record = r.data()));
    return record;
  }

  /** Appends the next `count` results. */
  async #renderMore(count: number = PAGE_SIZE): Promise<void> {
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const next = this.#results.slice(this.#shown, this.#shown + Math.max(0, count));
    const seq = this.#seq;
    const data = await Promise.all(next.map((r) => this.#record(r)));
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
    // The entry's own kind (事業本部, 連合会, 市 …) where the page gives one, else the page's kind.
    const badge = d.meta.badge ?? d.meta.kind;
    if (badge) {
      const kind = meta.appendChild(document.createElement('span'));
      kind.className = 'kind';
      kind.textContent = badge;
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
}

customElements.define('site-search', SiteSearch);
