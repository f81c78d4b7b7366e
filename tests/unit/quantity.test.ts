import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../web/src/lib/quantity.js';

const ramen = { unit: '개', packSize: 24 };

describe('parseQuantity', () => {
  it.each([
    ['24', 24],
    ['3 박스', 72],
    ['3박스', 72],
    ['2 BOX', 48],
    ['３ 박스', 72],
    ['10개', 10],
    ['0.5 박스', 12],
  ])('reads %s as %i', (input, quantity) => {
    expect(parseQuantity(input, ramen)).toEqual({ ok: true, quantity });
  });

  it.each([
    ['', 'empty'],
    ['박스', 'not_a_number'],
    ['3 봉', 'unknown_unit'],
    ['1.5', 'not_whole'],
    ['0', 'not_whole'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseQuantity(input, ramen)).toEqual({ ok: false, reason });
  });
});
