/**
 * Files a route writes beside its own response (src/integrations/files-beside.ts): only while a build runs, into
 * the build's output folder, each folder made once; a path leaving the folder, absolute, or already written is
 * refused by name; a writer that wrote another number of files than it promised stops the build at its end, naming
 * it; the build's end reports how many and closes the list.
 */
import { afterAll, afterEach, expect, test, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import filesBeside, {
  promiseFilesBeside,
  writeFilesBeside,
  writingFilesBeside,
} from '../../../src/integrations/files-beside.ts';

const work = mkdtempSync(join(tmpdir(), 'ra-beside-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Hooks = NonNullable<ReturnType<typeof filesBeside>['hooks']>;
const info = vi.fn();
const logger = { info } as never;

/** Runs the integration's hooks up to the start of a build whose output folder is `work/name`. */
function startBuild(name: string): { hooks: Hooks; out: string } {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  const { hooks } = filesBeside();
  hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${out}/`) } } as never);
  hooks['astro:build:start']!({ logger } as never);
  return { hooks, out };
}
const endBuild = (hooks: Hooks) => hooks['astro:build:done']!({ logger } as never);

afterEach(() => info.mockReset());

test('outside a build (astro dev) nothing is written beside a route: the route serves each file itself', () => {
  expect(writingFilesBeside()).toBe(false);
  expect(() => writeFilesBeside([{ path: 'api/x.json', text: '{}' }], 'api/coops/index.json')).toThrow(
    /api\/coops\/index\.json: .*only during astro build/,
  );
});

test('during a build: files land in the output folder, folders made as needed, counted at the end', () => {
  const { hooks, out } = startBuild('written');
  expect(writingFilesBeside()).toBe(true);
  promiseFilesBeside('api/coops/index.json', 2);
  function* docs() {
    for (const id of ['a', 'b']) yield { path: `api/coops/${id}.json`, text: `{"id":"${id}","name":"協同"}` };
  }
  expect(writeFilesBeside(docs(), 'api/coops/index.json')).toBe(2);
  expect(writeFilesBeside([{ path: 'api/contracts/c-1.json', text: '{}' }], 'api/contracts/index.json')).toBe(1);
  expect(readFileSync(join(out, 'api/coops/b.json'), 'utf8')).toBe('{"id":"b","name":"協同"}');
  expect(readFileSync(join(out, 'api/contracts/c-1.json'), 'utf8')).toBe('{}');
  endBuild(hooks);
  expect(info).toHaveBeenCalledWith(expect.stringMatching(/^3 file\(s\) written beside their routes/));
  expect(writingFilesBeside()).toBe(false);
});

test.each(['../outside.json', 'api/../../outside.json', '/etc/x.json', '.', ''])(
  'a path outside the site (%j) is refused by name',
  (path) => {
    const { hooks } = startBuild('outside');
    try {
      expect(() => writeFilesBeside([{ path, text: '{}' }], 'api/coops/index.json')).toThrow(
        `api/coops/index.json: "${path}" is not a path inside the site`,
      );
    } finally {
      endBuild(hooks);
    }
  },
);

test('a path already written — by a route or an earlier call — is refused, not overwritten', () => {
  const { hooks, out } = startBuild('twice');
  try {
    mkdirSync(join(out, 'api/coops'), { recursive: true });
    writeFileSync(join(out, 'api/coops/index.json'), 'route');
    expect(() => writeFilesBeside([{ path: 'api/coops/index.json', text: '{}' }], 'w')).toThrow(
      'w: api/coops/index.json is written twice',
    );
    expect(readFileSync(join(out, 'api/coops/index.json'), 'utf8')).toBe('route');
    writeFilesBeside([{ path: 'api/coops/a.json', text: '1' }], 'w');
    expect(() => writeFilesBeside([{ path: 'api/coops/a.json', text: '2' }], 'w')).toThrow(/a\.json is written twice/);
    expect(readFileSync(join(out, 'api/coops/a.json'), 'utf8')).toBe('1');
  } finally {
    endBuild(hooks);
  }
});

test('a writer that wrote fewer or more files than it promised, or none (its route skipped), stops the build', () => {
  for (const [promised, wrote] of [
    [3, 2],
    [1, 2],
    [2, 0],
  ] as const) {
    const { hooks } = startBuild(`promise-${promised}-${wrote}`);
    promiseFilesBeside('api/coops/index.json', 5);
    promiseFilesBeside('api/coops/index.json', promised); // the last word counts (paths may be listed again)
    promiseFilesBeside('api/contracts/index.json', 1);
    writeFilesBeside([{ path: 'api/contracts/c.json', text: '{}' }], 'api/contracts/index.json');
    for (let i = 0; i < wrote; i++)
      writeFilesBeside([{ path: `api/coops/${i}.json`, text: '{}' }], 'api/coops/index.json');
    expect(() => endBuild(hooks)).toThrow(
      `files beside their routes: api/coops/index.json was to write ${promised} and wrote ${wrote}`,
    );
    expect(info).not.toHaveBeenCalled();
    expect(writingFilesBeside()).toBe(false);
  }
});

test('promising outside a build is an error', () => {
  expect(() => promiseFilesBeside('api/coops/index.json', 1)).toThrow(/only during astro build/);
});
