import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a settlement story written for the purpose (2026-11-30): "In a statement, Boeing said …" was typed
 * `unknown`: nothing in the sentence says Boeing is a company, and the lexicon knew no companies by name.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'boeing-settlement.txt'), 'utf8');

describe('a settlement story', () => {
  test.each(MODELS)('when a well-known company speaks by its bare name, then an organization speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'made significant changes');
    expect(c?.speaker).toMatchObject({ name: 'Boeing', type: 'organization' });
  });

  test.each(MODELS)('when "it" follows a company that spoke, then the company speaks again (%s)', (model) => {
    const text =
      'In a blog post on Friday, Twitter said it had suspended 125,000 accounts. It added that it worked with outside groups.';
    const c = claimWith(extractClaims(text, { model }), 'worked with outside groups');
    expect(c?.speaker).toMatchObject({ name: 'Twitter', type: 'organization' });
  });

  test.each(MODELS)('when the Attorney General speaks, then an official speaks (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'profits over the lives');
    expect(c?.speaker).toMatchObject({ name: 'Pam Bondi', type: 'official', title: 'Attorney General' });
  });
});
