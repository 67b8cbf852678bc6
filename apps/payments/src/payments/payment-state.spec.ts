import { exactPaymentState } from './payment-state';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe(exactPaymentState.name, () => {
  it.each([
    [
      'nothing paid: one open term for the whole amount',
      [
        {
          term_id: 'a',
          status: 20,
          amount_fc: '770.77',
          transaction_amount_fc: '770.77',
          last_payment_date: null,
        },
      ],
      { paid: 0, lastPaymentDate: null, latestTermId: 'a' },
    ],
    [
      'partly paid: the paid part split off as a matched term',
      [
        {
          term_id: 'a',
          status: 20,
          amount_fc: '470.77',
          transaction_amount_fc: '770.77',
          last_payment_date: day('2026-11-20'),
        },
        {
          term_id: 'b',
          status: 50,
          amount_fc: '300.00',
          transaction_amount_fc: '770.77',
          last_payment_date: day('2026-11-20'),
        },
      ],
      { paid: 300, lastPaymentDate: day('2026-11-20'), latestTermId: 'a' },
    ],
    [
      'fully paid in two payments',
      [
        {
          term_id: 'a',
          status: 50,
          amount_fc: '470.77',
          transaction_amount_fc: '770.77',
          last_payment_date: day('2026-11-25'),
        },
        {
          term_id: 'b',
          status: 50,
          amount_fc: '300.00',
          transaction_amount_fc: '770.77',
          last_payment_date: day('2026-11-20'),
        },
      ],
      { paid: 770.77, lastPaymentDate: day('2026-11-25'), latestTermId: 'a' },
    ],
    [
      'a credit note, negative in Exact, fully refunded',
      [
        {
          term_id: 'c',
          status: 50,
          amount_fc: '-121.00',
          transaction_amount_fc: '-121.00',
          last_payment_date: day('2026-11-21'),
        },
      ],
      { paid: 121, lastPaymentDate: day('2026-11-21'), latestTermId: 'c' },
    ],
    [
      'selected for a collection run but not paid yet',
      [
        {
          term_id: 'a',
          status: 30,
          amount_fc: '100.00',
          transaction_amount_fc: '100.00',
          last_payment_date: null,
        },
      ],
      { paid: 0, lastPaymentDate: null, latestTermId: 'a' },
    ],
  ])('%s', (_case, terms, expected) => {
    expect(exactPaymentState(terms)).toEqual(expected);
  });
});
