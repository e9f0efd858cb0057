/** schema.org JSON-LD builders on the valid fixture, plus synthetic edge cases built here. */
import { describe, expect, test } from 'vitest';
import { loadContentDirectory } from '../../helpers/content.ts';
import { makeLookup } from '../../../src/lib/publish/datasets/index.ts';
import { bodyJsonLd, coopJsonLd, serializeJsonLd, streetPart } from '../../../src/lib/publish/jsonld.ts';
import type { Coop } from '../../../src/lib/model/types.ts';

const dir = loadContentDirectory('tests/fixtures/valid');
const abs = makeLookup(dir, (p) => `https://example.test/${p}`);
const rel = makeLookup(dir, (p) => `/${p}`);
const alpha = dir.coops.find((c) => c.id === 'alpha')!;

describe('co-op: Organization', () => {
  test('carries name, address, areaServed and url', () => {
    const ld = coopJsonLd(alpha, abs);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://example.test/coops/alpha/#organization',
      name: alpha.name,
      url: 'https://example.test/coops/alpha/',
      address: { '@type': 'PostalAddress', addressCountry: 'JP', addressRegion: '東京都', addressLocality: '新宿区' },
      areaServed: { '@type': 'AdministrativeArea', name: '新宿区' },
      foundingDate: '2023-04',
    });
    expect(ld).not.toHaveProperty('sameAs');
    // No point from a municipality's representative point: that would claim a precision we do not have.
    expect(ld).not.toHaveProperty('geo');
  });
  test('the website becomes url and sameAs; a confirmed location becomes geo; the parent is linked', () => {
    const coop: Coop = {
      ...alpha,
      id: 'x',
      parent: 'alpha',
      contact: { website: 'https://coop.example.test/' },
      location: { lat: 35.7, lng: 139.7 },
      address: '東京都新宿区西新宿1-1',
      postalCode: '160-0023',
      area: '都内全域',
    };
    const ld = coopJsonLd(coop, abs);
    expect(ld.url).toBe('https://coop.example.test/');
    expect(ld.sameAs).toEqual(['https://coop.example.test/']);
    expect(ld.mainEntityOfPage).toBe('https://example.test/coops/x/');
    expect(ld.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 35.7, longitude: 139.7 });
    expect(ld.address).toMatchObject({ streetAddress: '西新宿1-1', postalCode: '160-0023' });
    expect(ld.areaServed).toEqual({ '@type': 'AdministrativeArea', name: '都内全域' });
    expect(ld.parentOrganization).toMatchObject({
      name: alpha.name,
      '@id': 'https://example.test/coops/alpha/#organization',
    });
  });
  test('without SITE_URL the URLs are root-relative, never an invented domain', () => {
    expect(coopJsonLd(alpha, rel).url).toBe('/coops/alpha/');
  });
});

describe('public body: GovernmentOrganization', () => {
  test('a ward: code, address, area, parent prefecture', () => {
    const ld = bodyJsonLd(
      dir.bodies.find((b) => b.id === '131041')!,
      abs,
    );
    expect(ld).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: '新宿区',
      identifier: { '@type': 'PropertyValue', propertyID: '全国地方公共団体コード', value: '131041' },
      address: { addressRegion: '東京都', addressLocality: '新宿区' },
      areaServed: { '@type': 'City', name: '新宿区' },
      parentOrganization: { '@type': 'GovernmentOrganization', name: '東京都' },
    });
  });
  test('the national ministry serves Japan and has no local code', () => {
    const ld = bodyJsonLd(
      dir.bodies.find((b) => b.id === 'mhlw')!,
      abs,
    );
    expect(ld.areaServed).toEqual({ '@type': 'Country', name: '日本' });
    expect(ld).not.toHaveProperty('identifier');
  });
});

describe('serialisation', () => {
  test('no text can close the script element, and it parses back unchanged', () => {
    const data = { name: '</script><script>alert(1)</script> & \u2028' };
    const s = serializeJsonLd(data);
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual(data);
  });
  test('the street part drops the prefecture and municipality at the start only', () => {
    expect(streetPart('埼玉県さいたま市南区南本町2-5-15', ['埼玉県', 'さいたま市南区'])).toBe('南本町2-5-15');
    expect(streetPart('横浜市中区南仲通4-39', ['神奈川県', '横浜市中区'])).toBe('南仲通4-39');
    expect(streetPart('本町1', ['東京都'])).toBe('本町1');
  });
});

describe('co-op: 法人番号 and dates', () => {
  test('the corporate number is an identifier with its page; the founding date prefers the organisation, then registration, then conversion', () => {
    const withNumber: Coop = {
      ...alpha,
      corporateNumber: '7000012050002',
      founded: undefined,
      established: undefined,
      registered: '2023-04-10',
    };
    const ld = coopJsonLd(withNumber, abs);
    expect(ld.identifier).toEqual({
      '@type': 'PropertyValue',
      propertyID: '法人番号',
      value: '7000012050002',
      url: 'https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=7000012050002',
    });
    expect(ld.foundingDate).toBe('2023-04-10');
    expect(coopJsonLd({ ...withNumber, founded: '1990' }, abs).foundingDate).toBe('1990');
    expect(coopJsonLd({ ...withNumber, registered: undefined, converted: '2024-01-01' }, abs).foundingDate).toBe(
      '2024-01-01',
    );
    expect(coopJsonLd({ ...withNumber, dissolved: { date: '2026-01-31' } }, abs).dissolutionDate).toBe('2026-01-31');
    expect(coopJsonLd(alpha, abs)).not.toHaveProperty('identifier');
  });
});
