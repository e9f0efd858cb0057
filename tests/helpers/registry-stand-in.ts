/**
 * A local stand-in of the 法人番号システム Web-API (Ver.4) name search, on
 * 127.0.0.1 at a free port, answering as the specification describes (see
 * src/lib/registry/web-api.ts): `GET /4/name` with `id`, `name` (full-width,
 * UTF-8), `type`, `mode`, `target`, `kind`, `change`, `close`, `divide`; a 200
 * answer is a line `最終更新年月日,総件数,分割番号,分割数` and then at most 2,000
 * records; 400 carries `code,message`; an unknown application ID gets 404.
 * Error codes and wording are the ones third-party clients report from live
 * answers (101 for a half-width name); where the specification is unknown to
 * us (a `divide` past the last page) the stand-in says so in its message.
 *
 * A test can replace the answer to any request (`override`) to play a 403, a
 * 500, a stall or a cut-off answer; every request's URL is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The application ID the stand-in accepts. */
export const STAND_IN_APP_ID = 'TESTAPPID0001';

/** What a test may do instead of the normal answer: answer itself (return true) or let the stand-in answer. */
export type Override = (req: { url: URL; n: number; divide: number }, res: ServerResponse) => boolean;

/** A running stand-in. */
export interface StandIn {
  /** Its origin, for HOUJIN_API_BASE. */
  base: string;
  /** Every request received, in order. */
  requests: URL[];
  /** Replaces the records it serves. */
  setRecords(records: string[], lastUpdate?: string): void;
  close(): Promise<void>;
}

const PAGE_SIZE = 2000;
const HALF_WIDTH = /[\u0020-\u007e\uff61-\uff9f]/;

/** The normal answer to a request, following the specification. */
function answer(url: URL, records: string[], lastUpdate: string, res: ServerResponse): void {
  const q = url.searchParams;
  const fail = (status: number, body: string, type = 'application/csv') => {
    res.writeHead(status, { 'content-type': `${type};charset=UTF-8` });
    res.end(body);
  };
  if (url.pathname !== '/4/name') return fail(404, '<html><body>Not Found</body></html>', 'text/html');
  if (q.get('id') !== STAND_IN_APP_ID)
    return fail(404, '<html><body>アプリケーションIDが登録されていないまたは無効です。</body></html>', 'text/html');
  const name = q.get('name') ?? '';
  if (name === '' || HALF_WIDTH.test(name))
    return fail(400, '101,商号又は名称には全角文字をUTF-8でエンコードして設定してください。');
  if (!['01', '02', '12'].includes(q.get('type') ?? '')) return fail(400, '070,応答形式の指定が正しくありません。');
  if (q.get('type') !== '02') return fail(400, '000,the stand-in serves type=02 (CSV, Unicode) only');
  const mode = q.get('mode') ?? '1';
  const kinds = (q.get('kind') ?? '01,02,03,04').split(',');
  const matching = records.filter((line) => {
    const fields = line.split(',');
    const recordName = fields[6]!.replace(/^"|"$/g, '');
    const kindGroup = `0${fields[8]![0]}`;
    return (mode === '2' ? recordName.includes(name) : recordName.startsWith(name)) && kinds.includes(kindGroup);
  });
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const divide = Number(q.get('divide') ?? '1');
  if (!(divide >= 1 && divide <= pages))
    return fail(
      400,
      `000,the stand-in has no page ${divide} (pages 1–${pages}; the agency's answer here is not known)`,
    );
  const page = matching.slice((divide - 1) * PAGE_SIZE, divide * PAGE_SIZE);
  res.writeHead(200, { 'content-type': 'text/csv;charset=UTF-8' });
  res.end([`${lastUpdate},${matching.length},${divide},${pages}`, ...page].map((l) => `${l}\r\n`).join(''));
}

/** Starts a stand-in serving `records` (CSV lines) as of `lastUpdate`. */
export async function startStandIn(
  initial: string[],
  lastUpdate = '2026-11-27',
  override?: Override,
): Promise<StandIn> {
  let records = initial;
  let date = lastUpdate;
  const requests: URL[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const divide = Number(url.searchParams.get('divide') ?? '1');
    if (override?.({ url, n: requests.length, divide }, res)) return;
    answer(url, records, date, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    setRecords(next, nextDate = date) {
      records = next;
      date = nextDate;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
