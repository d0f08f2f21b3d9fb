import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a fact-check written for the purpose (2026-11-30), the kind of story claimtrack's users publish: a
 * candidate's claim, the data against it, his campaign's answer. Claims quoting words inside a longer statement
 * ended on the comma of the sentence around them: `the candidate had been "referring to carjackings in Columbus,"`.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'fact-check.txt'), 'utf8');

describe('a fact-check story', () => {
  test.each(MODELS)('when a quotation inside a claim ends on a comma, then the claim drops the comma (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'referring to carjackings');
    expect(c?.text).toMatch(/referring to carjackings in Columbus"$/);
  });

  test('when a statement quotes a phrase and goes on, then its quotation marks stay balanced and inside', () => {
    const text =
      'The mayor said the alliance would "stand by Ukraine for as long as it takes," adding that aid would grow.';
    const c = claimWith(extractClaims(text), 'stand by Ukraine');
    expect(c?.text).toBe('the alliance would "stand by Ukraine for as long as it takes"');
  });

  test('when the candidate claims and the data answers, then each has its own speaker and type', () => {
    const claims = readAccurate(story);
    expect(claimWith(claims, 'had "doubled" since')?.speaker).toMatchObject({
      name: 'Mark Halvorsen',
      type: 'official',
    });
    // Data speak for the body that published them (the label guide's "official reports").
    expect(claimWith(claims, 'rose about 9 percent')?.speaker).toMatchObject({ name: 'FBI data', type: 'official' });
    expect(claimWith(claims, 'tiny share of violent crime')?.speaker).toMatchObject({
      name: 'Jeff Asher',
      type: 'expert',
    });
  });

  test.each(MODELS)(
    'when a speaker would be one lowercase word that is no role, then the claim names nobody (%s)',
    (model) => {
      // `fast` tagged "later" (of "Tyler Briggs, later told") and "rose" as the speaker of the spokesman's claim.
      const names = extractClaims(story, { model }).map((c) => c.speaker.name);
      expect(names).not.toContain('later');
      expect(names.filter((n) => n !== null && /^\p{Ll}+$/u.test(n))).toEqual([]);
    },
  );
});
