import { extractClaims } from '../../src/extraction';
import type { ExtractedClaim } from '../../src/extraction/types';

/**
 * "The director of the FBI, James Comey, said …": a role with its own "of" phrase, then the name. Read on an
 * antitrust story written for the purpose (2026-11-30), "Google's president of global affairs, Kent Walker" came out
 * as one anonymous description, and the later "Walker wrote" as a person without a title. (PolNeAR train: 87 claims
 * now named, among them "the director of the Federal Bureau of Investigation, James B. Comey".)
 */
const claimWith = (claims: ExtractedClaim[], words: string) => claims.find((c) => c.text.includes(words));

describe('a role with an "of" phrase, then the name', () => {
  test('when "Google\'s president of global affairs, Kent Walker, said …" is read, then Walker speaks with his title', () => {
    const text =
      "Google's president of global affairs, Kent Walker, said in a blog post that the company would appeal. " +
      '"This decision recognizes that Google offers the best search engine," Walker wrote.';
    const claims = extractClaims(text, { model: 'accurate' });
    for (const words of ['would appeal', 'best search engine']) {
      expect(claimWith(claims, words)?.speaker).toMatchObject({
        name: 'Kent Walker',
        anonymous: false,
        title: 'president of global affairs',
        affiliation: 'Google',
      });
    }
  });

  test('when "The director of the agency, Maria Lopez, said …" is read, then Lopez speaks as its director', () => {
    const text =
      'The director of the Federal Emergency Management Agency, Maria Lopez, said aid would arrive on Friday.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'aid would arrive');
    expect(c?.speaker).toMatchObject({
      name: 'Maria Lopez',
      anonymous: false,
      title: 'director',
      affiliation: 'Federal Emergency Management Agency',
    });
  });

  test('when "He said …" follows "The leader of the league, Dan Ortiz, warned …", then it is Ortiz, not the speaker before', () => {
    const text =
      '"This is a danger to everyone," said Lena Haddad, a member of parliament.\n\n' +
      'The leader of the Civil Liberties League, Dan Ortiz, warned that such a ban would be "unacceptable." ' +
      'He said the government "knows all too well" what happens when one group is singled out.';
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'singled out');
    expect(c?.speaker.name).toBe('Dan Ortiz');
  });
});

describe("a firm's name is one name", () => {
  test('when "Analysts at Morgan Stanley said …" is read, then the analysts speak, not a person "Morgan Stanley"', () => {
    // The whole story: the tagger reads a sentence in its article's context (the split needs it).
    const text = [
      'SAN FRANCISCO, Nov 29 (AP) — A federal judge ruled on Wednesday that Google illegally maintained a monopoly in online search, handing the Justice Department its biggest antitrust victory against a technology company in decades.',
      '"Google is a monopolist, and it has acted as one to maintain its monopoly," U.S. District Judge Amit Mehta wrote in a 277-page opinion.',
      'Attorney General Merrick Garland called the ruling "a historic win for the American people." Google\'s president of global affairs, Kent Walker, said in a blog post that the company would appeal.',
      '"This decision recognizes that Google offers the best search engine, but concludes that we shouldn\'t be allowed to make it easily available," Walker wrote.',
      "Shares of Alphabet, Google's parent, fell 4.5 percent. Analysts at Morgan Stanley said the ruling was unlikely to hurt the company's earnings in the near term, but warned that remedies could include forcing Google to sell its Chrome browser.",
      'A spokeswoman for Apple, which receives billions of dollars a year from Google for making it the default search engine on iPhones, declined to comment. Mehta said he would hold a hearing next month to decide on the remedies.',
    ].join('\n\n');
    const c = claimWith(extractClaims(text, { model: 'accurate' }), 'unlikely to hurt');
    expect(c?.speaker).toMatchObject({ affiliation: 'Morgan Stanley', type: 'expert' });
  });
});
