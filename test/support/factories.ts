import { randomBytes } from 'node:crypto';

let n = 0;

/** An article body that is unique per call (so content hashes never collide) with a real attribution. */
export function buildArticle(overrides: Record<string, unknown> = {}) {
  n++;
  const tag = randomBytes(4).toString('hex');
  return {
    url: `https://news.example/${tag}/story-${n}`,
    title: `Story ${n} ${tag}`,
    publisher: 'The Example Times',
    body:
      `The council approved the budget on Tuesday (ref ${tag}).\n` +
      `“We will build 40 new schools by 2027,” the mayor said.\n` +
      `Residents were sceptical, according to local media.`,
    ...overrides,
  };
}
