/**
 * 全国地方公共団体コード (6 digits: 2-digit prefecture, 3-digit municipality,
 * 1 check digit). Spec: https://www.soumu.go.jp/main_content/000137948.pdf
 */

/** Ids of national bodies. They are not six digits, so they can never collide with a 地方公共団体コード. */
export const NATIONAL_BODY_IDS = ['mhlw'] as const;

/** The check digit the first five digits of a code call for. */
export function checkDigitFor(firstFive: string): number {
  if (!/^\d{5}$/.test(firstFive)) throw new Error(`five digits expected, got "${firstFive}"`);
  const weights = [6, 5, 4, 3, 2];
  const sum = [...firstFive].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return (11 - (sum % 11)) % 10;
}

/** Whether a string is six digits whose last digit is the right check digit. */
export function isValidLgCode(code: string): boolean {
  return /^\d{6}$/.test(code) && Number(code[5]) === checkDigitFor(code.slice(0, 5));
}

/** The prefecture's own code (e.g. 112313 → 110001). */
export function prefectureCodeOf(code: string): string {
  const firstFive = `${code.slice(0, 2)}000`;
  return `${firstFive}${checkDigitFor(firstFive)}`;
}

/** Whether an id names a national body (not a 地方公共団体). */
export function isNationalBodyId(id: string): boolean {
  return (NATIONAL_BODY_IDS as readonly string[]).includes(id);
}
