/**
 * The 法人番号システム Web-API (Ver.4) name search, as the monthly refresh uses
 * it: one partial-match query for 「労働者協同組合」, paged through `divide`.
 *
 * Request (`GET {base}/4/name`), from the agency's specification as third-party
 * clients quote it (the agency's PDFs could not be read; see the notes in
 * content/README.md): `id` (application ID), `name` (full-width, UTF-8,
 * percent-encoded), `type=02` (CSV, Unicode), `mode=2` (部分一致), `target=2`
 * (JIS 第一〜第四水準, 完全一致検索: the characters as given; 1 あいまい検索
 * normalises and is reported to drop legal-form words such as 株式会社 from the
 * query, which could empty ours), `kind=03` (設立登記法人), `change=0` (do not
 * match former names; the name endpoint has no `history`), `close=1` (closed
 * ones too), `divide=1…N`.
 *
 * Answer (200): a first line `最終更新年月日,総件数,分割番号,分割数`, then up to
 * 2,000 records in the download files' 30-column layout. Errors: 400 with a
 * body `code,message`; 403 too many requests; 404 unknown application ID; 500
 * a fault of the API.
 */
import { printable } from '../check/text-hygiene.ts';
import { parsePartialDate } from '../model/dates.ts';
import { HoujinFormatError, RegistryError } from './houjin.ts';

/** The agency's API origin (HOUJIN_API_BASE replaces it, e.g. for a local stand-in in tests). */
export const DEFAULT_API_BASE = 'https://api.houjin-bangou.nta.go.jp';

/** The name searched for: every worker co-op, 特定 and 連合会 carry it. */
export const NAME_QUERY = '労働者協同組合';

/** A page holds at most this many records (the specification's page size). */
export const MAX_PAGE_RECORDS = 2000;

/** At most this many pages are fetched (100,000 records): more means the query matched far more than worker co-ops. */
export const MAX_PAGES = 50;

/** Where to apply for an application ID (the Web-API's page; since 2023-01-20 IDs are issued through the invoice site's form). */
export const APP_ID_HELP = [
  'https://www.houjin-bangou.nta.go.jp/webapi/index.html',
  'https://www.invoice-kohyo.nta.go.jp/faq/faq-category/400/faq0017.html',
];

/** The query parameters after `id`, in the order sent. */
export function nameQuery(divide: number): Array<[string, string]> {
  return [
    ['name', NAME_QUERY],
    ['type', '02'],
    ['mode', '2'],
    ['target', '2'],
    ['kind', '03'],
    ['change', '0'],
    ['close', '1'],
    ['divide', String(divide)],
  ];
}

const encode = (params: Array<[string, string]>) => params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

/** The request URL for one page. */
export function nameQueryUrl(base: string, appId: string, divide: number): string {
  return `${base.replace(/\/+$/, '')}/4/name?${encode([['id', appId], ...nameQuery(divide)])}`;
}

/** The request as it may be printed: the application ID left out, the name readable. */
export function describeRequest(divide: number): string {
  return `/4/name?id=（HOUJIN_APP_ID）&${nameQuery(divide)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;
}

/** The name of one page in messages. */
export function pageName(divide: number): string {
  return `Web-API /4/name（${divide}ページ目）`;
}

/** The first line of an answer. */
export interface AnswerHeader {
  /** 最終更新年月日: the date the data speaks for ('YYYY-MM-DD'). */
  lastUpdate: string;
  /** 総件数: records over all pages. */
  count: number;
  /** 分割番号: this page. */
  divideNumber: number;
  /** 分割数: pages in all. */
  divideSize: number;
}

/** Parses the header line; throws a HoujinFormatError naming the page and line. */
export function parseHeader(text: string, input: string, line: number, today: string): AnswerHeader {
  const fields = text.split(',').map((f) => f.trim());
  const refuse = (what: string): never => {
    throw new HoujinFormatError(
      input,
      line,
      `1行目（最終更新年月日,総件数,分割番号,分割数）"${text.slice(0, 80)}" ${what}`,
    );
  };
  if (fields.length !== 4) refuse(`の項目数が ${fields.length} です（4項目のはずです）`);
  const [lastUpdate, count, divideNumber, divideSize] = fields as [string, string, string, string];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastUpdate) || !parsePartialDate(lastUpdate))
    refuse('の最終更新年月日が YYYY-MM-DD の実在する日付ではありません');
  if (lastUpdate > today) refuse(`の最終更新年月日が今日（${today}）より後です`);
  if (![count, divideNumber, divideSize].every((n) => /^\d{1,9}$/.test(n)))
    refuse('の件数・分割番号・分割数が数ではありません');
  return { lastUpdate, count: Number(count), divideNumber: Number(divideNumber), divideSize: Number(divideSize) };
}

/** A failed request: the message is one line for the log; `retryable` for 5xx, timeouts and broken connections. */
export class WebApiError extends RegistryError {
  readonly retryable: boolean;
  readonly status: number | undefined;
  constructor(message: string, retryable: boolean, status?: number) {
    super(printable(message));
    this.name = 'WebApiError';
    this.retryable = retryable;
    this.status = status;
  }
}

/** An error body as one short line: tags dropped, white space folded, cut at 200 characters. */
export function oneLine(body: string): string {
  const text = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return printable(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/** The error for an answer that is not 200, by status, with the API's own `code,message` when it sent one. */
export function httpError(status: number, body: string, divide: number): WebApiError {
  const at = `${pageName(divide)}: `;
  const coded = /^\s*(\d{3}),(.+)$/s.exec(body);
  const detail = coded ? `、エラー ${coded[1]}: ${oneLine(coded[2]!)}` : body.trim() ? `: ${oneLine(body)}` : '';
  if (status === 400)
    return new WebApiError(`${at}Web-API がリクエストを受け付けませんでした（HTTP 400${detail}）`, false, status);
  if (status === 403 || status === 429)
    return new WebApiError(
      `${at}Web-API の利用が制限されています（HTTP ${status}${detail}）。同じアプリケーションIDで短い間に多くのリクエストがあったときの応答です。時間をおいて実行してください`,
      false,
      status,
    );
  if (status === 404)
    return new WebApiError(
      `${at}アプリケーションIDが登録されていないか無効です（HTTP 404${detail}）。HOUJIN_APP_ID を確かめてください`,
      false,
      status,
    );
  if (status >= 500)
    return new WebApiError(`${at}Web-API のサーバーエラーです（HTTP ${status}${detail}）`, true, status);
  return new WebApiError(`${at}Web-API から予期しない応答がありました（HTTP ${status}${detail}）`, false, status);
}

/** The error for a request that got no complete answer: a timeout or a broken connection (both worth retrying). */
export function transportError(e: unknown, divide: number, timeoutMs: number): WebApiError {
  const at = `${pageName(divide)}: `;
  const err = e as {
    name?: string | undefined;
    message?: string | undefined;
    cause?: { code?: string | undefined; message?: string | undefined };
  };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return new WebApiError(`${at}Web-API が ${timeoutMs / 1000} 秒以内に応答を終えませんでした（時間切れ）`, true);
  const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new WebApiError(`${at}Web-API との通信が途中で切れたか、接続できません（${cause}）`, true);
}

/** Checks that the pages agree with each other and add up to the count the first one announced. */
export function checkPages(headers: AnswerHeader[], recordsPerPage: number[]): void {
  const first = headers[0]!;
  headers.forEach((h, i) => {
    const at = `${pageName(i + 1)}: `;
    if (h.divideNumber !== i + 1)
      throw new WebApiError(`${at}分割番号が ${h.divideNumber} です（${i + 1} を頼みました）`, false);
    if (h.lastUpdate !== first.lastUpdate || h.count !== first.count || h.divideSize !== first.divideSize)
      throw new WebApiError(
        `${at}最終更新年月日・総件数・分割数が1ページ目と違います（${h.lastUpdate},${h.count},${h.divideSize} と ${first.lastUpdate},${first.count},${first.divideSize}）。取得中にデータが更新されたようです。もう一度実行してください`,
        false,
      );
    if (recordsPerPage[i]! > MAX_PAGE_RECORDS)
      throw new WebApiError(
        `${at}記録が ${recordsPerPage[i]} 件あります（1ページは ${MAX_PAGE_RECORDS} 件まで）`,
        false,
      );
  });
  const received = recordsPerPage.reduce((a, b) => a + b, 0);
  if (received !== first.count)
    throw new WebApiError(
      `Web-API /4/name: 総件数 ${first.count.toLocaleString('en')} 件（${first.divideSize} ページ）のはずが、${received.toLocaleString('en')} 件しか届きませんでした（${recordsPerPage.join('・')} 件）。応答が途中で切れています`,
      false,
    );
}

/** The first page's header must announce a sane, non-empty result before more pages are asked for. */
export function checkFirstHeader(h: AnswerHeader): void {
  if (h.count === 0)
    throw new WebApiError(
      `Web-API /4/name: 「${NAME_QUERY}」の検索結果が 0 件でした。名称の部分一致検索が法人格の語を検索から外しているおそれがあります。何も書き込んでいません。毎月の全件データ（npm run import:houjin）で取り込んでください`,
      false,
    );
  if (h.divideSize < 1 || h.divideSize > MAX_PAGES || h.count > h.divideSize * MAX_PAGE_RECORDS)
    throw new WebApiError(
      `Web-API /4/name: 総件数 ${h.count} 件・分割数 ${h.divideSize} はありえない組み合わせか、${MAX_PAGES} ページを超えています（労働者協同組合はおよそ170法人です）`,
      false,
    );
}
