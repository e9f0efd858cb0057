/**
 * When each file under content/ last changed, from git: a page's citation is dated by its own files' last change
 * (src/lib/publish/citation.ts). Deterministic for a commit: the committer date of the newest commit touching the
 * file, as a day in Japan. With no git, a shallow clone (every file would date from its one commit) or a file git
 * does not track, nothing is known and the page takes the build's day instead.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { dayInJapan } from '../lib/publish/citation.ts';

/** Runs git in `root`; undefined when git is missing or fails. */
function git(root: string, args: string[]): string | undefined {
  const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * The output of `git log --format=%x00%cI --name-only` read into path → day of its newest commit (the first one
 * listed), for paths under `prefix` (relative to the repository root), keyed without it and without the extension:
 * 'coops/kifukuto'.
 */
export function parseChanges(log: string, prefix: string): Map<string, string> {
  const days = new Map<string, string>();
  const base = prefix.replace(/\/?$/, '/');
  for (const commit of log.split('\0').slice(1)) {
    const [date, ...files] = commit.split('\n').map((l) => l.trim());
    if (!date) continue;
    const day = dayInJapan(date);
    for (const f of files) {
      if (!f.startsWith(base)) continue;
      const key = f.slice(base.length).replace(/\.[^./]+$/, '');
      if (!days.has(key)) days.set(key, day);
    }
  }
  return days;
}

/** The last change of every file in the content folder `dir`, as parseChanges; empty when git cannot say. */
export function contentChanges(dir: string): Map<string, string> {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top || git(dir, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return new Map<string, string>();
  const prefix = relative(top, dir);
  if (prefix.startsWith('..')) return new Map<string, string>();
  const log = git(top, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', prefix]);
  return log === undefined ? new Map<string, string>() : parseChanges(log, prefix);
}
