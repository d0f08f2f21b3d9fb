import type { SpeakerType } from '../types';
import { isPluralHead, orgHeadType, roleType, TITLE_WORDS } from './lexicon';
import {
  affiliationFromTail,
  DETERMINERS,
  firstClause,
  headOf,
  inName,
  nameBeforeDescription,
  POSSESSIVE,
  parseAppositive,
  splitTitle,
} from './phrases';
import { connectedBody, generalStaff, namedBody, possessiveInBodyName } from './named-bodies';
import { squash } from './text';
import { isInstitution, typeOf } from './typing';

export type Pronoun = 'he' | 'she' | 'they' | 'it' | 'we' | 'who' | 'you';

/** What one source mention says about its speaker on its own, before coreference. */
export interface ParsedMention {
  text: string;
  pronoun: Pronoun | null;
  determiner: string | null;
  /** Proper name without title or possessive ("Ban Kil-joo", "Kim"). */
  name: string | null;
  nameTokens: string[];
  title: string | null;
  affiliation: string | null;
  /** Role noun when no name is given ("official", "analysts", "media"). */
  head: string | null;
  /** The role with its modifiers ("longtime GOP donor"), used as a title when it describes a named person. */
  role: string | null;
  plural: boolean;
  /** True when the mention names a body (ministry, outlet, capital) rather than a person. */
  institution: boolean;
  type: SpeakerType;
}

const PRONOUNS: Record<string, Pronoun> = {
  he: 'he',
  him: 'he',
  his: 'he',
  she: 'she',
  her: 'she',
  they: 'they',
  them: 'they',
  it: 'it',
  we: 'we',
  us: 'we',
  our: 'we',
  i: 'we',
  me: 'we',
  my: 'we',
  who: 'who',
  which: 'who',
  whose: 'who',
  its: 'it',
  their: 'they',
  you: 'you',
  your: 'you',
};
/** "Secretary of State", "Speaker of the House": greedy (`?`) or sparing (`??`) about a second word after "of". */
const multiwordTitle = (second: '?' | '??') =>
  new RegExp(
    `^(?:(?:the|former|then|current|acting)[\\s-]+)*((?:\\p{Lu}[\\p{L}.]*\\s+){0,2}(?:(?:Secretary|Minister|Director|Speaker) of (?:the )?\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*)${second}|Chief of Staff|Attorney General|Solicitor General|Surgeon General|Vice President|Prime Minister|Press Secretary))\\s+`,
    'u',
  );
const MULTIWORD_TITLE = multiwordTitle('?');
const MULTIWORD_TITLE_ONE_WORD = multiwordTitle('??');
/** "Bank of Japan Governor Kazuo Ueda": a body, a title word, then a name (`extra` words after its first). */
const bodyTitleName = (extra: '{1,2}' | '{1}') =>
  new RegExp(
    String.raw`^(?:the\s+)?(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*\s+(?:of|for|and)\s+(?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*?)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{L}+)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*)${extra})$`,
    'u',
  );
const BODY_TITLE_NAME = bodyTitleName('{1,2}');
const BODY_TITLE_TWO_WORD_NAME = bodyTitleName('{1}');
const TAIL = /,\s|\s(?:of|at|from|for|with|in|who|which|familiar|close|based|on)\s/u;
const LEADING_CONJUNCTION = /^(?:and|but|yet|so|or|while|whereas|although|though|meanwhile)\s+(?=\S)/i;
// "Outside the court, small-business owners …": a fronted phrase of place or time says where, not who.
const LEADING_CIRCUMSTANCE =
  /^(?:outside|inside|after|before|in|at|on|during|later|earlier|elsewhere|separately|afterwards|last|this)\b[^,]{0,40},\s+(?=\S)/i;
// "Dashing into a closed-door luncheon of senators, Senator Shelley Moore Capito": a fronted participle says what
// the speaker was doing (its next word is lowercase: not "Wyoming Republicans", "Leading Democrats").
// The place may have its state after a comma: "Speaking at a town hall in Salem, New Hampshire, Trump …".
const FRONTED_PARTICIPLE =
  /^\p{Lu}\p{Ll}{2,}ing\s+\p{Ll}[^,]{0,80}?(?:\sin\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?,\s+(?=\S)/u;
const RELATIVE_CLAUSE = /,\s+(?:which|who|whose|whom|including)\s.*$/u;
// "The review, led by midwife Donna Ockenden": the review speaks; the one who led it only describes it. So do
// "economists polled by Reuters": the outlet that asked them is not who speaks.
const BY_CLAUSE =
  /(?:,\s+(?:led|headed|chaired|commissioned|run|conducted|written|published|founded|backed|funded|owned|overseen)|\s+(?:polled|surveyed|interviewed|questioned|contacted))\s+by\s.*$/u;
export const SPOKESPERSON_OF = /^(\p{Lu}[\p{L}.&'’-]*)\s+(?:spokesman|spokeswoman|spokesperson)$/u;
const SHOWN_BY =
  /^(?:the\s+|a\s+)?(?:footage|video|videos|images|photos|pictures)\s+(?:broadcast|aired|posted|published|released|shared)\s+(?:by|on)\s+(.+)$/iu;
const AIDE_TO =
  /^(?:an?|the|one|two|three|several)?\s*(?:\p{Ll}+\s+){0,3}(aides?|advisers?|advisors?|spokesman|spokeswoman|spokesperson|staffers?|allies|ally|confidants?)\s+(?:to|for|of|close to)\s+(.+)$/iu;
/**
 * "a spokesperson for the group": a spokesperson speaks for a body that is no government as that body. One name
 * nothing types ("a spokesperson for Tesco") is a business's, as "A Tesco spokesperson" is below (a politician's is
 * typed in coreference.ts, which knows the article's people); initials ("a spokeswoman for ICE") stay the
 * spokesperson's own type.
 */
function spokespersonType(head: string, principal: string): SpeakerType | null {
  if (!/^spokes/.test(head)) return null;
  const type = parseMention(principal).type;
  if (type === 'organization' || type === 'media' || type === 'expert') return type;
  const oneName = /^\p{Lu}[\p{L}&'’-]*$/u.test(principal) && !/^\p{Lu}{2,6}$/u.test(principal);
  return oneName && (type === 'person' || type === 'unknown') ? 'organization' : null;
}
const BODY_ROLE =
  /^((?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+)?(\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*)\s+((?:(?!(?:of|for|to|in|at|on|and|with)\s)\p{Ll}[\p{L}-]*\s+){0,2}(\p{Ll}[\p{L}-]*))$/u;
const EDGE_PUNCT = /^[\s,.;:—–\-"“”'‘’()]+|[\s,.;:—–\-"“”'‘’()]+$/gu;

/** "the Local Government Association (LGA)": the edge trim takes the closing bracket; a name opening one keeps it. */
function closeBrackets(s: string): string {
  let open = 0;
  for (const ch of s) open += ch === '(' ? 1 : ch === ')' && open > 0 ? -1 : 0;
  return open > 0 ? s + ')'.repeat(open) : s;
}

// Bounded: a worker runs for days; past the bound the memo starts over (a few milliseconds to refill). 20,000
// entries were 8 % faster again but held ~15 MB more, and took bench:import's workers past 300 MB at 10k articles.
const MEMO_LIMIT = 4096;
const memo = new Map<string, Readonly<ParsedMention>>();

/**
 * What a mention says about its speaker. Memoised: entity collection parses every capitalised run of an article
 * ("Trump", "Republicans", "Monday" again and again), and the same names recur across a feed. The result is
 * frozen, shared by every caller that parses the same text.
 */
export function parseMention(raw: string): Readonly<ParsedMention> {
  let parsed = memo.get(raw);
  if (parsed) return parsed;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  parsed = Object.freeze(parseMentionOnce(raw));
  memo.set(raw, parsed);
  return parsed;
}

function parseMentionOnce(raw: string): ParsedMention {
  // A speaker is named within one sentence; a span running past its end ("analysts. — The Straits Times") is cut there.
  // Real mentions are short; the cap keeps a runaway span from costing more than its first words.
  const text = closeBrackets(squash(raw.slice(0, MAX_MENTION)).split(SENTENCE_BREAK)[0]?.replace(EDGE_PUNCT, '') ?? '')
    // "But Labour councillors …": the conjunction joins the sentence to the one before; it names nobody.
    .replace(LEADING_CONJUNCTION, '')
    .replace(LEADING_CIRCUMSTANCE, '')
    .replace(FRONTED_PARTICIPLE, '')
    // "The union, which represents 40,000 nurses": the relative clause describes the speaker; it is not its name.
    .replace(RELATIVE_CLAUSE, '')
    .replace(BY_CLAUSE, '');
  // "(R-Ga.)" marks a member of a party caucus; other parentheticals ("(Ariz.)") only get in the way.
  const partisan = PARTY_TAG.test(text);
  const bare = text.replace(/\s*\([^)]{0,40}(?:\)|$)/g, '');
  const base: ParsedMention = {
    text,
    pronoun: null,
    determiner: null,
    name: null,
    nameTokens: [],
    title: null,
    affiliation: null,
    head: null,
    role: null,
    plural: false,
    institution: false,
    type: 'unknown',
  };
  // "A number of the families of …", "one of the officials": the speakers are the ones after "of".
  const partitive = PARTITIVE.exec(text);
  if (partitive?.[2]) {
    const inner = parseMention(partitive[2]);
    if (!inner.pronoun && (inner.head || inner.name))
      return { ...inner, text, plural: !/^one$/i.test(partitive[1] ?? '') };
    // "One of them said …": one of the people just quoted, so the pronoun's antecedent speaks (coreference.ts).
    if (inner.pronoun === 'they') return { ...inner, text };
  }
  // "Footage broadcast by state-run TRT showed …": pictures speak for whoever broadcast or published them.
  const shownBy = SHOWN_BY.exec(text);
  if (shownBy?.[1]) {
    const publisher = parseMention(shownBy[1]);
    if (publisher.name || publisher.institution) return publisher;
  }
  // "An aide to Thune", "a spokeswoman for the mayor": the speaker is the unnamed aide, not the person named.
  const aide = AIDE_TO.exec(text);
  if (aide?.[1] && aide[2] && !aide[2].includes(',')) {
    const head = aide[1].toLowerCase();
    return {
      ...base,
      head,
      role: head,
      affiliation: aide[2],
      plural: isPluralHead(head),
      type: spokespersonType(head, aide[2]) ?? roleType(head) ?? 'source',
    };
  }
  // "a Department of Health spokesperson", "a Bank of England official": the role of someone at the body named with
  // "of" before it, read as "a spokesperson at the Department of Health" (word by word, "Department" was the role).
  const bodyRole = BODY_ROLE.exec(bare);
  // A body's head before "of" ("Department", "Bank", "University"): not "Supporters of …", "Two-thirds of …".
  const headed = bodyRole?.[2]
    ?.split(/\s+(?:of|for)\s+/)[0]
    ?.split(/\s+/)
    .some((w) => orgHeadType(w) !== null);
  if (headed && bodyRole?.[2] && bodyRole[3] && roleType(bodyRole[4] ?? ''))
    return { ...parseMention(`${bodyRole[1] ?? ''}${bodyRole[3]} at the ${bodyRole[2]}`), text };
  // "Others say …", "some believe …": unnamed speakers; "Others, including analysts at Deutsche Bank, expect …" are
  // typed by whom they include.
  if (UNNAMED_GROUP.test(text)) {
    const included = INCLUDING.exec(squash(raw))?.[1];
    const type = included ? parseMention(included).type : 'unknown';
    const typed = type !== 'unknown' && type !== 'person' && type !== 'publication';
    return { ...base, head: text.toLowerCase(), plural: true, type: typed ? type : 'source' };
  }
  // "Some researchers doubted it, and one, who asked not to be named, said …": one unnamed member of a group.
  if (UNNAMED_ONE.test(text)) return { ...base, head: text.toLowerCase(), plural: false, type: 'source' };
  // "he’ll", "She's", "they’re": the pronoun without its contracted verb.
  const pronoun = PRONOUNS[text.toLowerCase().replace(/['’](?:ll|s|d|ve|re|m)$/, '')];
  if (pronoun)
    return {
      ...base,
      pronoun,
      plural: pronoun === 'they' || pronoun === 'we',
      type: pronoun === 'we' ? 'publication' : 'unknown',
    };

  let rest = bare;
  let title: string | null = null;
  // "Secretary of Homeland Security Alejandro Mayorkas" takes two words after "of"; "Secretary of State Antony
  // Blinken" only one, or the name would lose its first word.
  let multi = MULTIWORD_TITLE.exec(rest);
  if (multi && rest.slice(multi[0].length).split(/\s+/).filter(Boolean).length < 2)
    multi = MULTIWORD_TITLE_ONE_WORD.exec(rest) ?? multi;
  if (multi?.[1]) {
    title = multi[1];
    rest = rest.slice(multi[0].length);
  }
  // "Bank of Japan Governor Kazuo Ueda", "University of Chicago economist Anil Kashyap", "Work and Pensions Secretary
  // Liz Kendall": a body named with "of" or "and",
  // then a title and a name. That "of" opens no tail: the body is the speaker's affiliation.
  let bodyAffiliation: string | null = null;
  // A three-word name may have swallowed the title ("Health and Human | Services | Secretary Xavier Becerra"): then
  // the name is two words.
  let titled = title ? null : BODY_TITLE_NAME.exec(rest);
  // The title's last word says it ("Royal College of Nursing regional director Helen Cross").
  const titleWord = (t: string | undefined) => {
    const last = t?.split(/\s+/).pop() ?? '';
    return roleType(last) !== null || (t !== last && TITLE_WORDS.has(last.toLowerCase()));
  };
  if (titled?.[2] && !titleWord(titled[2])) titled = BODY_TITLE_TWO_WORD_NAME.exec(rest);
  // Not when the "name" is a body's ("Lucia Ramirez of the Nebraska | Immigrant | Legal Center").
  const bodyNamed = titled?.[3] !== undefined && orgHeadType(titled[3].split(/\s+/).pop() ?? '') !== null;
  if (titled?.[1] && titled[2] && titled[3] && titleWord(titled[2]) && !bodyNamed) {
    [bodyAffiliation, title, rest] = [titled[1], titled[2], titled[3]];
  }
  // "the Institute for Fiscal Studies, an independent think tank": the body is named before its description.
  const described = nameBeforeDescription(rest);
  // A body's name is read as written, or before its description.
  const bodyFrom = <T>(read: (text: string) => T | null): T | null =>
    title ? null : (read(rest) ?? (described ? read(described) : null));
  const connected = bodyFrom(connectedBody);
  if (connected) {
    // Typed as any named body ("the Centers for Disease Control and Prevention" is an agency), else by its head.
    const typed = typeOf({ ...base, ...connected }, '');
    return { ...base, ...connected, type: typed === 'person' || typed === 'unknown' ? connected.type : typed };
  }
  const body = bodyFrom(namedBody);
  if (body) return { ...base, ...body };
  const staff = generalStaff(rest);
  if (staff) return { ...base, ...staff };
  const tailAt = rest.search(TAIL);
  const headPart = tailAt > 0 ? rest.slice(0, tailAt) : rest;
  const tail = tailAt > 0 ? rest.slice(tailAt).replace(/^,?\s*/, '') : '';
  // "Linda Hudson, the mayor of Fort Pierce": the appositive carries the title and affiliation.
  const appositive = tailAt > 0 && rest[tailAt] === ',' ? parseAppositive(tail) : null;

  const group = parseGroup(text, headPart);
  if (group) return group;

  let tokens = headPart.split(' ').filter(Boolean);
  // A span that ran into the verb ("Wes Streeting called", a headline's "Sanders Praises Obama") stops before it.
  const verbAt = tokens.findIndex((t, i) => i > 0 && SPEECH_VERBS.has(t.toLowerCase()));
  // Not in a body's name: "The Western States Petroleum Association" ends on a body's head.
  const bodyName = verbAt > 0 && tokens.slice(verbAt).every((t) => /^\p{Lu}/u.test(t)) && orgHeadType(tokens.at(-1)!);
  if (verbAt > 0 && !bodyName) tokens = tokens.slice(0, verbAt);
  let affiliation: string | null = null;
  const possessorAt = tokens.findIndex(
    (t, i) => i < tokens.length - 1 && /['’]s$/u.test(t) && !possessiveInBodyName(tokens, i),
  );
  if (possessorAt >= 0) {
    affiliation = tokens
      .slice(0, possessorAt + 1)
      .join(' ')
      .replace(POSSESSIVE, '')
      .replace(/^the /i, '');
    tokens = tokens.slice(possessorAt + 1);
  }
  let determiner: string | null = null;
  if (tokens[0] && DETERMINERS.has(tokens[0].toLowerCase())) determiner = (tokens.shift() ?? '').toLowerCase();

  let nameStart = tokens.length;
  while (nameStart > 0 && inName(tokens, nameStart - 1)) nameStart--;
  // A possessive that names whom a body serves stays ("Children's Hospital"); others are the mention's own ("Trump's").
  const nameTokens = tokens
    .slice(nameStart)
    .map((t, i, all) => (i < all.length - 1 && possessiveInBodyName(all, i) ? t : t.replace(POSSESSIVE, '')));
  const before = tokens.slice(0, nameStart);
  const parsed: ParsedMention = { ...base, determiner, nameTokens, affiliation };

  if (nameTokens.length) {
    parsed.name = nameTokens.join(' ');
    const pre = splitTitle(before);
    // "Dr. Jennifer Shuford, the department's commissioner": the office the appositive names says more than "Dr.".
    const honorificOnly = pre.title !== null && /^dr\.?$/i.test(pre.title) && appositive?.role;
    parsed.title = title ?? (honorificOnly ? appositive.role : pre.title) ?? appositive?.role ?? null;
    parsed.affiliation =
      bodyAffiliation ?? affiliationFromTail(tail) ?? pre.affiliation ?? appositive?.affiliation ?? affiliation;
  } else {
    // "Politicians and even some technologists": the first of coordinated heads leads.
    const and = before.findIndex((w, i) => i > 0 && /^(?:and|or)$/i.test(w));
    const firstHead = and > 0 ? headOf(before.slice(0, and)) : null;
    parsed.head = firstHead && roleType(firstHead) ? firstHead : headOf(before);
    let at = parsed.head ? before.findLastIndex((w) => w.toLowerCase().replace(POSSESSIVE, '') === parsed.head) : -1;
    // "Its chief executive, Mark Hodgkinson": a title's second word ("executive", "officer") stays in the role.
    while (at >= 0 && TITLE_TAIL.has(before[at + 1]?.toLowerCase() ?? '')) at++;
    parsed.role = at >= 0 ? before.slice(0, at + 1).join(' ') : null;
    parsed.title = title;
    parsed.affiliation = affiliationFromTail(tail) ?? affiliation;
    parsed.plural = parsed.head !== null && isPluralHead(parsed.head);
  }
  parsed.institution = isInstitution(parsed);
  parsed.type = partisan && parsed.name ? 'official' : typeOf(parsed, tail);
  // "An Amazon spokesperson", "A Reuters spokesperson": a spokesperson speaks for whom the word before names; a
  // name nothing types (a business) is an organization's (a politician's is typed in coreference.ts, which knows the
  // article's people).
  const principal = parsed.name ? null : SPOKESPERSON_OF.exec(parsed.role ?? '')?.[1];
  if (principal) {
    const type = parseMention(principal).type;
    // Initials nothing types ("an ICE spokeswoman") are as often an agency's: the spokesperson's own type stands.
    const acronym = /^\p{Lu}{2,6}$/u.test(principal);
    if (acronym ? type === 'official' || type === 'media' : type !== 'person' && type !== 'unknown') parsed.type = type;
    else if (!acronym) parsed.type = 'organization';
  }
  // "one executive at a major cloud provider", "Verizon executives": unnamed, an executive speaks for a business. Not
  // a role word in the lexicon: a named "executive director" is typed by what they direct (PolitiFact's is media).
  if (!parsed.name && parsed.type === 'unknown' && /^executives?$/.test(parsed.head ?? ''))
    parsed.type = 'organization';
  // "Allergan, the maker of Botox": a name the context types as a business is a body, referred to as "it".
  if (parsed.name && !parsed.title && parsed.type === 'organization') parsed.institution = true;
  // "the party chairwoman, Representative Debbie Wasserman Schultz": the appositive names the description.
  if (!parsed.name && tailAt > 0 && rest[tailAt] === ',') {
    const named = parseMention(firstClause(tail));
    // "The mall's owner, Simon Property Group": the appositive names the body described (not so a spokesman's
    // employer: "a spokesman for the firm, Acme Corp" is still the spokesman).
    const bodyName = named.name ?? (named.institution && /^\p{Lu}/u.test(named.role ?? '') ? named.role : null);
    const bare = !named.title && /^\p{Lu}/u.test(firstClause(tail));
    if (bodyName && bare && named.institution && !named.plural && !PERSON_OF_BODY.test(parsed.head ?? '')) {
      return { ...named, name: bodyName, nameTokens: bodyName.split(/\s+/), text };
    }
    if (named.name && !named.institution && !named.plural) {
      return {
        ...named,
        text,
        title: named.title ?? parsed.role,
        affiliation: named.affiliation ?? parsed.affiliation,
        // A description that types nobody ("Bayern's chief executive") leaves the name's own type.
        type: named.type === 'person' && parsed.type !== 'unknown' ? parsed.type : named.type,
      };
    }
    const titled = nameAfterRole(tail);
    if (titled) return { ...titled, text };
  }
  // "Google's president of global affairs, Kent Walker": the role's own "of" opened the tail, so the name after the
  // comma was read as part of an affiliation ("global affairs, Kent Walker") and the whole came out a description.
  if (!parsed.name && tailAt > 0 && rest[tailAt] !== ',') {
    const titled = nameAfterRole(rest);
    if (titled) return { ...titled, text };
  }
  return parsed;
}

/**
 * "…, the association's chair, Cllr Louise Gittins": a role, then the name it describes, closing a mention that
 * began with something else (a fronted "In a letter to the chancellor seen by this newspaper,"). The speaker is
 * the name, with the role as its title.
 */
function nameAfterRole(tail: string): ParsedMention | null {
  const parts = tail.split(', ');
  if (parts.length < 2) return null;
  const named = parseMention(parts[parts.length - 1]!);
  const roleText = parts[parts.length - 2]!;
  const role = parseMention(roleText);
  const head = role.head;
  if (!named.name || named.institution || named.plural || !head || !(roleType(head) || TITLE_WORDS.has(head)))
    return null;
  // "Google's president of global affairs": a lowercase "of" phrase is the portfolio, part of the title, and the
  // possessor the body ("the FBI" in "The director of the FBI" stays the affiliation).
  const owner = POSSESSOR.exec(roleText)?.[1] ?? null;
  const portfolio = owner && role.affiliation && !/\p{Lu}/u.test(role.affiliation) ? role.affiliation : null;
  // "Its chief inspector of hospitals, Professor Ted Baker": the office says more than the honorific.
  const honorific = HONORIFICS.test(named.title ?? '');
  const title = (!honorific && named.title) || (portfolio ? `${role.role} of ${portfolio}` : role.role);
  const affiliation = named.affiliation ?? (portfolio ? owner : (role.affiliation ?? owner));
  // The name's own type when it says more than "a person"; else what its title and body say.
  const described = named.type === 'person' || honorific ? typeOf({ ...named, title, affiliation }, '') : named.type;
  const type = described === 'person' && role.type !== 'unknown' ? role.type : described;
  return { ...named, title, affiliation, type: type === 'unknown' ? 'person' : type };
}

const HONORIFICS = /^(?:dr|prof|professor|mr|mrs|ms)\.?$/i;
const PERSON_OF_BODY =
  /^(?:spokes\w*|aides?|advis[eo]rs?|officials?|executives?|officers?|chiefs?|president|directors?|heads?|leaders?|members?|lawyers?|attorneys?)$/;
const TITLE_TAIL = new Set(['executive', 'executives', 'officer', 'officers']);

const POSSESSOR = /^(?:the\s+)?([\p{L}.&-]+(?:\s+[\p{L}.&-]+){0,3})['’]s\s/iu;

const PARTITIVE =
  /^(?:an?\s+|the\s+)?(number|handful|majority|minority|couple|few|lot|dozens|hundreds|several|some|many|most|all|one|two|three|both)\s+of\s+(.+)$/iu;
const INCLUDING = /^\s*(?:some|others|many|several|few|most)\s*,\s+including\s+([^,]+)/i;
const UNNAMED_GROUP = /^(?:some|others|many|several|few|most)$/i;
const UNNAMED_ONE = /^(?:one|another)$/i;
const SPEECH_VERBS = new Set(
  (
    'said says say called calls warned warns told tells claimed claims praised praises slammed slams urged urges ' +
    'added adds announced announces accused accuses insisted insists argued argues stated states wrote writes ' +
    'blasted blasts rips ripped denied denies'
  ).split(' '),
);
const MAX_MENTION = 300;
const SENTENCE_BREAK = /(?<=\p{Ll}{3})[.!?]\s/u;
const PARTY_TAG = /\((?:R|D|I)\s*[-–]\s*[A-Z][\w.]*(?:\)|$)/;
/** "Donald Trump and Sen. Ted Cruz": several named people speak together, referred to later as "they". */
function parseGroup(text: string, headPart: string): ParsedMention | null {
  const conjuncts = headPart.split(/\s+(?:and|&)\s+/);
  if (conjuncts.length < 2) return null;
  const parts = conjuncts.map(parseMention);
  const first = parts[0];
  if (!first || !parts.every((p) => p.name && !p.institution)) return null;
  return { ...first, text, name: headPart, nameTokens: [], title: null, affiliation: null, plural: true };
}

const NOT_A_SPEAKER =
  /^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|to|that|which|there|this|these|those|it|its|and|or|but|as|if|so|than|then|not|evidence|facts?|truth|reality|signs?|history|record|anyone|anybody|everyone|everybody)$/;

/**
 * A span holding no noun at all ("are", "that"), or one lone lowercase word that is no role ("later", "rose": the
 * `fast` tagger's pieces of "Tyler Briggs, later told …, which police records show rose"): there is no speaker to
 * type or resolve.
 */
export function namesNobody(m: ParsedMention): boolean {
  if (m.pronoun || m.name) return false;
  if (!m.head || m.head.length < 2 || NOT_A_SPEAKER.test(m.head)) return true;
  return m.type === 'unknown' && !m.determiner && !m.plural && m.text === m.head && /^\p{Ll}+$/u.test(m.head);
}
