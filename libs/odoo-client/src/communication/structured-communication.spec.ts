import {
  belgianStructuredCommunication,
  isValidBelgianStructuredCommunication,
} from './structured-communication';

describe('Belgian structured communication', () => {
  it.each([
    [654, '+++000/0000/65472+++'], // the example in Odoo's l10n_be
    [97, '+++000/0000/09797+++'], // 97 mod 97 = 0 → check digits 97
    ['1234567890', '+++123/4567/89002+++'],
    [1, '+++000/0000/00101+++'],
  ])('%s → %s', (base, expected) => {
    expect(belgianStructuredCommunication(base)).toBe(expected);
    expect(isValidBelgianStructuredCommunication(expected)).toBe(true);
  });

  it.each([
    ['+++000/0000/65472+++', true],
    ['***000/0000/65472***', true],
    ['000/0000/65472', true],
    ['000000065472', true],
    ['+++000/0000/65473+++', false],
    ['+++000/0000/6547+++', false],
    ['INV/2026/00001', false],
    ['', false],
  ])('validates %s → %s', (text, valid) => {
    expect(isValidBelgianStructuredCommunication(text)).toBe(valid);
  });

  it('refuses more than ten digits', () => {
    expect(() => belgianStructuredCommunication('12345678901')).toThrow(/1 to 10 digits/);
  });
});
