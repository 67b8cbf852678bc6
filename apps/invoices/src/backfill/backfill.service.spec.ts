import { backfillDays } from './backfill.service';

describe(backfillDays.name, () => {
  // 800 calls a day for the backfill; 500 of them left today.
  const dayOf = backfillDays(800, 500);
  it.each([
    [1, 0],
    [500, 0],
    [501, 1],
    [1300, 1],
    [1301, 2],
    [2100, 2],
    [2101, 3],
  ])('call %i runs on day %i', (calls, day) => {
    expect(dayOf(calls)).toBe(day);
  });

  it('starts tomorrow when nothing is left today', () => {
    expect(backfillDays(800, 0)(1)).toBe(1);
  });
});
