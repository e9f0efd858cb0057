/**
 * Fetches every page of the worker co-op name search (web-api.ts) politely and
 * completely: one request at a time with a pause between pages, a timeout per
 * request (AbortSignal.timeout covers the body too), retries with exponential
 * backoff (p-retry) on 5xx answers, timeouts and broken connections only, and
 * every page read through the same record reader as the download files. The
 * records go to the RecordSet only when every page has arrived and the pages
 * add up to the count the first one announced.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import { HoujinFormatError, type HoujinRow } from './houjin.ts';
import { RecordReader } from './record-reader.ts';
import type { RecordSet } from './record-set.ts';
import {
  checkFirstHeader,
  checkPages,
  httpError,
  MAX_PAGE_RECORDS,
  nameQueryUrl,
  pageName,
  parseHeader,
  transportError,
  WebApiError,
  type AnswerHeader,
} from './web-api.ts';

/** How to reach the API and how patient to be. */
export interface FetchOptions {
  /** API origin (HOUJIN_API_BASE or DEFAULT_API_BASE). */
  base: string;
  /** Application ID (HOUJIN_APP_ID). */
  appId: string;
  /** Today in Japan: no date in the answer may be later. */
  today: string;
  /** Which records concern us. */
  keep: (row: HoujinRow) => boolean;
  /** Per request, body included (default 30 s). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt of a page (default 3). */
  retries?: number | undefined;
  /** Delay before the first retry, doubled for each next one (default 5 s: 5, 10, 20 s). */
  retryDelayMs?: number | undefined;
  /** Pause between pages (default 1 s). */
  pauseMs?: number | undefined;
  /** Told about each failed attempt that will be retried (for the log). */
  onRetry?: ((message: string) => void) | undefined;
  /** The fetch to use (globalThis.fetch by default). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** What a complete fetch gave. */
export interface FetchResult {
  header: AnswerHeader;
  /** Records received per page (kept or not). */
  recordsPerPage: number[];
  /** Records kept. */
  kept: number;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, retryDelayMs: 5_000, pauseMs: 1_000 };

/** Reads at most `max` bytes of an error answer as text. */
async function shortBody(res: Response, max = 4096): Promise<string> {
  if (!res.body) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= max) break;
    }
  } catch {
    // An error answer cut short still says what it managed to.
  }
  return new TextDecoder().decode(Buffer.concat(parts).subarray(0, max));
}

/** One attempt at one page: its header, its kept records and how many records it held. */
async function fetchPage(divide: number, opts: FetchOptions & typeof DEFAULTS) {
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(nameQueryUrl(opts.base, opts.appId, divide), {
      signal: AbortSignal.timeout(opts.timeoutMs),
      headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.1' },
    });
  } catch (e) {
    throw transportError(e, divide, opts.timeoutMs);
  }
  if (res.status !== 200) throw httpError(res.status, await shortBody(res), divide);
  let header: AnswerHeader | undefined;
  const rows: HoujinRow[] = [];
  const input = pageName(divide);
  const reader = new RecordReader({
    input,
    today: opts.today,
    keep: opts.keep,
    encoding: 'utf-8',
    onHeader: (text, line) => (header = parseHeader(text, input, line, opts.today)),
    onRow: (row) => rows.push(row),
  });
  try {
    for await (const chunk of res.body ?? []) {
      reader.push(chunk);
      // A page holds at most 2,000 records: an answer that keeps going is cut off here, not kept in memory.
      if (reader.records > MAX_PAGE_RECORDS)
        throw new WebApiError(
          `${input}: ${MAX_PAGE_RECORDS} 件を超える記録が届きました（1ページは ${MAX_PAGE_RECORDS} 件まで）`,
          false,
        );
    }
    reader.end();
  } catch (e) {
    if (e instanceof HoujinFormatError) throw new WebApiError(e.message, false);
    if (e instanceof WebApiError) throw e;
    throw transportError(e, divide, opts.timeoutMs);
  }
  if (!header)
    throw new WebApiError(`${input}: 応答が空です（1行目の 最終更新年月日,総件数,分割番号,分割数 がありません）`, true);
  return { header, rows, records: reader.records };
}

/** One page with retries: a 5xx answer, a timeout or a broken connection is tried again after a growing pause. */
function fetchPageWithRetries(divide: number, opts: FetchOptions & typeof DEFAULTS) {
  let attempts = 0;
  return pRetry(
    () => {
      attempts++;
      return fetchPage(divide, opts);
    },
    {
      retries: opts.retries,
      minTimeout: opts.retryDelayMs,
      factor: 2,
      shouldRetry: ({ error }) => error instanceof WebApiError && error.retryable,
      onFailedAttempt: ({ error, retriesLeft, retryDelay }) => {
        if (error instanceof WebApiError && error.retryable && retriesLeft > 0)
          opts.onRetry?.(`${error.message}。${retryDelay / 1000} 秒後にやり直します（残り ${retriesLeft} 回）`);
      },
    },
  ).catch((e: unknown) => {
    if (e instanceof WebApiError && e.retryable && attempts > 1)
      throw new WebApiError(`${e.message}（${attempts} 回試しました）`, false, e.status);
    throw e;
  });
}

/**
 * Fetches every page, one after another with a pause between, and adds the
 * kept records to `records` (dated by the answer's 最終更新年月日) only when all
 * pages arrived whole. Throws a WebApiError (one line, no stack needed)
 * otherwise, having added nothing.
 */
export async function fetchRegistry(options: FetchOptions, records: RecordSet): Promise<FetchResult> {
  // A setting left undefined (an unset environment variable) keeps its default.
  const set = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { ...DEFAULTS, ...set } as FetchOptions & typeof DEFAULTS;
  const first = await fetchPageWithRetries(1, opts);
  checkFirstHeader(first.header);
  const pages = [first];
  for (let divide = 2; divide <= first.header.divideSize; divide++) {
    await sleep(opts.pauseMs);
    pages.push(await fetchPageWithRetries(divide, opts));
  }
  const recordsPerPage = pages.map((p) => p.records);
  checkPages(
    pages.map((p) => p.header),
    recordsPerPage,
  );
  const fileDate = first.header.lastUpdate;
  try {
    for (const page of pages) for (const row of page.rows) records.add({ ...row, fileDate });
  } catch (e) {
    if (e instanceof HoujinFormatError) throw new WebApiError(e.message, false);
    throw e;
  }
  return { header: first.header, recordsPerPage, kept: pages.reduce((n, p) => n + p.rows.length, 0) };
}
