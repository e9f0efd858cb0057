/**
 * Plain shapes of the entities after references are resolved to ids. Pages
 * and src/lib functions work on these, never on Astro's entry objects.
 */
import type { z } from 'astro/zod';
import type { source } from './schema.ts';

/** A source as the schema defines it (src/lib/schema.ts). */
export type Source = z.output<typeof source>;

export interface Figure {
  label: string;
  value: number;
  unit: string;
  asOf: string;
  period?: string;
  note?: string;
  source?: number;
}

export interface ServiceGroup {
  category: string;
  group?: string;
  items: string[];
}

export interface Coop {
  id: string;
  name: string;
  nameVariants?: string[];
  reading: string;
  kind: 'coop' | 'federation' | 'network' | 'hq' | 'site';
  legalForm?: string;
  parent?: string;
  memberOf?: string[];
  prefecture?: string;
  municipality?: string;
  address?: string;
  postalCode?: string;
  location?: { lat: number; lng: number };
  categories: string[];
  summary?: string;
  business?: string[];
  services?: ServiceGroup[];
  servicesAsOf?: string;
  licences?: string[];
  origin?: 'new' | 'converted-kigyo' | 'converted-npo' | 'unknown';
  convertedFrom?: string;
  founded?: string;
  established?: string;
  tokutei?: boolean;
  area?: string;
  figures?: Figure[];
  contact?: { website?: string; phone?: string; fax?: string; asOf?: string };
  notes?: string[];
  sources: Source[];
}

export interface Category {
  id: string;
  name: string;
  nameEn: string;
  reading: string;
  order: number;
  description: string;
  parent?: string;
  sources: Source[];
}

export type BodyKind = '国' | '都道府県' | '市' | '特別区' | '区' | '町' | '村';

export interface Body {
  id: string;
  name: string;
  reading: string;
  kind: BodyKind;
  prefecture?: string;
  parent?: string;
  location?: { lat: number; lng: number };
  locationSource?: string;
  website?: string;
  sources: Source[];
}

export interface Contract {
  id: string;
  commissioner: string;
  contractor: string;
  programme: string;
  services?: string[];
  category: string;
  asOf?: string;
  from?: string;
  to?: string;
  note?: string;
  sources: Source[];
}

export interface CouncilMember {
  name: string;
  kind?: string;
  coop?: string;
  body?: string;
  note?: string;
  source?: number;
}

/** A statement in our own words with the index of its source. */
export interface SourcedText {
  text: string;
  source: number;
}

/** A figure on the model-project pages: its source is always named. */
export interface SourcedFigure extends Figure {
  source: number;
}

export type ActivityKind = 'forum' | 'symposium' | 'seminar' | 'workshop' | 'consultation' | 'matching' | 'course' | 'outreach' | 'meeting' | 'publicity' | 'visit' | 'other';
export type ActivityStatus = 'held' | 'ongoing' | 'planned';

/** One activity of a council. */
export interface Activity {
  id: string;
  title: string;
  kind: ActivityKind;
  status: ActivityStatus;
  fiscalYear?: number;
  date?: string;
  from?: string;
  to?: string;
  organiser?: string;
  region?: string;
  place?: string;
  audience?: string;
  summary?: string;
  lists?: Array<{ label: string; items: string[] }>;
  attendance?: { participants?: number; capacity?: number; unit: string };
  bodies?: string[];
  coops?: string[];
  figures?: SourcedFigure[];
  note?: string;
  source: number;
}

/** A council's consultation window (organisation contact only). */
export interface ConsultationWindow {
  name: string;
  operator: string;
  operatorCoop?: string;
  operatorBody?: string;
  phone?: string;
  email?: string;
  hours?: string;
  from?: string;
  fee?: string;
  howTo?: string[];
  note?: string;
  source: number;
}

export interface Council {
  id: string;
  name: string;
  reading: string;
  shortName?: string;
  prefecture: string;
  programme?: string;
  summary?: string;
  established?: string;
  establishedSource?: number;
  period?: { from: string; to: string; source: number };
  secretariat?: { name: string; coop?: string; body?: string; source: number };
  members?: CouncilMember[];
  membersAsOf?: string;
  membersSource?: number;
  membersComplete?: boolean;
  website?: string;
  reasons?: SourcedText[];
  aims?: SourcedText[];
  plans?: Array<{ fiscalYear: number; stage?: string; theme: string; items?: string[]; source: number }>;
  windows?: ConsultationWindow[];
  activities?: Activity[];
  kindNotes?: Array<{ kind: ActivityKind; text: string; source: number }>;
  prefectureCoops?: { asOf: string; items: Array<{ name: string; coop?: string; place?: string; business?: string }>; source: number };
  problems?: Array<{ context?: string; problem: string; responses?: string[]; source: number }>;
  after?: SourcedText[];
  figures?: SourcedFigure[];
  unpublished?: string[];
  unpublishedAsOf?: string;
  sources: Source[];
}

/** A national programme: the 労働者協同組合活用促進モデル事業. */
export interface Programme {
  id: string;
  name: string;
  reading: string;
  ministry: string;
  summary: string;
  aims: SourcedText[];
  fiscalYears: { from: number; to: number; source: number };
  selection: { date: string; councils: number; text: string; source: number };
  funding?: SourcedText[];
  events?: Array<{ date: string; title: string; status: ActivityStatus; source: number }>;
  website?: string;
  unpublished?: string[];
  unpublishedAsOf?: string;
  sources: Source[];
}

export interface Guide {
  id: string;
  title: string;
  summary: string;
  updated: string;
  order: number;
  sources: Source[];
}

/** A count of worker co-operatives in Japan at a date (official: the ministry's own figure). */
export interface NationalCount {
  id: string;
  asOf: string;
  corporations: number;
  prefectures?: number;
  prefecturesText?: string;
  newlyEstablished?: number;
  converted?: number;
  convertedFromKigyo?: number;
  convertedFromNpo?: number;
  tokutei?: number;
  official: boolean;
  note?: string;
  sources: Source[];
}

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
