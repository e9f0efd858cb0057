/** Remembered pure functions (src/lib/model/remember.ts): each answer worked out once per key. */
import { describe, expect, test } from 'vitest';
import { rememberedPer, remembering } from '../../../src/lib/model/remember.ts';

describe('remembering (string keys)', () => {
  test('works out each key once, and again after the memory is emptied at its limit', () => {
    const calls: string[] = [];
    const f = remembering((k: string) => (calls.push(k), k.length), 2);
    expect([f('a'), f('bb'), f('a')]).toEqual([1, 2, 1]);
    expect(calls).toEqual(['a', 'bb']);
    f('ccc'); // the third key empties the memory first
    f('a');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});

describe('rememberedPer (object keys)', () => {
  test('works out each object once, an undefined answer included; another object is another answer', () => {
    let calls = 0;
    const f = rememberedPer((list: readonly number[]) => (calls++, list.find((n) => n > 10)));
    const a = [1, 2];
    const b = [20];
    expect([f(a), f(a), f(b), f(b)]).toEqual([undefined, undefined, 20, 20]);
    expect(calls).toBe(2);
    expect(f([1, 2])).toBeUndefined();
    expect(calls).toBe(3);
  });
});
