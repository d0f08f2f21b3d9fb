import { isDependencyDown } from '../../src/queue/outage';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('when a job fails, telling an outage from a bad job', () => {
  it('then refused or lost Postgres and Redis connections count as an outage', () => {
    expect(isDependencyDown(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDependencyDown(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDependencyDown(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyDown(new Error('Connection is closed.'))).toBe(true);
    expect(isDependencyDown(new AggregateError([withCode('refused', 'ECONNREFUSED')], 'all refused'))).toBe(true);
  });

  it('then bad data, a failed statement or a webhook receiver that is down do not', () => {
    expect(isDependencyDown(withCode('invalid input syntax for type uuid', '22P02'))).toBe(false);
    expect(isDependencyDown(new Error('poisoned article refused'))).toBe(false);
    expect(isDependencyDown(new TypeError('fetch failed', { cause: withCode('refused', 'ECONNREFUSED') }))).toBe(false);
    expect(isDependencyDown(undefined)).toBe(false);
  });
});
