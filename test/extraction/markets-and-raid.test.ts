import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a markets wrap and a workplace raid written for the purpose (2026-11-30). "OMAHA, Neb. (AP) — …" put
 * "AP) —" inside the officials' claim (the state's full stop ended a sentence before the wire); Waller's words were
 * claimed twice, once with the cue "were also rattled"; "U.S. Immigration and Customs Enforcement" and "Plant owner
 * Glenn Valley Foods" were persons, "company president Jim Ruiz" an official, and "Lucia Ramirez of the Nebraska
 * Immigrant Legal Center" a person called "Legal Center", so the "She said" after her went to "Advocates".
 */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('a markets wrap and a workplace raid', () => {
  test.each(MODELS)('when a dateline names a state by its abbreviation, then the wire stays out (%s)', (model) => {
    const c = claimWith(extractClaims(fixture('workplace-raid.txt'), { model }), 'Federal agents arrested');
    expect(c?.text).toMatch(/^Federal agents arrested 84 workers/);
  });

  test('when one statement is reached by two cues of two speakers, then it is one claim', () => {
    const claims = readAccurate(fixture('markets.txt')).filter((c) => c.text.includes('not yet beaten'));
    expect(claims).toHaveLength(1);
    expect(claims[0]?.cue).toBe('said');
  });

  test.each(MODELS)('when agencies and firms are named with their trade, then they are bodies (%s)', (model) => {
    const claims = extractClaims(fixture('workplace-raid.txt'), { model });
    expect(claimWith(claims, 'criminal networks')?.speaker.type).toBe('official');
    expect(claimWith(claims, 'verified every worker')?.speaker.type).toBe('organization');
    expect(claimWith(claims, 'always followed the law')?.speaker).toMatchObject({
      name: 'Jim Ruiz',
      type: 'organization',
    });
  });

  test('when a woman is named with her group after "of", then "she" is her', () => {
    const claims = readAccurate(fixture('workplace-raid.txt'));
    expect(claimWith(claims, 'empty houses')?.speaker).toMatchObject({
      name: 'Lucia Ramirez',
      affiliation: 'Nebraska Immigrant Legal Center',
    });
    expect(claimWith(claims, 'set up a hotline')?.speaker.name).toBe('Lucia Ramirez');
  });

  test('when a body is named with its initials and its subject carries an appositive, then both come out whole', () => {
    // Read on a famine report the same day: the IPC was a person, its claim stopped before "faced".
    const text =
      'The Integrated Food Security Phase Classification (IPC) said in a report that 24.6 million people, about ' +
      "half of Sudan's population, faced acute food insecurity. A global hunger monitor warned that 17 more areas " +
      'were at risk.';
    const claims = readAccurate(text);
    const c = claimWith(claims, '24.6 million');
    expect(c?.text).toBe("24.6 million people, about half of Sudan's population, faced acute food insecurity");
    expect(c?.speaker.type).toBe('organization');
    expect(claimWith(claims, '17 more areas')?.speaker.type).toBe('organization');
  });

  test.each(MODELS)(
    'when an anonymous official is set off by "who spoke on condition of anonymity", then "said" is the cue (%s)',
    (model) => {
      // Read on an election-eve story the same day: `accurate` tagged "said" as content and gave no claim at all.
      const text =
        'A Harris campaign official, who spoke on condition of anonymity to discuss internal data, said early-vote ' +
        'numbers among women were "very encouraging."';
      const c = claimWith(extractClaims(text, { model }), 'early-vote numbers');
      expect(c?.cue).toBe('said');
      expect(c?.speaker).toMatchObject({ type: 'official', anonymous: true });
    },
  );
});
