import { EXTRACTOR_MODELS, extractClaims } from '../../src/extraction';

const who = (c: { speaker: { name: string | null; mention: string | null } } | undefined) =>
  c?.speaker.name ?? c?.speaker.mention ?? null;

// The repairs run on either tagger's output: each case must come out right with both models.
describe.each(EXTRACTOR_MODELS)('with the %s model', (model) => {
  const extract = (text: string) => extractClaims(text, { model });

  test('when "said … and accused …" share one subject, then each statement is a claim of that speaker', () => {
    const claims = extract(
      'Mayor Linda Osei said the city budget was balanced for the first time in a decade and accused the council of hiding the pension deficit.',
    );
    expect(claims.map((c) => [c.cue, who(c)])).toEqual([
      ['said', 'Linda Osei'],
      ['accused', 'Linda Osei'],
    ]);
    expect(claims[0]!.text).not.toMatch(/accused/);
  });

  test('when "…, while critics warned that …", then the critics speak the second claim, not the first speaker', () => {
    const claims = extract(
      'The transport minister said in a speech that the new rail line would open in May, while critics warned that it was years behind schedule.',
    );
    const second = claims.find((c) => /behind schedule/.test(c.text));
    expect(who(second)).toBe('critics');
    const first = claims.find((c) => /open in May/.test(c.text));
    expect(first?.cue).not.toMatch(/warned/);
  });

  test('when a content would stop on "in" before the speaker, then it runs to the clause end', () => {
    const claims = extract(
      'Unemployment fell to 4.1% in the second quarter, the labour ministry said on Tuesday, pointing to strong hiring.',
    );
    expect(claims.map((c) => c.text)).toContain('Unemployment fell to 4.1% in the second quarter');
  });

  test('when "were accused and told to leave" is inside what was said, then it is no second statement', () => {
    const claims = extract('The tenants said they were accused and told to leave the building within a week.');
    expect(claims.map((c) => c.cue)).toEqual(['said']);
  });

  test('when "the data suggest that …", then the finding is a claim with no speaker', () => {
    const [claim] = extract('The data suggest that fewer pupils are taking foreign languages than ten years ago.');
    expect(claim?.text).toBe('fewer pupils are taking foreign languages than ten years ago');
    expect(claim?.speaker).toMatchObject({ name: null, mention: null, type: 'unknown' });
  });
});

describe.each(EXTRACTOR_MODELS)('with the %s model, two speakers in one sentence', (model) => {
  test('when "A said B, while the regulator insisted C", then A says B and the regulator says C', () => {
    const claims = extractClaims(
      'Tenant groups said the rent rise was unaffordable for thousands of families, while the housing regulator insisted that the increase was the smallest it could allow.',
      { model },
    );
    expect(claims.map((c) => [c.cue, who(c), c.text])).toEqual([
      // A description at the sentence start reads as one anywhere ("Police said" → "police"): "tenant" is a role.
      ['said', 'tenant groups', 'the rent rise was unaffordable for thousands of families'],
      ['insisted', 'the housing regulator', 'the increase was the smallest it could allow'],
    ]);
  });

  test('when the second speaker is named after "while" and the first content runs to the comma, then neither takes the other\'s words', () => {
    const claims = extractClaims(
      'Parent groups said the new school fees were unaffordable for most families, while the education watchdog Ofsted insisted that the change was modest.',
      { model },
    );
    expect(claims.map((c) => [c.cue, c.text])).toEqual([
      ['said', 'the new school fees were unaffordable for most families'],
      ['insisted', 'the change was modest'],
    ]);
  });
});
