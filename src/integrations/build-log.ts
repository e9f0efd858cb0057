/**
 * Astro's log, kept short (the `logger` setting in astro.config.mjs): a build writes one line per route
 * ("├─ /coops/x/index.html (+5ms)", 6,359 lines on the real site), so a warning scrolls out of sight. Here those lines
 * are counted and said once; everything else — warnings, errors, the counts and times Astro and our integrations
 * print — goes through Astro's own console destination unchanged. `BUILD_LOG=verbose` (or Astro's `--verbose`) prints
 * every line, as Astro does by default.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { takeLastWritten } from './rendered-pages.ts';

// eslint-disable-next-line no-control-regex -- the colour codes Astro puts around a route's path
const ANSI = /\u001b\[[0-9;]*m/g;
/** A route line as Astro's static generation writes it (src: astro/dist/core/build/generate.js). */
const ROUTE = /^\s*[├└]─ /;

/** Whether the per-route lines are wanted. */
export function verboseLog(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  return env.BUILD_LOG === 'verbose' || argv.includes('--verbose');
}

/**
 * A destination that counts route lines (and the timing Astro writes after each) instead of passing them to `next`,
 * and says how many before the next line it passes (a warning among the routes, or the end of the step).
 */
export function quietDestination(next: AstroLoggerDestination): AstroLoggerDestination {
  let routes = 0;
  let reported = true;
  let timing = false;
  return {
    write(event: AstroLoggerMessage) {
      if (event.label === null && ROUTE.test(event.message.replace(ANSI, ''))) {
        routes++;
        reported = false;
        timing = !event.newLine;
        return;
      }
      if (timing && event.label === 'SKIP_FORMAT') {
        timing = false;
        return;
      }
      timing = false;
      if (!reported) {
        reported = true;
        next.write({
          label: 'build',
          level: 'info',
          message: `${routes}件のファイルを書き出しました（1件ずつの表示は BUILD_LOG=verbose）`,
          newLine: true,
        });
        routes = 0;
      }
      next.write(event);
    },
    flush: () => next.flush?.(),
    close: () => next.close?.(),
  };
}

/** What Astro writes after a route whose response had no body (astro/dist/core/build/generate.js). */
const NOT_CREATED = 'file not created, response body was empty';

/**
 * The verbose log, with one correction: a page the site's middleware wrote itself (rendered-pages.ts) reaches Astro
 * with no body, so Astro logs it as "file not created"; `lastWritten` says whether that was so for the route just
 * logged, and the line then says the page was written.
 */
export function verboseDestination(
  next: AstroLoggerDestination,
  lastWritten: () => boolean = takeLastWritten,
): AstroLoggerDestination {
  return {
    write(event: AstroLoggerMessage) {
      if (event.label === 'SKIP_FORMAT' && event.message.includes(NOT_CREATED) && lastWritten())
        event = { ...event, message: event.message.replace(NOT_CREATED, 'written by the page steps') };
      next.write(event);
    },
    flush: () => next.flush?.(),
    close: () => next.close?.(),
  };
}

/** The logger's entry point: Astro's console destination, quiet unless verbose. */
export default function buildLog(): AstroLoggerDestination {
  const verbose = verboseLog();
  const console = nodeDestination({ level: process.argv.includes('--verbose') ? 'debug' : 'info' });
  return verbose ? verboseDestination(console) : quietDestination(console);
}
