import { detectAttributions } from '../../src/extraction/detect';

const parts = (
  text: string,
  d: { cue: [number, number][]; source: [number, number][]; content: [number, number][] },
) => ({
  cue: d.cue.map(([a, b]) => text.slice(a, b)),
  source: d.source.map(([a, b]) => text.slice(a, b)),
  content: d.content.map(([a, b]) => text.slice(a, b)),
});

describe('when a paragraph opens with a name and a colon', () => {
  it('when it is a transcript line, then the rest of the paragraph is attributed to that name', () => {
    const text =
      'Partial transcript as follows:\n\n"WALLACE: Will she be there tomorrow night? I want to know.\n\nPENCE: She will not be attending the debate.';
    const found = detectAttributions(text).map((d) => parts(text, d));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          cue: [':'],
          source: ['WALLACE'],
          content: ['Will she be there tomorrow night? I want to know.'],
        }),
        expect.objectContaining({ cue: [':'], source: ['PENCE'], content: ['She will not be attending the debate.'] }),
      ]),
    );
  });

  it('when every transcript paragraph opens a quotation, then each line is its own speaker, not a continuation', () => {
    const text =
      'Partial transcript as follows:\n\n"WALLACE: Will she be there tomorrow night? I want to know.\n\n' +
      '"PENCE: She will not be attending the debate. We will focus on the issues.';
    const found = detectAttributions(text).map((d) => parts(text, d));
    expect(found.filter((f) => f.content.some((c) => c.startsWith('PENCE')))).toEqual([]);
    expect(found).toContainEqual(
      expect.objectContaining({
        source: ['PENCE'],
        content: ['She will not be attending the debate. We will focus on the issues.'],
      }),
    );
  });

  it('when it is a headline, then the headline is attributed to the name before the colon', () => {
    const text = 'Pence: Flowers Won’t Be at Debate\n\nThe governor spoke on Sunday.';
    expect(detectAttributions(text).map((d) => parts(text, d))).toContainEqual(
      expect.objectContaining({ source: ['Pence'], content: ['Flowers Won’t Be at Debate'] }),
    );
  });

  it('when the label is page furniture or a sentence, then nothing is attributed', () => {
    for (const text of [
      'Note: this story was updated on Monday to add a comment.',
      'The plan had three parts: roads, schools and clinics.',
    ]) {
      expect(detectAttributions(text).filter((d) => parts(text, d).cue[0] === ':')).toEqual([]);
    }
  });
});

describe('when a cue verb has auxiliaries before it', () => {
  it('then the cue carries them, as PolNeAR annotates ("has also said")', () => {
    const text = 'The senator has also said that the bill will pass next week.';
    const cues = detectAttributions(text).flatMap((d) => d.cue.map(([a, b]) => text.slice(a, b)));
    expect(cues).toContain('has also said');
  });
});
