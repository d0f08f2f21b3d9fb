import type { ClaimKind, Span } from '../types';
import type { Outlet } from './furniture';
import { parseMention } from './mention';
import { squash } from './text';

const OPEN = new Set(['“', '"', '‘', '«', '„']);
const CLOSE = new Set(['”', '"', '’', '»', '“']);
const ANY_QUOTE = /[“”"«»„]|‘/;

/** Skips whitespace (and, outward, trailing punctuation) within a few characters, as quotes sit just outside. */
function charBefore(text: string, pos: number): string {
  for (let i = pos - 1; i >= 0 && i >= pos - 3; i--) if (!/\s/.test(text[i] ?? '')) return text[i] ?? '';
  return '';
}
function charAfter(text: string, pos: number): string {
  for (let i = pos; i < text.length && i < pos + 4; i++) if (!/[\s,.?!;:]/.test(text[i] ?? '')) return text[i] ?? '';
  return '';
}

const EDGE_CLOSE = /[”"’»][\s,.?!;:]*$/;

/** Quoted from edge to edge, the marks inside the span or just outside it, with none in between. */
function fullyQuoted(text: string, [a, b]: Span): boolean {
  const raw = text.slice(a, b);
  const trimmed = raw.trim();
  let inner = trimmed.replace(/^that\s+/i, '');
  // After a stripped "that", the mark before the span is not the one opening this quote.
  const adjacent = inner.length === trimmed.length;
  const left =
    OPEN.has(inner[0] ?? '') || (adjacent && OPEN.has(charBefore(text, a + raw.length - raw.trimStart().length)));
  const right = EDGE_CLOSE.test(inner) || CLOSE.has(charAfter(text, b));
  if (!left || !right) return false;
  inner = inner.replace(/^[“"‘«„]/, '').replace(EDGE_CLOSE, '');
  return !ANY_QUOTE.test(inner.slice(0, 4000));
}

/**
 * direct: every part in quotation marks; mixed: a paraphrase with quoted words inside; indirect: no quotes.
 * Hedged claims are decided by the caller, because that depends on the cue and the missing speaker.
 */
export function quoteKind(text: string, content: Span[]): Exclude<ClaimKind, 'hedged'> {
  if (!content.length) return 'indirect';
  let quoted = 0;
  let partly = false;
  for (const span of content) {
    if (fullyQuoted(text, span)) quoted++;
    // A bounded probe: a quote mark in a megabyte of content is found, or not, in its first characters.
    else if (ANY_QUOTE.test(text.slice(span[0], Math.min(span[1], span[0] + 4000)))) partly = true;
  }
  if (quoted === content.length) return 'direct';
  return quoted > 0 || partly ? 'mixed' : 'indirect';
}

const TOLD_IN_CUE = /\b(?:told|to|with)\s+(.+)$/i;
const AUDIENCE_AFTER =
  /^\s*(?:(?:to|in an interview with|in a statement to|speaking to|on)\s+)?((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,4}?)(?=\s*(?:[,.;:“"(\n]|$)|\s+(?:that|on|in|about|last|this|when|after|before|during|earlier|late|early|the|a|an|his|her|its|their|he|she|it|they|we|i|there)\b)/iu;
// "told reporters", "told a news conference": the speaker's own audience, among them the article's reporter; no
// other outlet relayed what was said.
const PRESS = /^(?:the\s+)?(?:reporters|journalists|press|newsmen|a\s+(?:news|press)\s+conference|a\s+briefing)$/i;

/**
 * The relay when a statement reached the article through another outlet: "an unnamed official told local media"
 * gives ["local media"]. Telling the article's own outlet is no relay.
 */
export function relayOf(text: string, cueText: string, cueEnd: number, outlet: Outlet): string[] {
  // The audience follows the verb at the cue's end; a bounded tail keeps runaway cues cheap.
  const verb = cueText.slice(-120);
  let audience = TOLD_IN_CUE.exec(verb)?.[1] ?? null;
  if (!audience && /\b(?:told|speaking|interview|statement)$/i.test(verb.trim())) {
    audience = AUDIENCE_AFTER.exec(text.slice(cueEnd, cueEnd + 80))?.[1] ?? null;
  }
  if (!audience) return [];
  const phrase = squash(audience).replace(/[.,;:]+$/, '');
  if (outlet.spellings.has(phrase.toLowerCase()) || PRESS.test(phrase)) return [];
  const told = parseMention(phrase);
  // "told local media", "told CNN": an outlet relays; "told host Chris Cuomo" names a person, not the relay.
  return told.type === 'media' && (told.institution || !told.name) ? [phrase] : [];
}
