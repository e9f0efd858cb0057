/**
 * Writes a set of files into a folder all or nothing. Every new text is first
 * written to a staging folder inside the target folder (so on the same file
 * system, where a rename replaces a file in one step), with a copy of every
 * file it will replace; only when all are staged are they renamed into place.
 * If a step fails, the files already replaced are put back from the copies and
 * the new ones removed, and the error says what happened. A file is thus at
 * every moment either its old or its new text, never half written.
 *
 * The file-system calls are a parameter so that tests can make one of them
 * fail (a full disk, a read-only file) at a chosen step.
 */
import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';
import { RegistryError } from './houjin.ts';

/** The file-system calls used (node:fs by default). */
export interface WriteFs {
  mkdtempSync(prefix: string): string;
  mkdirSync(path: string, opts: { recursive: true }): unknown;
  writeFileSync(path: string, text: string): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, opts: { recursive?: boolean | undefined; force: true }): void;
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

/** One file to write, relative to the folder. */
export interface FileWrite {
  path: string;
  text: string;
}

/** Writing failed; `restored` says whether the folder is as it was before. */
export class AtomicWriteError extends RegistryError {
  readonly restored: boolean;
  constructor(message: string, restored: boolean) {
    super(message);
    this.name = 'AtomicWriteError';
    this.restored = restored;
  }
}

/** The staging folder's name starts with this (the data check refuses it if one is ever left behind). */
export const STAGING_PREFIX = '.registry-write-';

const reason = (e: unknown) =>
  e instanceof Error ? `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}` : String(e);

/** Undoes the renames already made, newest first; returns the paths it could not restore. */
function rollBack(
  fs: WriteFs,
  root: string,
  done: Array<{ path: string; backup?: string | undefined }>,
): Array<{ path: string; backup?: string | undefined }> {
  const failed: Array<{ path: string; backup?: string | undefined }> = [];
  for (const step of [...done].reverse()) {
    try {
      if (step.backup) fs.renameSync(step.backup, join(root, step.path));
      else fs.rmSync(join(root, step.path), { force: true });
    } catch {
      failed.push(step);
    }
  }
  return failed;
}

/**
 * Writes `writes` under `root` all or nothing and returns the paths written
 * (a file whose text is already the same is left alone). Throws an
 * AtomicWriteError that says which step failed and whether everything was put
 * back.
 */
export function writeAllOrNothing(root: string, writes: readonly FileWrite[], fs: WriteFs = nodeFs): string[] {
  const changed = writes.filter((w) => {
    const path = join(root, w.path);
    return !(fs.existsSync(path) && fs.readFileSync(path, 'utf8') === w.text);
  });
  if (changed.length === 0) return [];
  const stage = fs.mkdtempSync(join(root, STAGING_PREFIX));
  const done: Array<{ path: string; backup?: string | undefined }> = [];
  let step = '';
  try {
    changed.forEach((w, i) => {
      step = `${w.path} を一時フォルダに書く`;
      fs.writeFileSync(join(stage, `${i}.new`), w.text);
      if (fs.existsSync(join(root, w.path))) {
        step = `${w.path} の元の内容を控える`;
        fs.copyFileSync(join(root, w.path), join(stage, `${i}.old`));
      }
    });
    changed.forEach((w, i) => {
      step = `${w.path} を置き換える`;
      const target = join(root, w.path);
      const backup = fs.existsSync(target) ? join(stage, `${i}.old`) : undefined;
      fs.mkdirSync(dirname(target), { recursive: true });
      fs.renameSync(join(stage, `${i}.new`), target);
      done.push({ path: w.path, backup });
    });
  } catch (e) {
    const failed = rollBack(fs, root, done);
    if (failed.length > 0)
      throw new AtomicWriteError(
        `書き込みに失敗しました（${step}: ${reason(e)}）。置き換えた ${done.length} 件のうち元に戻せなかったファイル: ${failed
          .map((f) => `${f.path}${f.backup ? `（元の内容は ${f.backup}）` : '（新しく作ったファイル）'}`)
          .join('、')}。一時フォルダ ${stage} を残しています`,
        false,
      );
    fs.rmSync(stage, { recursive: true, force: true });
    throw new AtomicWriteError(
      `書き込みに失敗しました（${step}: ${reason(e)}）。${done.length > 0 ? `置き換えた ${done.length} 件を元に戻し、` : ''}取り込み前のままです（何も変えていません）`,
      true,
    );
  }
  fs.rmSync(stage, { recursive: true, force: true });
  return changed.map((w) => w.path);
}
