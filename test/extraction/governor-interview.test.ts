import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on an interview written for the purpose (2026-11-30): "The Western States Petroleum Association, which
 * represents refiners, said …" was said by a person called "Western" ("States" was read as the verb of a headline).
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'governor-interview.txt'), 'utf8');

describe('an interview', () => {
  test.each(MODELS)("when a body's name holds a word that is also a verb, then the body speaks (%s)", (model) => {
    const c = claimWith(extractClaims(story, { model }), 'reviewing the law');
    expect(c?.speaker).toMatchObject({ name: 'the Western States Petroleum Association', type: 'organization' });
  });

  test.each(MODELS)('when the governor answers under his name, then the answers are his (%s)', (model) => {
    const claims = extractClaims(story, { model });
    expect(claimWith(claims, 'cleanest energy economy')?.speaker).toMatchObject({
      name: 'Gavin Newsom',
      type: 'official',
    });
  });

  test.each(MODELS)(
    'when a quotation runs over two paragraphs, then its last paragraph keeps its speaker (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'they will remember who did this');
      expect(c?.speaker).toMatchObject({ name: 'James Gallagher' });
    },
  );
});
