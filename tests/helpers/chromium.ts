/**
 * Debian's Chromium driven by playwright-core, headless, with every request that leaves 127.0.0.1 blocked. No vitest
 * here: the benches in scripts/ import this file (tests import it through browser.ts).
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags on this machine: no sandbox (root), no GPU, and nothing that reaches for the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Arguments that keep a browser on 127.0.0.1 without intercepting its requests: every other host name fails to
 * resolve. For the benches, where localOnlyContext's interception (each request's round trip to this process) would be
 * timed with the page; the tests use localOnlyContext, which also records what it blocked.
 */
export const LOCAL_ONLY_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** Launches Chromium (with `extraArgs` after CHROMIUM_ARGS); throws with the install command when it is missing. */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium が ${CHROMIUM} にありません。apt-get install chromium で入れてください（.ci/run が行います）`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A context that aborts every request not addressed to 127.0.0.1, and records them. */
export async function localOnlyContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
