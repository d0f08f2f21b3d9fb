import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DetectedAttribution, detectAttributions } from '../../src/extraction/detect';

const seed = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', name), 'utf8');
const NK = seed('nk-times-death-notifications.txt');
const ST = seed('straits-times-elite-defections.txt');

type Found = { cue: string; source: string; content: string; d: DetectedAttribution };
function detect(text: string): Found[] {
  const slice = (spans: [number, number][]) => spans.map(([a, b]) => text.slice(a, b)).join(' … ');
  return detectAttributions(text).map((d) => ({
    cue: slice(d.cue),
    source: slice(d.source),
    content: slice(d.content),
    d,
  }));
}
/** The attribution whose content holds `words`. */
function about(found: Found[], words: string): Found {
  const hit = found.find((f) => f.content.includes(words));
  if (!hit) throw new Error(`no attribution with content "${words}" in:\n${found.map((f) => f.content).join('\n')}`);
  return hit;
}

describe('detectAttributions on quotes', () => {
  const nk = detect(NK);
  const st = detect(ST);

  test("when a quote is followed by ', an official said', then the quote is the content and the official the source", () => {
    const f = about(st, 'North Korean diplomats, other officials and students');
    expect(f.source).toBe('an official');
    expect(f.cue).toBe('said');
    expect(f.content.startsWith('North Korean diplomats')).toBe(true);
  });

  test("when a quote is followed by ', the source told NK Times', then the source told it", () => {
    const f = about(nk, 'From November to the end of January');
    expect(f.source).toBe('the source');
    expect(f.cue).toContain('told');
  });

  test("when a quote is followed by ', he said, referring to …', then he said it and 'referring' is no speaker", () => {
    const f = about(st, 'The Kim regime failed to revive');
    expect(f.source).toBe('he');
    expect(f.cue).toContain('said');
    expect(st.some((x) => /referring/.test(x.source))).toBe(false);
  });

  test('when a quote runs on in the next paragraph without a cue, then it continues the previous speaker', () => {
    const f = about(st, 'Many must have found it unacceptable');
    expect(f.d.origin).toBe('continuation');
    expect(st[f.d.continues ?? -1]?.source).toBe('an official');
  });

  test('when a second quote follows in the same paragraph, then it continues the same speaker', () => {
    const first = about(nk, 'many families received death notifications');
    const second = about(nk, 'Some parents are contacting local hospitals');
    expect(
      first === second || second.d.continues === nk.indexOf(first) || first.d.continues === nk.indexOf(second),
    ).toBe(true);
    expect([first.source, second.source]).toContain('the person');
  });

  test("when a sentence says 'one expert said' or 'the person said', then those are the sources", () => {
    expect(about(nk, 'It is possible to interpret this silence').source).toBe('one expert');
    expect(nk.some((f) => f.source === 'the person' && f.cue === 'said')).toBe(true);
  });
});

describe('detectAttributions on reported speech', () => {
  const nk = detect(NK);
  const st = detect(ST);

  test("when 'He added that …', then he is the source and the clause the content", () => {
    const f = about(st, 'it could even be the start of a second Arduous March');
    expect(f.source).toBe('He');
    expect(f.cue).toBe('added');
  });

  test("when the cue comes first ('…, says Professor Ban Kil-joo of …'), then the professor is the source", () => {
    const f = about(st, 'These defections are likely to be an indication');
    expect(f.cue).toBe('says');
    expect(f.source.startsWith('Professor Ban Kil-joo')).toBe(true);
  });

  test("when '“…,” Name, title, said on Twitter', then the name and title are the source and the quote the content", () => {
    const text =
      '“The plan is fiscally responsible,” Leonard E. Burman, director of the Tax Policy Center, said of the proposal. ' +
      '“It has been costed,” Michael McFaul, a senior fellow, said on Twitter.';
    const found = detect(text);
    const burman = about(found, 'The plan is fiscally responsible');
    expect(burman).toMatchObject({
      cue: 'said',
      source: 'Leonard E. Burman, director of the Tax Policy Center',
      content: 'The plan is fiscally responsible',
    });
    expect(about(found, 'It has been costed')).toMatchObject({
      cue: 'said',
      source: 'Michael McFaul, a senior fellow',
    });
    expect(found.some((f) => /^(of|on) /.test(f.source))).toBe(false);
  });

  test("when 'say analysts' or 'said analysts' ends the sentence, then analysts are the source", () => {
    expect(about(st, 'a sign of a major crisis within the country').source).toBe('analysts');
    expect(about(st, 'the prospect of reunification with the South has dimmed').source).toBe('analysts');
  });

  test("when 'an unnamed official told local media that …', then the official is the source", () => {
    const f = about(st, 'the rise in such escapes was likely triggered');
    expect(f.source).toBe('an unnamed official');
    expect(f.cue).toContain('told');
    expect(f.content.startsWith('local media')).toBe(false);
  });

  test("when 'Kim rebuffed Seoul's offer, saying that “…”', then Kim is the source of the quote", () => {
    const f = about(st, 'an enemy remains an enemy');
    expect(f.source).toBe('Kim');
    expect(f.cue).toBe('saying');
  });

  test("when 'a number that analysts predict will continue to rise', then analysts predict", () => {
    const f = about(st, 'will continue to rise');
    expect(f.source).toBe('analysts');
    expect(f.cue).toBe('predict');
  });

  test("when 'according to sources in North Korea', then the sources are the speaker", () => {
    const f = about(nk, 'such notifications appear to have decreased in February');
    expect(f.cue).toContain('according to');
    expect(f.source).toBe('sources in North Korea');
  });

  test("when 'Analysts say it is possible that …', then analysts say it", () => {
    const f = about(nk, 'the troops are still suffering casualties');
    expect(f.source).toBe('Analysts');
    expect(f.cue).toBe('say');
  });
});

describe('detectAttributions on hedges and the publication’s voice', () => {
  const nk = detect(NK);
  const st = detect(ST);

  test.each([
    [ST, 'experiencing significant internal unrest', 'reportedly'],
    [ST, 'have been displaced by the flood damage', 'are said'],
    [NK, 'withdrawn from the front line', 'reportedly'],
  ])(
    'when a claim is hedged without a source (%#), then it has no source and the hedge is the cue',
    (text, words, cue) => {
      const f = about(detect(text), words);
      expect(f.source).toBe('');
      expect(f.cue).toBe(cue);
      expect(f.d.origin).toBe('hedge');
      expect(f.content).not.toContain(cue);
    },
  );

  test("when the publication writes 'It has been found that …', then that is its own finding", () => {
    const f = about(nk, 'at least ten families in Hyesan');
    expect(f.cue).toBe('It has been found');
    expect(['We', '']).toContain(f.source);
  });

  test('when the page has captions, bylines and site chrome, then they produce nothing', () => {
    const all = [...nk, ...st].map((f) => `${f.source} ${f.cue} ${f.content}`).join('\n');
    for (const furniture of [
      '[Image / NK Times]',
      'Kang Jae-jun',
      'Leave a Reply',
      'Close',
      'negative public sentiment',
    ])
      expect(all).not.toContain(furniture);
  });
});
