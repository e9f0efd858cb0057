/**
 * `npm run refresh:registry`: every worker co-op the 法人番号システム Web-API
 * knows (src/lib/registry/web-api.ts), fed through the same plan, data check
 * and all-or-nothing write as `import:houjin` (houjin-import.ts). Settings come
 * from the environment only: HOUJIN_APP_ID (required, a secret), HOUJIN_API_BASE,
 * and for tests or a slow day HOUJIN_API_TIMEOUT_MS, HOUJIN_API_RETRIES,
 * HOUJIN_API_RETRY_DELAY_MS, HOUJIN_API_PAUSE_MS.
 */
import { RegistryError } from '../../src/lib/registry/houjin.ts';
import type { ImportPlan } from '../../src/lib/registry/plan.ts';
import { RecordSet } from '../../src/lib/registry/record-set.ts';
import { APP_ID_HELP, DEFAULT_API_BASE, describeRequest } from '../../src/lib/registry/web-api.ts';
import { fetchRegistry, type FetchOptions, type FetchResult } from '../../src/lib/registry/web-api-client.ts';
import { applyRecords, keepFor, readCoops, summaryLines } from './houjin-import.ts';

/** A setting is missing or wrong: nothing was fetched or written. */
export class RefreshConfigError extends RegistryError {
  constructor(message: string) {
    super(message);
    this.name = 'RefreshConfigError';
  }
}

/** The settings a refresh reads from the environment. */
export type RefreshSettings = Pick<
  FetchOptions,
  'base' | 'appId' | 'timeoutMs' | 'retries' | 'retryDelayMs' | 'pauseMs'
>;

/** A whole number from the environment within bounds, or undefined when unset. */
function whole(env: Record<string, string | undefined>, name: string, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max)
    throw new RefreshConfigError(`${name}="${raw}" は 0 から ${max} までの整数ではありません`);
  return Number(raw);
}

/** Reads the settings; throws a RefreshConfigError that names the variable. */
export function settingsFrom(env: Record<string, string | undefined>): RefreshSettings {
  const appId = env.HOUJIN_APP_ID?.trim();
  if (!appId)
    throw new RefreshConfigError(
      `HOUJIN_APP_ID が設定されていません。法人番号システム Web-API のアプリケーションID を環境変数 HOUJIN_APP_ID に入れて実行してください（GitHub Actions ではリポジトリのシークレット HOUJIN_APP_ID）。ID は国税庁への届出で無料で発行されます（数日から1か月ほど）: ${APP_ID_HELP.join(' 、')}`,
    );
  if (/[^\x21-\x7e]/.test(appId))
    throw new RefreshConfigError(
      'HOUJIN_APP_ID に英数字・記号以外の文字があります（コピーの際の空白や改行を確かめてください）',
    );
  const base = (env.HOUJIN_API_BASE?.trim() || DEFAULT_API_BASE).replace(/\/+$/, '');
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol))
    throw new RefreshConfigError(`HOUJIN_API_BASE="${base}" は http:// か https:// の URL ではありません`);
  return {
    appId,
    base,
    timeoutMs: whole(env, 'HOUJIN_API_TIMEOUT_MS', 600_000),
    retries: whole(env, 'HOUJIN_API_RETRIES', 5),
    retryDelayMs: whole(env, 'HOUJIN_API_RETRY_DELAY_MS', 600_000),
    pauseMs: whole(env, 'HOUJIN_API_PAUSE_MS', 60_000),
  };
}

/** What a refresh did. */
export interface RefreshResult {
  fetched: FetchResult;
  plan: ImportPlan;
  written: string[];
  settings: RefreshSettings;
}

/**
 * Fetches every worker co-op from the Web-API and applies the records to a
 * content folder: all pages, the plan and the data check must succeed before
 * any file is written, and then all files are written or none.
 */
export async function refreshRegistry(opts: {
  env: Record<string, string | undefined>;
  contentDir: string;
  today: string;
  root?: string | undefined;
  dryRun?: boolean | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  onRetry?: ((message: string) => void) | undefined;
}): Promise<RefreshResult> {
  const settings = settingsFrom(opts.env);
  const coops = readCoops(opts.contentDir);
  const records = new RecordSet();
  const fetched = await fetchRegistry(
    { ...settings, today: opts.today, keep: keepFor(coops), fetch: opts.fetch, onRetry: opts.onRetry },
    records,
  );
  const applied = applyRecords(records, coops, {
    contentDir: opts.contentDir,
    today: opts.today,
    root: opts.root,
    dryRun: opts.dryRun,
    via: 'web-api',
  });
  return { fetched, settings, ...applied };
}

/** The summary `refresh:registry` prints (and the monthly pull request carries). */
export function formatRefreshSummary(result: RefreshResult): string[] {
  const { header, recordsPerPage, kept } = result.fetched;
  const pages = recordsPerPage.length;
  return [
    `取得: 法人番号システム Web-API ${result.settings.base}${describeRequest(1).replace(/divide=1$/, `divide=1…${pages}`)}`,
    `読み込み: 最終更新 ${header.lastUpdate}、${pages} ページ、${header.count} 件中 ${kept} 件が対象`,
    ...summaryLines(result.plan, result.written),
  ];
}
