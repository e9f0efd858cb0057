/**
 * How the map clusters its organisations, shared by the map
 * (src/map/browser/coop-map.ts) and the overview file of the map's first
 * views (src/map/overview.ts), so the two cluster alike.
 */

/** The map's zoom range; clusters exist up to MAX_ZOOM - 1, so every pin stands alone at MAX_ZOOM. */
export const MIN_ZOOM = 4;
export const MAX_ZOOM = 17;

/** The closest zoom at which a view fitted to organisations opens. */
export const FIT_MAX_ZOOM = 11;

/** Supercluster's options: a 60 px radius on 256 px tiles, from the widest zoom to one before the closest. */
export const CLUSTER_OPTIONS = { radius: 60, extent: 256, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM - 1 } as const;

export type ClusterOptions = { -readonly [K in keyof typeof CLUSTER_OPTIONS]: number };

/** Whether `options` are the map's own (a file written by another version of the site may cluster otherwise). */
export function sameClusterOptions(options: Partial<ClusterOptions> | undefined): boolean {
  return (Object.keys(CLUSTER_OPTIONS) as Array<keyof ClusterOptions>).every(
    (k) => options?.[k] === CLUSTER_OPTIONS[k],
  );
}
