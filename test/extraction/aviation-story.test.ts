import { claimWith, readAccurate as read } from '../support/extracted';

/**
 * Read on an aviation-incident story written for the purpose (2026-11-30): "The National Transportation Safety
 * Board said …" was a person called "National Transportation Safety Board", and "Federal investigators" had no type.
 */

describe('an aviation-incident story', () => {
  test('when a named board speaks, then it is a public body; a company\'s "the board" is not typed official', () => {
    const claims = read(
      'The National Transportation Safety Board said the bolts had been removed during maintenance in Arizona.\n\n' +
        'The board said it would review the merger offer next week.',
    );
    expect(claimWith(claims, 'bolts had been removed')?.speaker).toMatchObject({ type: 'official', anonymous: false });
    expect(claimWith(claims, 'merger offer')?.speaker.type).not.toBe('official');
  });

  test('when federal investigators speak, then they are officials', () => {
    const c = claimWith(
      read('Federal investigators said the door panel had been missing two of its four bolts.'),
      'bolts',
    );
    expect(c?.speaker.type).toBe('official');
  });
});
