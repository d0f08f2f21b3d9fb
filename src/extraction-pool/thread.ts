import { type ExtractOptions, extractClaims } from '../extraction';

/**
 * More claims than any real article holds (the longest PolNeAR article gives about 150): a text that yields
 * more is a feed error or an attack, and carrying its claims back to the worker's main thread (a structured
 * clone, then one SQL statement) would exhaust the heap there, where no thread limit protects the process.
 */
export const MAX_CLAIMS_PER_ARTICLE = 5000;
export const TOO_MANY_CLAIMS = 'too many claims';

/** One extraction in a pool thread: the same pure function the CLI and the tests call. */
export default function extractInThread(task: { text: string; options?: ExtractOptions }) {
  const claims = extractClaims(task.text, task.options);
  if (claims.length > MAX_CLAIMS_PER_ARTICLE)
    throw new Error(`${TOO_MANY_CLAIMS}: ${claims.length} found, at most ${MAX_CLAIMS_PER_ARTICLE} are kept`);
  return claims;
}
