import { statementText } from '../../src/db/pool';

describe('when a named statement is run again', () => {
  it('then its text is the one built the first time, and an unnamed one is built each time', () => {
    let builds = 0;
    const build = () => `select ${++builds}`;
    expect(statementText('statement-text-test', build)).toBe('select 1');
    expect(statementText('statement-text-test', build)).toBe('select 1');
    expect(statementText(undefined, build)).toBe('select 2');
    expect(builds).toBe(2);
  });
});
