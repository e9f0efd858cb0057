/** How exact a point on the map is, in words; shared by the list, the popups and the static maps (no imports, so the map script stays small). */
export type Precision = 'address' | 'municipality' | 'prefecture';

/** Short Japanese label of how exact a point is. */
export const PRECISION_LABELS: Record<Precision, string> = {
  address: '所在地',
  municipality: '市区町村の代表点',
  prefecture: '都道府県の代表点',
};
