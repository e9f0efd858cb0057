/**
 * What the map island (src/map/browser/coop-map.ts) waits for before it asks for its files and after it draws: the
 * page's first contentful paint, its canvas near the screen, the next paint.
 */

/** Waits for the next paint to have happened. */
export const afterPaint = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

/** The longest wait for the first contentful paint to be reported: past it, the map loads anyway. */
const FIRST_PAINT_WAIT_MS = 3000;

/**
 * How far below the screen the map's canvas may start for its files to be fetched: a short scroll ahead, less than
 * the near-me box leaves between the first screen and the canvas on a phone (about 200 px at 390×844).
 */
const NEAR_VIEW_MARGIN = '0px 0px 160px 0px';

/** Resolves once `el` is on screen or within NEAR_VIEW_MARGIN below it (at once where IntersectionObserver is missing). */
export function nearView(el: Element): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise<void>((ok) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          ok();
        }
      },
      { rootMargin: NEAR_VIEW_MARGIN },
    );
    observer.observe(el);
  });
}

/**
 * Waits until the page's text is on screen (its first contentful paint), so the map's files do not share the
 * connection with what that paint needs; the next paint where the browser does not report paint timing.
 */
export function afterFirstContentfulPaint(): Promise<void> {
  const seen = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (
    typeof PerformanceObserver === 'undefined' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint') ||
    seen()
  )
    return afterPaint();
  return new Promise<void>((ok) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      ok();
    };
    const observer = new PerformanceObserver(() => {
      if (seen()) done();
    });
    const timer = setTimeout(done, FIRST_PAINT_WAIT_MS);
    observer.observe({ type: 'paint', buffered: true });
  });
}
