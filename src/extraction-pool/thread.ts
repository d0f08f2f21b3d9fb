import { extractClaims } from '../extraction';

/** One extraction in a pool thread: the same pure function the CLI and the tests call. */
export default function extractInThread(task: { text: string; options?: unknown }) {
  // Spread so a future `extractClaims(text, options)` gets its options without this file changing.
  return (extractClaims as (text: string, ...rest: unknown[]) => unknown)(
    task.text,
    ...(task.options === undefined ? [] : [task.options]),
  );
}
