/**
 * The static server (scripts/serve.ts) in a child process. Browser tests that
 * make many requests use it: served from the test's own process, every
 * request waits on the event loop that also drives Playwright (~20 ms each).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Starts scripts/serve.ts on a free port for `root` under `base`; resolves with its URL and a stop function. */
export function serveInChild(root: string, base = '/'): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'scripts/serve.ts')], {
    env: { PATH: process.env.PATH ?? '', DIST_DIR: root, PORT: '0', BASE_PATH: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`scripts/serve.ts did not start: ${out}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[1]!, stop: () => child.kill() });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/serve.ts exited (${code}): ${out}`));
    });
  });
}
