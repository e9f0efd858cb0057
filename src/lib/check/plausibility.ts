/**
 * Rules that compare content with the official code list and the map: a
 * public body's code exists and its name, kind, prefecture and parent agree
 * with the list; every point lies on Japan's land, inside (or within a few km
 * of) its own prefecture, and an organisation's point near its municipality.
 */
import { prefectureCodeOf } from '../places/lgcode.ts';
import { distanceKm, distanceToShapeKm } from '../places/geometry.ts';
import type { OfficialBody } from '../places/official-bodies.ts';
import { problemList, type CheckContext, type Parsed, type Problem, type RawEntry } from './types.ts';

/** How far a point may lie outside its prefecture's simplified outline (coastline simplification, small islands). */
export const OUTLINE_TOLERANCE_KM = 10;

/** How far an organisation's point may lie from its municipality's representative point (the largest municipalities span about 80 km). */
export const MUNICIPALITY_RADIUS_KM = 60;

/** A point as [lng, lat], when the value is a location. */
function pointOf(value: unknown): [number, number] | undefined {
  const v = value as { lat?: unknown; lng?: unknown } | undefined;
  return typeof v?.lat === 'number' && typeof v.lng === 'number' ? [v.lng, v.lat] : undefined;
}

/** A point on land, and in its prefecture when one is given; at most one problem. */
function pointProblem(
  context: CheckContext,
  entry: RawEntry,
  point: [number, number],
  prefecture: string | undefined,
): Problem | undefined {
  let nearest = Infinity;
  let nearestPref = '';
  for (const [code, shape] of context.outlines) {
    const d = distanceToShapeKm(point, shape);
    if (d < nearest) [nearest, nearestPref] = [d, code];
  }
  if (nearest > OUTLINE_TOLERANCE_KM) {
    return {
      file: entry.file,
      field: 'location',
      message: `座標（北緯${point[1]}・東経${point[0]}）は日本の陸地から約${Math.round(nearest)}km 離れています。緯度と経度を確認してください`,
    };
  }
  if (prefecture === undefined) return undefined;
  const own = context.outlines.get(prefecture.slice(0, 2));
  const d = own ? distanceToShapeKm(point, own) : 0;
  if (d <= OUTLINE_TOLERANCE_KM) return undefined;
  const there = context.officialBodies.get(prefectureCodeOf(`${nearestPref}0000`));
  return {
    file: entry.file,
    field: 'location',
    message: `座標は ${context.officialBodies.get(prefecture)?.name ?? prefecture} の外（約${Math.round(d)}km 離れた${there ? `、${there.name}の中` : ''}）です`,
  };
}

/** A hand-kept public body against the official list: it exists, and its name, reading, kind, parent and point agree. */
function bodyProblems({ entry, data }: Parsed, context: CheckContext): Problem[] {
  const { out, add } = problemList(entry.file);
  const official: OfficialBody | undefined = context.officialBodies.get(entry.id);
  if (!official) {
    add(
      '(id: ファイル名)',
      `コード ${entry.id} は総務省の全国地方公共団体コードにありません（検査数字は合っていますが、存在しない団体です）`,
    );
    return out;
  }
  if (data.name !== official.name)
    add('name', `コード ${entry.id} の団体は「${official.name}」です（「${String(data.name)}」と書かれています）`);
  if (data.reading !== undefined && data.reading !== official.reading)
    add('reading', `${official.name}のよみは「${official.reading}」です（総務省のコード表）`);
  if (data.kind !== official.kind) add('kind', `${official.name}の種類は ${official.kind} です`);
  if (official.parent !== undefined && data.parent !== official.parent)
    add(
      'parent',
      `${official.name}は ${context.officialBodies.get(official.parent)?.name ?? official.parent}（${official.parent}）の区です`,
    );
  const point = pointOf(data.location);
  // The package's own point (merged into every generated body, src/lib/places/places.ts) is the reference, not an editor's input:
  // the simplified outlines miss small islands and enclaves, so only a point written by hand is checked against them.
  const isPackagePoint = point !== undefined && official.point?.lng === point[0] && official.point.lat === point[1];
  const problem = point && !isPackagePoint ? pointProblem(context, entry, point, official.prefecture) : undefined;
  return problem ? [...out, problem] : out;
}

/** An organisation's point: on land, in its prefecture, and near its municipality's representative point. */
function coopPointProblems({ entry, data }: Parsed, context: CheckContext, bodies: Map<string, unknown>): Problem[] {
  const point = pointOf(data.location);
  if (!point) return [];
  const municipality = typeof data.municipality === 'string' ? data.municipality : undefined;
  const prefecture =
    typeof data.prefecture === 'string'
      ? data.prefecture
      : municipality && /^\d{6}$/.test(municipality)
        ? prefectureCodeOf(municipality)
        : undefined;
  const out: Problem[] = [];
  const problem = pointProblem(context, entry, point, prefecture);
  if (problem) out.push(problem);
  if (municipality === undefined) return out;
  const official = context.officialBodies.get(municipality)?.point;
  const center = pointOf(bodies.get(municipality)) ?? (official ? ([official.lng, official.lat] as const) : undefined);
  if (!center) return out;
  const d = distanceKm(point, [center[0], center[1]]);
  if (d > MUNICIPALITY_RADIUS_KM)
    out.push({
      file: entry.file,
      field: 'location',
      message: `座標が市区町村 ${context.officialBodies.get(municipality)?.name ?? municipality} の代表点から約${Math.round(d)}km 離れています（${MUNICIPALITY_RADIUS_KM}km まで）。座標か municipality を確認してください`,
    });
  return out;
}

/** Every plausibility problem of the parsed entries against the official list and the outlines. */
export function plausibilityProblems(parsed: readonly Parsed[], context: CheckContext): Problem[] {
  const bodies = new Map(
    parsed.filter((p) => p.entry.collection === 'municipalities').map((p) => [p.entry.id, p.data.location]),
  );
  return parsed.flatMap((p) => {
    if (p.entry.collection === 'municipalities' && /^\d{6}$/.test(p.entry.id)) return bodyProblems(p, context);
    if (p.entry.collection === 'coops') return coopPointProblems(p, context, bodies);
    return [];
  });
}
