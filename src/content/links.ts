/**
 * Symbolic links under content/ and public/ are refused: Astro copies public/
 * into the site following links (a one-line file in review can publish the
 * build machine's `/etc/passwd` or a CI secret), and a linked content file
 * would be read from wherever it points. The walk uses lstat (Dirent types),
 * never follows a link, and names every link — to a file or a folder,
 * dangling or not — and every other entry that is not a plain file or folder
 * (a FIFO would hang the build).
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Problem } from '../lib/check/types.ts';

/** A path for messages: relative to the project when inside it, else absolute. */
export function shownPath(path: string, root: string): string {
  const r = relative(root, path);
  return r === '' || r.startsWith('..') || isAbsolute(r) ? path : r;
}

function linkProblem(path: string, root: string): Problem {
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    // Gone meanwhile: still named.
  }
  return {
    file: shownPath(path, root),
    field: '(シンボリックリンク)',
    message: `シンボリックリンク（→ ${target}）は置けません。ビルドはリンク先の中身を公開してしまいます。実体のファイルを置いてください`,
  };
}

function otherProblem(path: string, root: string): Problem {
  return {
    file: shownPath(path, root),
    field: '(ファイルの種類)',
    message: '通常のファイルでもフォルダでもありません（FIFO・ソケット・デバイスなど）。削除してください',
  };
}

/**
 * Every symbolic link (and special file) at or under `dir`, as problems naming its path (relative to `root` when
 * inside it). Nothing is followed; a missing `dir` has none.
 */
export function linkProblems(dir: string, root: string = process.cwd()): Problem[] {
  let top;
  try {
    top = lstatSync(dir);
  } catch {
    return [];
  }
  if (top.isSymbolicLink()) return [linkProblem(dir, root)];
  if (!top.isDirectory()) return top.isFile() ? [] : [otherProblem(dir, root)];
  const problems: Problem[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) problems.push(linkProblem(p, root));
      else if (e.isDirectory()) walk(p);
      else if (!e.isFile()) problems.push(otherProblem(p, root));
    }
  };
  walk(dir);
  return problems;
}
