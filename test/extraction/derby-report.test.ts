import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a match report written for the purpose (2026-11-30). "Tottenham boss Ange Postecoglou was less impressed
 * with the officiating. He said …" gave his words, and the "he told reporters" after them, to Arsenal's manager quoted
 * before him: nothing marked "Ange Postecoglou" as a person ("boss" was no title, "Ange" no known first name), so
 * "he" went back past him to the last speaker.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'derby-report.txt'), 'utf8');

describe('a match report', () => {
  test.each(MODELS)('when a titled subject follows another speaker, then "he" is the subject (%s)', (model) => {
    const claims = extractClaims(story, { model });
    expect(claimWith(claims, 'ruled out for a foul')?.speaker).toMatchObject({ name: 'Ange Postecoglou' });
    expect(claimWith(claims, 'Everyone saw it')?.speaker).toMatchObject({ name: 'Ange Postecoglou' });
  });

  test.each(MODELS)('when an untitled name opens the sentence before "he said", then it is he (%s)', (model) => {
    const text =
      '"It was magnificent," Mikel Arteta told Sky Sports.\n\nAnge Postecoglou was less impressed with the ' +
      'officiating. He said the second goal should have been ruled out.';
    const c = claimWith(extractClaims(text, { model }), 'second goal');
    expect(c?.speaker.name).toBe('Ange Postecoglou');
  });

  test.each(MODELS)('when a capitalised phrase only opens a clause, then "he" does not go to it (%s)', (model) => {
    const text =
      'Mr. Trump said that even if Islamic State videos did surface, he would not change his position. ' +
      '"My words represent toughness," he said.';
    const c = claimWith(extractClaims(text, { model }), 'toughness');
    expect(c?.speaker.name).toMatch(/Trump/);
  });
});
