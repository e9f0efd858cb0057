/**
 * schema.org structured data (JSON-LD) for co-op and public-body pages.
 * Page URLs are absolute when SITE_URL is set; otherwise they are
 * root-relative, which JSON-LD resolves against the page's own address.
 */
import type { Body, Category, Coop } from '../model/types.ts';
import { placeOf, whereIs, type Place } from '../model/directory.ts';
import { paths } from '../model/paths.ts';
import { corporateNumberUrl } from '../model/corporate-number.ts';

type Json = Record<string, unknown>;

/** What the builders look up and how they write a site path as a URL. */
export interface JsonLdContext {
  coops: Map<string, Coop>;
  bodies: Map<string, Body>;
  categories: Map<string, Category>;
  /** A site path ('coops/x/') as a URL. */
  url: (path: string) => string;
}

/** Drops undefined values and empty arrays, so the output carries only what is known. */
function compact(o: Json): Json {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

/** The street part of an address: the prefecture and municipality names at its start are dropped (they go in their own fields). */
export function streetPart(address: string, names: readonly (string | undefined)[]): string {
  let rest = address.trim();
  for (const n of names) if (n && rest.startsWith(n)) rest = rest.slice(n.length).trim();
  return rest || address;
}

/** A reference to another organisation's node on its own page. */
function organisationRef(ctx: JsonLdContext, coop: Coop): Json {
  return { '@type': 'Organization', '@id': `${ctx.url(paths.coop(coop.id))}#organization`, name: coop.name };
}

/** The PostalAddress of an organisation: prefecture, municipality, postal code and the street part of its address. */
function postalAddress(coop: Coop, pref: Body | undefined, muni: Body | undefined): Json {
  return compact({
    '@type': 'PostalAddress',
    addressCountry: 'JP',
    addressRegion: pref?.name,
    addressLocality: muni?.name,
    postalCode: coop.postalCode,
    streetAddress: coop.address ? streetPart(coop.address, [pref?.name, muni?.name]) : undefined,
  });
}

/** The 法人番号 as a PropertyValue, with the number's page on the National Tax Agency's site. */
function corporateIdentifier(number: string | undefined): Json | undefined {
  return number
    ? { '@type': 'PropertyValue', propertyID: '法人番号', value: number, url: corporateNumberUrl(number) }
    : undefined;
}

/** GeoCoordinates only for a point confirmed from the address; a municipality's representative point would mislead. */
function geoOf(place: Place | undefined): Json | undefined {
  return place?.precision === 'address'
    ? { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lng }
    : undefined;
}

/** An Organization for a co-op page: name, address (PostalAddress), areaServed, url, sameAs, parent and membership. */
export function coopJsonLd(coop: Coop, ctx: JsonLdContext): Json {
  const page = ctx.url(paths.coop(coop.id));
  const where = whereIs(coop, ctx.bodies);
  const pref = where.prefecture;
  const muni = coop.municipality ? ctx.bodies.get(coop.municipality) : undefined;
  const parent = coop.parent ? ctx.coops.get(coop.parent) : undefined;
  const website = coop.contact?.website;
  const area = coop.area ?? muni?.name ?? pref?.name;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${page}#organization`,
    name: coop.name,
    alternateName: coop.nameVariants,
    description: coop.summary,
    // The organisation's own site when known; otherwise this page, which is its stable address here.
    url: website ?? page,
    sameAs: website ? [website] : undefined,
    mainEntityOfPage: page,
    address: postalAddress(coop, pref, muni),
    areaServed: area ? { '@type': 'AdministrativeArea', name: area } : undefined,
    geo: geoOf(placeOf(coop, ctx.bodies)),
    identifier: corporateIdentifier(coop.corporateNumber),
    foundingDate: coop.founded ?? coop.registered ?? coop.converted ?? coop.established,
    dissolutionDate: coop.dissolved?.date,
    telephone: coop.contact?.phone,
    faxNumber: coop.contact?.fax,
    email: coop.contact?.email,
    knowsAbout: coop.categories.map((id) => ctx.categories.get(id)?.name ?? id),
    parentOrganization: parent ? organisationRef(ctx, parent) : undefined,
    memberOf: (coop.memberOf ?? [])
      .map((id) => ctx.coops.get(id))
      .filter((m): m is Coop => m !== undefined)
      .map((m) => organisationRef(ctx, m)),
  });
}

const AREA_TYPES: Record<Body['kind'], string> = {
  国: 'Country',
  都道府県: 'State',
  市: 'City',
  特別区: 'City',
  区: 'AdministrativeArea',
  町: 'City',
  村: 'City',
};

/** A GovernmentOrganization for a public-body page: name, code, address, area served, parent body. */
export function bodyJsonLd(body: Body, ctx: JsonLdContext): Json {
  const page = ctx.url(paths.body(body.id));
  const pref = body.prefecture ? ctx.bodies.get(body.prefecture) : undefined;
  const above = body.parent ? ctx.bodies.get(body.parent) : pref;
  const code = /^\d{6}$/.test(body.id) ? body.id : undefined;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': `${page}#organization`,
    name: body.name,
    url: body.website ?? page,
    sameAs: body.website ? [body.website] : undefined,
    mainEntityOfPage: page,
    identifier: code ? { '@type': 'PropertyValue', propertyID: '全国地方公共団体コード', value: code } : undefined,
    address: compact({
      '@type': 'PostalAddress',
      addressCountry: 'JP',
      addressRegion: body.kind === '都道府県' ? body.name : pref?.name,
      addressLocality: body.kind === '国' || body.kind === '都道府県' ? undefined : body.name,
    }),
    areaServed: compact({
      '@type': AREA_TYPES[body.kind],
      name: body.kind === '国' ? '日本' : body.name,
      geo:
        body.location && body.kind !== '国'
          ? { '@type': 'GeoCoordinates', latitude: body.location.lat, longitude: body.location.lng }
          : undefined,
    }),
    parentOrganization: above
      ? { '@type': 'GovernmentOrganization', '@id': `${ctx.url(paths.body(above.id))}#organization`, name: above.name }
      : undefined,
  });
}

/** JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and line separators escaped so no text can close the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
