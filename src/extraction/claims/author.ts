import { type ParsedMention, parseMention } from './mention';

// "Rick Scott is the Republican governor of Florida." closing an op-ed: the name, then who they are.
const TAGLINE =
  /(?:^|\n)\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}),?\s+(?:is|was|has been|serves as)\s+((?:an?|the)\s+[^\n.]{3,160}|\p{Ll}[^\n.]{2,160})\.?\s*$/u;
const FIRST_PERSON_SINGULAR = /^(?:i|me|my|mine|myself)$/i;

/**
 * Who the article's "I" is when it is signed by someone who is not a journalist. Op-eds end on a tagline, and the
 * label guide files such an "I" under the author's type ("An op-ed signed by an office holder is official"): "I
 * won the governor's race in 2010" is Rick Scott, a governor, not the newspaper. A columnist's, reporter's or
 * editor's "I" stays the publication's voice, so a media tagline names no author.
 */
export function signedAuthor(text: string): ParsedMention | null {
  const tagline = TAGLINE.exec(text.slice(-300));
  if (!tagline?.[1] || !tagline[2]) return null;
  const author = parseMention(`${tagline[1]}, ${tagline[2].trim()}`);
  if (!author.name || author.institution || author.pronoun) return null;
  return author.type === 'media' || author.type === 'publication' || author.type === 'unknown' ? null : author;
}

/** Whether a first-person mention is the writer alone ("I", "my"), not the paper's or a group's "we". */
export function isWriterAlone(m: ParsedMention): boolean {
  return m.pronoun === 'we' && FIRST_PERSON_SINGULAR.test(m.text.trim());
}
