/**
 * Plain shapes of the entities, derived from the zod schemas (src/lib/model/schemas/index.ts):
 * each is the schema's output plus the entry's `id`; references are ids.
 * Pages and src/lib functions work on these, never on Astro's entry objects.
 * Nothing here restates a field: add a field to the schema, and it is here.
 */
import type { z } from 'astro/zod';
import type { schemasFor, searchSynonymsSchema, source } from './schemas/index.ts';
import type { ACTIVITY_KIND, ACTIVITY_STATUS, BODY_KINDS, CONTRACT_FORMS, CONTRACT_KIND } from './vocabularies.ts';

type Schemas = ReturnType<typeof schemasFor>;
/** One entry of a collection: its id (the file name) and its data. */
export type Entry<K extends keyof Schemas> = { id: string } & z.output<Schemas[K]>;

/** A source as the schema defines it. */
export type Source = z.output<typeof source>;

export type Coop = Entry<'coops'>;
export type Category = Entry<'categories'>;
/** A public body (collection `municipalities`). */
export type Body = Entry<'municipalities'>;
export type Contract = Entry<'contracts'>;
export type Council = Entry<'councils'>;
/** A national programme: the 労働者協同組合活用促進モデル事業. */
export type Programme = Entry<'programmes'>;
export type Guide = Entry<'guides'>;
/** A count of worker co-operatives in Japan at a date (official: the ministry's own figure). */
export type NationalCount = Entry<'nationalCounts'>;

export type Figure = NonNullable<Coop['figures']>[number];
/** What the corporate-number site publishes about an organisation (written by npm run import:houjin). */
export type RegistryRecord = NonNullable<Coop['registry']>;
export type ServiceGroup = NonNullable<Coop['services']>[number];
export type BodyKind = (typeof BODY_KINDS)[number];
export type CouncilMember = NonNullable<Council['members']>[number];
/** One activity of a council. */
export type Activity = NonNullable<Council['activities']>[number];
/** A public body's 労働者協同組合 window (a prefecture's or the ministry's; at most one), with the index of its source. */
export type BodyWindow = NonNullable<Body['windows']>[number];
/** A council's consultation window (organisation contact only). */
export type ConsultationWindow = NonNullable<Council['windows']>[number];
/** A statement in our own words with the index of its source. */
export type SourcedText = NonNullable<Council['aims']>[number];
/** A figure on the model-project pages: its source is always named. */
export type SourcedFigure = NonNullable<Council['figures']>[number];
export type ActivityKind = (typeof ACTIVITY_KIND.values)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUS.values)[number];
/** A contract's programme kind (filters and grouping; labels in src/lib/views/contracts.ts). */
export type ContractKind = (typeof CONTRACT_KIND.values)[number];
/** 委託・指定管理・補助. */
export type ContractForm = (typeof CONTRACT_FORMS)[number];

/** Every collection, as plain arrays. */
export interface Directory {
  coops: Coop[];
  categories: Category[];
  bodies: Body[];
  contracts: Contract[];
  councils: Council[];
  programmes: Programme[];
  guides: Guide[];
  nationalCounts: NationalCount[];
}

/** The search's everyday-words table (content/search-synonyms.yaml). */
export type SearchSynonyms = z.output<ReturnType<typeof searchSynonymsSchema>>;
/** One group of words people type for one service. */
export type SynonymGroup = SearchSynonyms['groups'][number];
