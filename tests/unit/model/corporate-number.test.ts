/**
 * 法人番号 check digits, tested on numbers that their holders or the National
 * Tax Agency publish, and on the worked example of the agency's own
 * 「チェックデジットの計算」 (https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf).
 */
import { describe, expect, test } from 'vitest';
import {
  corporateCheckDigit,
  corporateNumberProblem,
  corporateNumberUrl,
  isValidCorporateNumber,
} from '../../../src/lib/model/corporate-number.ts';

describe('corporate number check digit', () => {
  test.each([
    ['7000012050002', '国税庁 (shown in the footer of its own sites)'],
    ['8700110005901', 'the worked example: 基礎番号 700110005901 → 8'],
    ['4000012090001', '経済産業省'],
    ['7010705000725', '日本税理士会連合会 (Wikipedia 「法人番号」 example)'],
  ])('%s is valid (%s)', (n) => {
    expect(isValidCorporateNumber(n)).toBe(true);
    expect(corporateCheckDigit(n.slice(1))).toBe(Number(n[0]));
  });

  test('the formula: 9 − (Σ digit × 1 or 2 from the lowest digit, mod 9)', () => {
    // 123456789012 read from the right: 2×1 + 1×2 + 0×1 + 9×2 + 8×1 + 7×2 + 6×1 + 5×2 + 4×1 + 3×2 + 2×1 + 1×2 = 74; 74 mod 9 = 2; 9 − 2 = 7.
    expect(corporateCheckDigit('123456789012')).toBe(7);
    // A sum that is a multiple of 9 gives 9, never 0.
    expect(corporateCheckDigit('000000000000')).toBe(9);
  });

  test('every single-digit change of the check digit is caught', () => {
    for (let d = 1; d <= 9; d++) {
      if (d === 7) continue;
      expect(corporateNumberProblem(`${d}000012050002`)).toMatch(/検査用数字.*7 になります/);
    }
  });

  test('shape: 13 digits only', () => {
    expect(corporateNumberProblem('700001205000')).toMatch(/13桁/);
    expect(corporateNumberProblem('7000-0120-5000')).toMatch(/13桁/);
    expect(() => corporateCheckDigit('12345')).toThrow();
  });

  test('the link to the number on the corporate-number site', () => {
    expect(corporateNumberUrl('7000012050002')).toBe(
      'https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=7000012050002',
    );
  });
});
