import { claimWith, readAccurate as read } from '../support/extracted';

/**
 * Read on a rate-decision story written for the purpose (2026-11-30): "The Bank of England said …" after a claim of
 * the European Central Bank was pinned on the ECB (both read as "the bank"), central banks were private
 * `organization`s or, for "The Federal Reserve", a person, a named body was `anonymous`, and a strategist at an
 * asset manager was a government `official`.
 */

describe('central banks and market strategists', () => {
  test("when the Bank of England speaks after another bank, then the claim is the Bank of England's", () => {
    const claims = read(
      'The European Central Bank said on Thursday that inflation was falling faster than expected. The Bank of ' +
        'England said inflation in Britain would stay above its target until next summer.',
    );
    expect(claimWith(claims, 'above its target')?.speaker).toMatchObject({
      name: 'the Bank of England',
      type: 'official',
      anonymous: false,
    });
  });

  test('when the Federal Reserve or the European Central Bank speaks, then it is a named public body', () => {
    const fed = claimWith(read('The Federal Reserve said interest rates would stay on hold until March.'), 'on hold');
    expect(fed?.speaker).toMatchObject({ type: 'official', anonymous: false });
    const ecb = claimWith(
      read('The European Central Bank said on Thursday that inflation was falling faster than expected.'),
      'falling faster',
    );
    expect(ecb?.speaker).toMatchObject({ type: 'official', anonymous: false });
  });

  test('when the Bank of America speaks, then it stays a business', () => {
    const c = claimWith(read('The Bank of America said its quarterly profits had risen by 12 percent.'), 'profits');
    expect(c?.speaker.type).toBe('organization');
  });

  test('when a chief strategist at an asset manager is quoted, then the speaker is an expert', () => {
    const c = claimWith(
      read('"Markets had priced this in weeks ago," said Hannah Berg, chief strategist at Nordwind Asset Management.'),
      'priced this in',
    );
    expect(c?.speaker).toMatchObject({ name: 'Hannah Berg', type: 'expert' });
  });

  test('when a campaign strategist is quoted, then the speaker stays political', () => {
    const c = claimWith(
      read('"We will win Ohio," said Mark Hale, a Republican strategist who advised the governor in 2020.'),
      'win Ohio',
    );
    expect(c?.speaker.type).toBe('official');
  });
});
