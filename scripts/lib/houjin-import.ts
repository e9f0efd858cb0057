/**
 * Reads the corporate-number site's download files (plain CSV or zip, Unicode
 * or Shift_JIS edition), plans the import (src/lib/registry/plan.ts), checks the
 * whole resulting content with the data check, and only then writes. A
 * malformed record stops everything before anything is written.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { parse as parseYaml } from 'yaml';
import {
  CsvSplitter,
  HoujinFormatError,
  fileDateFromName,
  mentionsWorkerCoop,
  newestByNumber,
  sniffEncoding,
  toRow,
  type HoujinRow,
} from '../../src/lib/registry/houjin.ts';
import {
  planImport,
  type DatedRow,
  type ExistingCoop,
  type ImportPlan,
  type ImportSummary,
} from '../../src/lib/registry/plan.ts';
import { readContent } from '../../src/content/files.ts';
import { validateEntries, type Problem, type RawEntry } from '../../src/lib/check/validate.ts';
import { officialBodies } from '../../src/lib/places/official-bodies.ts';

/** Records of one CSV stream that concern us, plus the newest 更新年月日 seen (for a file whose name has no date). */
interface CsvResult {
  rows: HoujinRow[];
  encoding: 'utf-8' | 'shift_jis';
  newestUpdate: string;
  records: number;
}

/** Feeds bytes of one CSV file through the decoder and the record splitter; keeps the records `keep` accepts. */
class CsvReader {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headSize = 0;
  private readonly splitter: CsvSplitter;
  readonly result: CsvResult = { rows: [], encoding: 'utf-8', newestUpdate: '', records: 0 };
  private first = true;

  private readonly name: string;

  constructor(name: string, keep: (row: HoujinRow) => boolean) {
    this.name = name;
    this.splitter = new CsvSplitter((fields, line) => {
      const row = toRow(fields, name, line);
      this.result.records++;
      if (row.updateDate > this.result.newestUpdate) this.result.newestUpdate = row.updateDate;
      if (keep(row)) this.result.rows.push(row);
    });
  }

  push(bytes: Uint8Array, final = false): void {
    if (!this.decoder) {
      this.head.push(bytes);
      this.headSize += bytes.length;
      if (this.headSize < 65536 && !final) return;
      const head = concat(this.head);
      this.head = [];
      this.result.encoding = sniffEncoding(head, this.name);
      this.decoder = new TextDecoder(this.result.encoding);
      bytes = head;
    }
    let text = this.decoder.decode(bytes, { stream: !final });
    if (this.first && text.length > 0) {
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      this.first = false;
    }
    this.splitter.push(text);
    if (final) this.splitter.end(this.name);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One CSV inside the input (the file itself, or an entry of a zip) with its records. */
export interface ReadFile extends CsvResult {
  /** The file, or `archive.zip:entry.csv`. */
  name: string;
  fileDate: string;
}

/** Reads a plain CSV or a zip of CSVs, streaming, keeping the records `keep` accepts (every record is checked). */
export async function readHoujinFile(path: string, keep: (row: HoujinRow) => boolean): Promise<ReadFile[]> {
  if (!existsSync(path)) throw new HoujinFormatError(path, undefined, 'ファイルがありません');
  const isZip = extname(path).toLowerCase() === '.zip';
  const out: ReadFile[] = [];
  const finish = (reader: CsvReader, name: string, own: string) => {
    const fileDate = fileDateFromName(own) ?? fileDateFromName(basename(path)) ?? reader.result.newestUpdate;
    if (!fileDate)
      throw new HoujinFormatError(name, undefined, 'ファイル名に作成日（YYYYMMDD）がなく、更新年月日もありません');
    out.push({ name, fileDate, ...reader.result });
  };
  if (!isZip) {
    const reader = new CsvReader(path, keep);
    for await (const chunk of createReadStream(path)) reader.push(chunk as Uint8Array);
    reader.push(new Uint8Array(0), true);
    finish(reader, path, basename(path));
    return out;
  }
  let failure: unknown;
  let pending = 0;
  const unzip = new Unzip((file) => {
    if (!/\.csv$/i.test(file.name)) return;
    const name = `${path}:${file.name}`;
    const reader = new CsvReader(name, keep);
    pending++;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      try {
        if (err) throw new HoujinFormatError(name, undefined, `zip を展開できません: ${err.message}`);
        reader.push(chunk, final);
        if (final) {
          pending--;
          finish(reader, name, file.name);
        }
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(path)) {
      unzip.push(chunk as Uint8Array);
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

/** The organisations in a content folder, as files. */
export function readCoops(contentDir: string): ExistingCoop[] {
  const dir = join(contentDir, 'coops');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return {
        id: f.replace(/\.ya?ml$/, ''),
        path: `coops/${f}`,
        text,
        data: (parseYaml(text) ?? {}) as Record<string, unknown>,
      };
    });
}

export interface ImportResult {
  files: ReadFile[];
  plan: ImportPlan;
  /** Files written (relative to the content folder); empty on a dry run or when nothing changed. */
  written: string[];
}

/** The import failed the data check: nothing was written. */
export class ImportCheckError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `取り込み結果がデータチェックを通りません（何も書き込んでいません）:\n${problems.map((p) => `  ${p.file} ${p.field}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ImportCheckError';
    this.problems = problems;
  }
}

/**
 * Imports download files into a content folder: read and check every record
 * of every file, plan, run the data check on the result, then write.
 */
export async function importHoujin(
  paths: string[],
  opts: { contentDir: string; today: string; root?: string; dryRun?: boolean },
): Promise<ImportResult> {
  const coops = readCoops(opts.contentDir);
  const known = new Set(coops.map((c) => c.data.corporateNumber).filter((n): n is string => typeof n === 'string'));
  const keep = (row: HoujinRow) => known.has(row.corporateNumber) || mentionsWorkerCoop(row);
  const files: ReadFile[] = [];
  for (const p of paths) files.push(...(await readHoujinFile(p, keep)));
  const rows: DatedRow[] = files
    .slice()
    .sort((a, b) => (a.fileDate < b.fileDate ? -1 : a.fileDate > b.fileDate ? 1 : a.name < b.name ? -1 : 1))
    .flatMap((f) => f.rows.map((r) => ({ ...r, fileDate: f.fileDate })));
  const bodiesDir = join(opts.contentDir, 'municipalities');
  const plan = planImport(newestByNumber(rows), coops, {
    // Every body of the official code list exists without a file (src/lib/places/places.ts); only others would need one.
    has: (code) => officialBodies().has(code) || existsSync(join(bodiesDir, `${code}.yaml`)),
  });

  // The whole content as it would be after the import must pass the data check.
  const root = opts.root ?? process.cwd();
  const { entries, problems: readProblems } = readContent(opts.contentDir, root);
  if (readProblems.length > 0) throw new ImportCheckError(readProblems);
  const next = new Map<string, RawEntry>(entries.map((e) => [e.file, e]));
  for (const w of plan.writes) {
    const collection = w.path.startsWith('coops/') ? 'coops' : 'municipalities';
    const file = relative(root, join(opts.contentDir, w.path));
    next.set(file, { collection, id: basename(w.path, '.yaml'), file, data: parseYaml(w.text) });
  }
  const problems = validateEntries([...next.values()], opts.today);
  if (problems.length > 0) throw new ImportCheckError(problems);

  const written: string[] = [];
  if (!opts.dryRun) {
    for (const w of plan.writes) {
      const path = join(opts.contentDir, w.path);
      if (existsSync(path) && readFileSync(path, 'utf8') === w.text) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, w.text);
      written.push(w.path);
    }
  }
  return { files, plan, written };
}

/** The summary the command prints. */
export function formatSummary(result: ImportResult): string[] {
  const s: ImportSummary = result.plan.summary;
  const lines: string[] = [];
  for (const f of result.files)
    lines.push(
      `読み込み: ${f.name}（${f.fileDate}、${f.encoding === 'utf-8' ? 'Unicode 版' : 'Shift_JIS 版'}、${f.records} 件中 ${f.rows.length} 件が対象）`,
    );
  if (result.files.some((f) => f.encoding === 'shift_jis'))
    lines.push('注意: Shift_JIS 版は JIS 第1・第2水準外の文字が置き換えられています。Unicode 版を使ってください。');
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
    result.written.length === 0
      ? '書き込んだファイル: なし'
      : `書き込んだファイル: ${result.written.length}（${result.written.join('、')}）`,
  );
  return lines;
}
