/**
 * 法人番号 (corporate number): 13 digits, the first of which is a check digit
 * computed from the other twelve (the 基礎番号, for a registered 法人 its
 * 会社法人等番号).
 *
 * Formula: 法人番号の指定等に関する省令（平成26年財務省令第70号）第2条, as
 * the National Tax Agency explains it in 「チェックデジットの計算」
 * (https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf):
 *
 *   check digit = 9 − ((Σ_{n=1..12} P_n × Q_n) mod 9)
 *   P_n: the n-th digit of the 基礎番号 counted from its lowest (rightmost) digit
 *   Q_n: 1 when n is odd, 2 when n is even
 *
 * The result is always 1–9, so a 法人番号 never starts with 0.
 */

/** The check digit the twelve digits of a 基礎番号 call for (1–9). */
export function corporateCheckDigit(base: string): number {
  if (!/^\d{12}$/.test(base)) throw new Error(`12 digits expected, got "${base}"`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = Number(base[12 - n]);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Why a string is not a valid 法人番号, in Japanese for editors; undefined when it is valid. */
export function corporateNumberProblem(value: string): string | undefined {
  if (!/^\d{13}$/.test(value)) return `法人番号 "${value}" は13桁の数字ではありません`;
  const expected = corporateCheckDigit(value.slice(1));
  if (Number(value[0]) !== expected)
    return `法人番号 "${value}" の検査用数字（先頭の桁）が正しくありません（残り12桁からは ${expected} になります）`;
  return undefined;
}

/** Whether a string is 13 digits whose first digit is the right check digit. */
export function isValidCorporateNumber(value: string): boolean {
  return corporateNumberProblem(value) === undefined;
}

/** The page of one 法人番号 on the National Tax Agency's corporate-number publication site (its record and change history). */
export function corporateNumberUrl(value: string): string {
  return `https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=${value}`;
}
