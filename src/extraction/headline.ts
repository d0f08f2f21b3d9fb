import { Furniture } from './claims/furniture';

/**
 * The headline an article's body opens with ("Judge blocks state's abortion pill restrictions" on a line of its own,
 * unpunctuated, before the prose), or null. Articles sent without a title are shown under it.
 */
export function headlineOf(body: string): string | null {
  const line = new Furniture(body.slice(0, MAX_HEADLINE_SCAN)).headlineText();
  return line && line.length <= MAX_HEADLINE ? line : null;
}
const MAX_HEADLINE_SCAN = 2000;
const MAX_HEADLINE = 300;
