/**
 * Loads Japan's prefecture outlines (public/geo/japan-prefectures.geojson,
 * written by scripts/extract-prefecture-outlines.ts) once per build, for
 * the static maps of content pages.
 */
import outlinesText from '../../public/geo/japan-prefectures.geojson?raw';
import { outlinesFromGeoJSON, type Outline } from './static-map.ts';

let cached: Outline[] | undefined;

/** The 47 prefecture outlines, parsed once. */
export function loadOutlines(): Outline[] {
  cached ??= outlinesFromGeoJSON(JSON.parse(outlinesText) as Parameters<typeof outlinesFromGeoJSON>[0]);
  return cached;
}
