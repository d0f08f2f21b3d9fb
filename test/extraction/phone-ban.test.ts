import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a school-board story written for the purpose (2026-11-30). "A 2023 UNESCO report found that smartphones
 * disrupted learning in many countries, though some researchers say the evidence is mixed." gave the report's
 * finding to "some researchers" (`accurate` left "found" untagged); "Superintendent Dr. Karen Holt" was an expert;
 * "Jayden Moore, 16, a junior at Lanphier High School" was an expert too.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'phone-ban.txt'), 'utf8');

describe('a school-board story', () => {
  test.each(MODELS)(
    'when a report found something and researchers dispute it, then each keeps their own (%s)',
    (model) => {
      const claims = extractClaims(story, { model });
      expect(claimWith(claims, 'disrupted learning')?.speaker).toMatchObject({
        name: 'a 2023 UNESCO report',
        type: 'expert',
      });
      expect(claimWith(claims, 'evidence is mixed')?.speaker).toMatchObject({ name: 'some researchers' });
      for (const c of claims.filter((x) => x.text.includes('disrupted learning')))
        expect(c.speaker.name).not.toBe('some researchers');
    },
  );

  test.each(MODELS)('when a superintendent holds a doctorate, then the office types her (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'school phones');
    expect(c?.speaker).toMatchObject({ name: 'Karen Holt', type: 'official' });
  });

  test.each(MODELS)('when a high-school student speaks, then a person speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'hide them');
    expect(c?.speaker).toMatchObject({ name: 'Jayden Moore', type: 'person' });
  });
});
