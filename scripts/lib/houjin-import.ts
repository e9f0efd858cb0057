/**
 * Reads the corporate-number site's download files (plain CSV or zip, Unicode
 * or Shift_JIS edition) into one record per 法人番号 (src/lib/registry/:
 * bounded lines, strict decoding, checked records, de-duplicated while
 * reading), plans the import (plan.ts), checks the whole resulting content
 * with the data check, and only then writes, all files or none
 * (atomic-write.ts). `npm run refresh:registry` feeds records from the Web-API
 * into the same applyRecords.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import {
  HoujinFormatError,
  RegistryError,
  fileDateFromName,
  mentionsWorkerCoop,
  type HoujinRow,
} from '../../src/lib/registry/houjin.ts';
import { planImport, type ExistingCoop, type ImportPlan, type ImportSummary } from '../../src/lib/registry/plan.ts';
import { RecordReader } from '../../src/lib/registry/record-reader.ts';
import { RecordSet } from '../../src/lib/registry/record-set.ts';
import { AtomicWriteError, writeAllOrNothing, type WriteFs } from '../../src/lib/registry/atomic-write.ts';
import type { RegistryVia } from '../../src/lib/registry/credit.ts';
import type { Encoding } from '../../src/lib/registry/lines.ts';
import { readContent } from '../../src/content/files.ts';
import { readYaml, yamlProblem } from '../../src/content/yaml.ts';
import { validateEntries, type Problem, type RawEntry } from '../../src/lib/check/validate.ts';
import { officialBodies } from '../../src/lib/places/official-bodies.ts';
import { printable } from '../../src/lib/check/text-hygiene.ts';

/** One CSV that was read (the file itself, or an entry of a zip). */
export interface ReadFile {
  /** The file, or `archive.zip:entry.csv`. */
  name: string;
  fileDate: string;
  encoding: Encoding;
  /** Records in the file. */
  records: number;
  /** Records that concern us. */
  kept: number;
}

/** Reads one CSV stream into its own RecordSet (so its date may come from its records), then merges it dated. */
class CsvInput {
  private readonly own = new RecordSet();
  readonly reader: RecordReader;
  readonly name: string;
  constructor(name: string, opts: { today: string; keep: (row: HoujinRow) => boolean }) {
    this.name = name;
    this.reader = new RecordReader({
      input: name,
      today: opts.today,
      keep: opts.keep,
      onRow: (row) => this.own.add({ ...row, fileDate: '' }),
    });
  }

  /** Ends the input, dates it (file name, else the zip's name, else its newest 更新年月日) and adds its records to `into`. */
  finish(ownName: string, archive: string, today: string, into: RecordSet): ReadFile {
    this.reader.end();
    const fileDate = fileDateFromName(ownName) ?? fileDateFromName(archive) ?? this.reader.newestUpdate;
    if (!fileDate)
      throw new HoujinFormatError(this.name, undefined, 'ファイル名に作成日（YYYYMMDD）がなく、更新年月日もありません');
    if (fileDate > today)
      throw new HoujinFormatError(this.name, undefined, `ファイルの作成日 ${fileDate} が今日（${today}）より後です`);
    for (const row of this.own.newest.values()) into.add({ ...row, fileDate });
    const { records, kept, encoding } = this.reader;
    return { name: this.name, fileDate, encoding, records, kept };
  }
}

/** Refuses a path that is not a readable file, by name. */
function checkInputPath(path: string): void {
  if (!existsSync(path)) throw new HoujinFormatError(path, undefined, 'ファイルがありません');
  if (statSync(path).isDirectory())
    throw new HoujinFormatError(
      path,
      undefined,
      'フォルダです。全件データ・差分データの CSV か zip のファイルを指定してください',
    );
}

/** Streams a file's bytes, turning a read error into a message that names the file. */
async function* bytesOf(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path)) yield chunk as Uint8Array;
  } catch (e) {
    if (e instanceof HoujinFormatError) throw e;
    throw new HoujinFormatError(path, undefined, `読めません（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

/** Reads every CSV of a zip, streaming; the zip's own failures name the archive. */
async function readZip(path: string, opts: { today: string; keep: (row: HoujinRow) => boolean }, into: RecordSet) {
  const out: ReadFile[] = [];
  let failure: unknown;
  let pending = 0;
  const unzip = new Unzip((file) => {
    if (!/\.csv$/i.test(file.name)) return;
    const input = new CsvInput(`${path}:${file.name}`, opts);
    pending++;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      try {
        if (err) throw new HoujinFormatError(input.name, undefined, `zip を展開できません: ${err.message}`);
        input.reader.push(chunk);
        if (final) {
          pending--;
          out.push(input.finish(file.name, basename(path), opts.today, into));
        }
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of bytesOf(path)) {
      unzip.push(chunk);
      if (failure) throw failure;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof HoujinFormatError) throw e;
    throw new HoujinFormatError(path, undefined, `zip を読めません: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (failure) throw failure;
  if (pending > 0) throw new HoujinFormatError(path, undefined, 'zip の中の CSV が途中で終わっています');
  if (out.length === 0) throw new HoujinFormatError(path, undefined, 'zip の中に CSV ファイルがありません');
  return out;
}

/**
 * Reads a plain CSV or a zip of CSVs, streaming, and adds the records `keep`
 * accepts to `into` (every record is checked; the first problem stops all,
 * naming the file and line).
 */
export async function readHoujinFile(
  path: string,
  opts: { today: string; keep: (row: HoujinRow) => boolean },
  into: RecordSet,
): Promise<ReadFile[]> {
  checkInputPath(path);
  if (extname(path).toLowerCase() === '.zip') return readZip(path, opts, into);
  const input = new CsvInput(path, opts);
  for await (const chunk of bytesOf(path)) input.reader.push(chunk);
  return [input.finish(basename(path), '', opts.today, into)];
}

/** The organisations in a content folder, as files. */
export function readCoops(contentDir: string): ExistingCoop[] {
  const dir = join(contentDir, 'coops');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      // Read as the data check reads content/ (src/content/yaml.ts); a file it cannot read stops the import.
      const read = readYaml(text);
      if (!('data' in read)) throw new ImportCheckError([yamlProblem(join(dir, f), read)]);
      return {
        id: f.replace(/\.ya?ml$/, ''),
        path: `coops/${f}`,
        text,
        data: (read.data ?? {}) as Record<string, unknown>,
      };
    });
}

/** The import failed the data check: nothing was written. */
export class ImportCheckError extends RegistryError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `取り込み結果がデータチェックを通りません（何も書き込んでいません）:\n${problems.map((p) => printable(`  ${p.file} ${p.field}: ${p.message}`)).join('\n')}`,
    );
    this.name = 'ImportCheckError';
    this.problems = problems;
  }
}

/** Where and how an import applies its records. */
export interface ApplyOptions {
  contentDir: string;
  today: string;
  /** The folder file names in messages are relative to (default: the working directory). */
  root?: string | undefined;
  dryRun?: boolean | undefined;
  /** How the records were fetched (absent: download files). */
  via?: RegistryVia | undefined;
  /** File-system calls for writing (tests make one fail). */
  fs?: WriteFs | undefined;
}

/** Which records an import keeps: those of numbers we have, and those that mention worker co-ops. */
export function keepFor(coops: readonly ExistingCoop[]): (row: HoujinRow) => boolean {
  const known = new Set(coops.map((c) => c.data.corporateNumber).filter((n): n is string => typeof n === 'string'));
  return (row) => known.has(row.corporateNumber) || mentionsWorkerCoop(row);
}

/**
 * Plans the import of `records` into a content folder, runs the data check on
 * the whole result, and writes every changed file or none. Returns the plan
 * and the files written (none on a dry run).
 */
export function applyRecords(
  records: RecordSet,
  coops: readonly ExistingCoop[],
  opts: ApplyOptions,
): { plan: ImportPlan; written: string[] } {
  const bodiesDir = join(opts.contentDir, 'municipalities');
  const bodies = officialBodies();
  const plan = planImport(
    records.newest,
    coops,
    {
      // Every body of the official code list exists without a file (src/lib/places/places.ts); only others would need one.
      has: (code) => bodies.has(code) || existsSync(join(bodiesDir, `${code}.yaml`)),
      name: (code) => bodies.get(code)?.name,
    },
    opts.via,
  );
  const root = opts.root ?? process.cwd();
  const { entries, problems: readProblems } = readContent(opts.contentDir, root);
  if (readProblems.length > 0) throw new ImportCheckError(readProblems);
  const next = new Map<string, RawEntry>(entries.map((e) => [e.file, e]));
  const unread: Problem[] = [];
  for (const w of plan.writes) {
    const file = relative(root, join(opts.contentDir, w.path));
    // The file as the data check will read it.
    const read = readYaml(w.text);
    if ('data' in read) next.set(file, { collection: 'coops', id: basename(w.path, '.yaml'), file, data: read.data });
    else unread.push(yamlProblem(file, read));
  }
  const problems = [...unread, ...validateEntries([...next.values()], opts.today)];
  if (problems.length > 0) throw new ImportCheckError(problems);
  const written = opts.dryRun ? [] : writeAllOrNothing(opts.contentDir, plan.writes, opts.fs);
  return { plan, written };
}

/** What an import of files read and did. */
export interface ImportResult {
  files: ReadFile[];
  plan: ImportPlan;
  /** Files written (relative to the content folder); empty on a dry run or when nothing changed. */
  written: string[];
}

/**
 * Imports download files into a content folder: read and check every record
 * of every file, plan, run the data check on the result, then write.
 */
export async function importHoujin(paths: string[], opts: ApplyOptions): Promise<ImportResult> {
  const coops = readCoops(opts.contentDir);
  const records = new RecordSet();
  const files: ReadFile[] = [];
  for (const p of paths) files.push(...(await readHoujinFile(p, { today: opts.today, keep: keepFor(coops) }, records)));
  return { files, ...applyRecords(records, coops, opts) };
}

/** The summary of a plan and what was written, every name printed safely (text hygiene, one line each). */
export function summaryLines(plan: ImportPlan, written: string[]): string[] {
  const s: ImportSummary = plan.summary;
  const lines: string[] = [];
  const section = (title: string, items: ImportSummary['added']) => {
    lines.push(`${title}: ${items.length}`);
    for (const i of items)
      lines.push(`  ${i.corporateNumber} ${i.name}${i.id ? ` [${i.id}]` : ''}${i.detail ? ` — ${i.detail}` : ''}`);
  };
  section('追加（登記情報のみの下書き）', s.added);
  section('更新', s.changed);
  section('解散（登記記録の閉鎖等）', s.closed);
  lines.push(`変更なし: ${s.unchanged.length}`);
  section('対象外・保留', s.skipped);
  lines.push(
    written.length === 0
      ? '書き込んだファイル: なし'
      : `書き込んだファイル: ${written.length}（${written.join('、')}）`,
  );
  return lines.map(printable);
}

/** The summary `import:houjin` prints. */
export function formatSummary(result: ImportResult): string[] {
  const lines = result.files.map(
    (f) =>
      `読み込み: ${f.name}（${f.fileDate}、${f.encoding === 'utf-8' ? 'Unicode 版' : 'Shift_JIS 版'}、${f.records} 件中 ${f.kept} 件が対象）`,
  );
  if (result.files.some((f) => f.encoding === 'shift_jis'))
    lines.push('注意: Shift_JIS 版は JIS 第1・第2水準外の文字が置き換えられています。Unicode 版を使ってください。');
  return [...lines.map(printable), ...summaryLines(result.plan, result.written)];
}

/** The report for an expected failure (a RegistryError: bad input, a refused result, the API, a failed write), or undefined for a bug. */
export function failureMessage(e: unknown): string | undefined {
  if (!(e instanceof RegistryError)) return undefined;
  // A failed write says itself whether everything was put back.
  return e instanceof AtomicWriteError ? e.message : `中止しました（何も書き込んでいません）\n${e.message}`;
}

/**
 * Runs a command's work and prints its summary, or its expected failure as
 * one message on stderr with exit code 1 (a bug still shows its stack).
 */
export async function printOrFail(work: () => Promise<string[]>, dryRun: boolean): Promise<void> {
  try {
    for (const line of await work()) console.log(line);
    if (dryRun) console.log('--dry-run: 何も書き込んでいません');
  } catch (e) {
    const message = failureMessage(e);
    if (message === undefined) throw e;
    console.error(message);
    process.exit(1);
  }
}
