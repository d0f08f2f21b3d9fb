import { detectAttributions } from '../../src/extraction/detect';

/** Every span lies inside the text and is non-empty (one assertion, so huge inputs stay quick to check). */
function expectValid(text: string): void {
  const spans = detectAttributions(text).flatMap((d) => [...d.cue, ...d.source, ...d.content]);
  const bad = spans.filter(
    ([a, b]) => !(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b && b <= text.length),
  );
  expect(bad).toEqual([]);
}

describe('detectAttributions on hostile input', () => {
  test.each([
    ['empty', ''],
    ['only quotation marks', '"'.repeat(5000) + '“”'.repeat(5000)],
    ['unbalanced quotes', '“He said it, she said. “Nothing ends here, said the official.\n" " “ ”” said'],
    ['HTML', '<p class="x">“It is done,” <b>the minister</b> said.</p><script>alert("said")</script>'],
    [
      'emoji and other scripts',
      '“成功了 🎉👍🏽,” 官员说. «Это правда», — сказал он. “Tout va bien 😀,” the mayor said.',
    ],
    ['mixed curly and straight quotes', '"It works,” he said. “It “nests" badly," she said, "and ‘single’ ones.”'],
    ['lone surrogates', '\ud83d “Broken \udc00 text,” he said \ud800'],
  ])('when the input is %s, then it does not throw and every span is in bounds', (_name, text) => {
    expectValid(text);
  });

  test('when the text has Windows line endings, then spans still slice back to the words', () => {
    const text = 'Intro line.\r\n\r\n“The plan will fail,” the senator said.\r\nNext paragraph.';
    const found = detectAttributions(text);
    const f = found.find((d) => d.content.some(([a, b]) => text.slice(a, b).includes('The plan will fail')));
    expect(f).toBeDefined();
    expect(f!.source.map(([a, b]) => text.slice(a, b))).toEqual(['the senator']);
    expect(f!.cue.map(([a, b]) => text.slice(a, b))).toEqual(['said']);
  });

  test('when the input is 5 MB on one line, then it finishes and stays in bounds', () => {
    const unit = '“The economy is strong,” the minister said, and analysts say growth will slow. ';
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const found = detectAttributions(text);
    expect(found.length).toBeGreaterThan(1000);
    const [a, b] = found[0]!.content[0]!;
    expect(text.slice(a, b)).toBe('The economy is strong');
  });

  test.each([
    ['caption brackets that never close', '[image '.repeat(150_000)],
    ['rule patterns on every clause', '“Yes,” he said, according to officials, says Ban. '.repeat(20_000)],
    ['hedges without end', 'It is reportedly true and are said to be so '.repeat(25_000)],
  ])('when a long line is full of %s, then it finishes with spans in bounds', (_name, text) => {
    expectValid(text);
  });

  test('when a quote never closes on a long line, then it does not swallow the rest as one content', () => {
    const text = '“' + 'word '.repeat(20_000) + 'the official said.';
    for (const d of detectAttributions(text)) for (const [a, b] of d.content) expect(b - a).toBeLessThan(10_000);
  });
});
