/**
 * Plain shapes of the entities after references are resolved to ids. Pages
 * and src/lib functions work on these, never on Astro's entry objects.
 */
export interface Source {
  title: string;
  publisher?: string;
  url?: string;
  document?: string;
  asOf?: string;
  published?: string;
  seen?: string;
  note?: string;
}

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
  coop?: string;
  body?: string;
}

export interface Council {
  id: string;
  name: string;
  reading: string;
  prefecture: string;
  summary?: string;
  members?: CouncilMember[];
  membersAsOf?: string;
  website?: string;
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

/** Every collection, as plain arrays. */
export interface Directory {
  coops: Coop[];
  categories: Category[];
  bodies: Body[];
  contracts: Contract[];
  councils: Council[];
  guides: Guide[];
}
