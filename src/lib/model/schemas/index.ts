/**
 * Zod schemas of every collection. They are factories over `ref`, so the same
 * rules serve Astro (which passes its `reference()`) and the data check
 * (which passes a plain id string and resolves references itself).
 */
import type { z } from 'astro/zod';
import { isValidLgCode, isNationalBodyId } from '../../places/lgcode.ts';
import { COOP_LIST_SEGMENT } from '../paths.ts';
import type { CollectionName, RefFactory } from './collections.ts';
import { coopSchema } from './coop.ts';
import { categorySchema } from './category.ts';
import { municipalitySchema } from './municipality.ts';
import { contractSchema } from './contract.ts';
import { councilSchema } from './council.ts';
import { programmeSchema } from './programme.ts';
import { guideSchema } from './guide.ts';
import { nationalCountSchema } from './national-count.ts';

export * from './collections.ts';
export * from './fields.ts';
export { coopSchema, registryRecord } from './coop.ts';
export {
  categorySchema,
  municipalitySchema,
  contractSchema,
  councilSchema,
  programmeSchema,
  guideSchema,
  nationalCountSchema,
};
export { searchSynonymsSchema } from './search-synonyms.ts';

/** The schema of every collection, keyed by name. */
export function schemasFor(ref: RefFactory) {
  return {
    coops: coopSchema(ref),
    categories: categorySchema(ref),
    municipalities: municipalitySchema(ref),
    contracts: contractSchema(ref),
    councils: councilSchema(ref),
    programmes: programmeSchema(ref),
    guides: guideSchema(),
    nationalCounts: nationalCountSchema(),
  } satisfies Record<CollectionName, z.ZodType>;
}

/** Valid ids: lowercase ASCII slugs; municipalities use their code (or a national body id). */
export function idProblem(collection: CollectionName, id: string): string | undefined {
  if (collection === 'municipalities') {
    if (isNationalBodyId(id)) return undefined;
    if (!/^\d{6}$/.test(id)) return `id "${id}" は6桁の全国地方公共団体コードではありません`;
    if (!isValidLgCode(id)) return `全国地方公共団体コード "${id}" の検査数字が正しくありません`;
    return undefined;
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return `id "${id}" は英小文字・数字・ハイフンのみで付けてください`;
  if (collection === 'coops' && id === COOP_LIST_SEGMENT)
    return `id "${id}" は都道府県別一覧のURL（/coops/${COOP_LIST_SEGMENT}/…）に使うため、組合の id にはできません`;
  return undefined;
}
