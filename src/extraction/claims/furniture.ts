import type { ParsedMention } from './mention';
import { LineIndex } from './text';

/**
 * Page furniture: the parts of a scraped page that are not the article's prose. Lines are judged as a whole,
 * because scrapers keep captions, bylines and widgets on lines of their own.
 */
const CREDIT =
  /\[(?:image|photo|picture|graphic|video|source)\s*[/:|][^\]\n]*\]|\((?:[\w ]+\/)?\s*(?:photo|image|picture)s?\b[^)\n]*\)\s*$|\b(?:getty images|shutterstock|ap photo)\b/i;
const CAPTION_LABEL = /^(?:photo|image|picture|caption|credit|file photo)s?\b\s*[:|/]/i;
const WIDGET =
  /^(?:leave a (?:reply|comment)|close|share(?: this(?: article| story)?)?|tweet|email|print|advertisement|related(?: articles| stories| posts)?:?|read more:?|subscribe|sign up\b.*|follow us\b.*|comments?|\d+ comments?|click here\b.*|skip to (?:main )?content|menu|search|log ?in|register|cancel reply|post comment|previous|next|back to top|tags?:.*|filed under:?.*)$/i;
const BYLINE = /^(?:[Bb]y\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;
const EXPLICIT_BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}'’.-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.-]+){0,5}\s*$/u;
const SENTENCE_END = /[.!?:;"”’')\]…]$/u;

export type LineKind = 'prose' | 'headline' | 'furniture';

export class Furniture {
  private readonly lines: LineIndex;
  private readonly kinds = new Map<number, LineKind>();
  private readonly headline: number;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.headline = this.firstContentLine();
  }

  kindAt(pos: number): LineKind {
    const line = this.lines.lineOf(pos);
    let kind = this.kinds.get(line);
    if (!kind) {
      kind = this.classify(line);
      this.kinds.set(line, kind);
    }
    return kind;
  }

  /** The article's headline line as written, when its first line reads as one (unpunctuated, with prose after). */
  headlineText(): string | null {
    if (this.headline < 0 || this.kindAt(this.lines.starts[this.headline]!) !== 'headline') return null;
    const [a, b] = this.lines.lineSpan(this.headline);
    return this.text.slice(a, b).trim();
  }

  private classify(line: number): LineKind {
    const [a, b] = this.lines.lineSpan(line);
    // Scraped prose lines can be megabytes long; furniture never is, so long lines skip the regexes.
    if (b - a > 400) return 'prose';
    const s = this.text.slice(a, b).trim();
    if (!s) return 'furniture';
    if (CREDIT.test(s) || CAPTION_LABEL.test(s) || WIDGET.test(s) || EXPLICIT_BYLINE.test(s)) return 'furniture';
    const unpunctuated = !SENTENCE_END.test(s);
    if (line === this.headline && unpunctuated && this.lines.starts.length > 1) return 'headline';
    if (unpunctuated && (BYLINE.test(s) || s.split(/\s+/).length <= 3)) return 'furniture';
    return 'prose';
  }

  private firstContentLine(): number {
    for (let line = 0; line < this.lines.starts.length && line < 50; line++) {
      const [a, b] = this.lines.lineSpan(line);
      if (/\S/.test(this.text.slice(a, Math.min(b, a + 200)))) return line;
    }
    return -1;
  }
}

const CREDIT_NAME = /\[(?:image|photo|picture)\s*\/\s*([^\]\n]{2,60}?)\s*\]/gi;
const DATELINE_OUTLET = /^\s*\p{Lu}[\p{Lu}\p{L}.,' ]{1,60}?\(([\p{L}.&' ]{2,30})\)\s*[-–—]/u;
const SIGN_OFF = /[—–]\s*((?:The\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,4})(?:\/\p{Lu}+)?\s*$/u;

export interface Outlet {
  /** As first written, for display ("NK Times"). */
  name: string | null;
  /** Who an op-ed's "I" is, from its closing tagline (author.ts); null for the paper's own writers. */
  author?: ParsedMention | null;
  /** Lower-cased spellings, with and without "the", for matching mentions. */
  spellings: Set<string>;
}

/** The outlet the article itself comes from, named in its photo credits or sign-off ("[Image / NK Times]"). */
export function ownOutlet(text: string): Outlet {
  const outlet: Outlet = { name: null, spellings: new Set() };
  const add = (n: string) => {
    const lower = n.toLowerCase().trim();
    outlet.name ??= n.trim();
    outlet.spellings.add(lower);
    outlet.spellings.add(lower.replace(/^the\s+/, ''));
  };
  for (const m of text.matchAll(CREDIT_NAME)) if (m[1]) add(m[1]);
  // "LONDON (Reuters) - …", "CHICAGO, Nov. 4 (AP) — …": the wire that filed the story; "told Reuters" is no relay.
  const dateline = DATELINE_OUTLET.exec(text.slice(0, 160));
  if (dateline?.[1]) add(dateline[1]);
  const tail = SIGN_OFF.exec(text.slice(-120));
  if (tail?.[1]) add(tail[1]);
  return outlet;
}
