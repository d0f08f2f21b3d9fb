import type { SpeakerType } from '../types';
import {
  CAPITALS,
  COMPANY_NAMES,
  isPlaceName,
  MEDIA_NAMES,
  ORG_DESCRIPTORS,
  orgHeadType,
  POLITICIANS,
  roleType,
} from './lexicon';
import type { ParsedMention } from './mention';

/**
 * Speaker typing from the words of a mention: known outlets and capitals, institution heads ("… Institute"),
 * titles ("Professor"), affiliations ("of Korea University"), known politicians, then role nouns.
 */
const LEADERSHIP =
  /^(?:president|chairman|chairwoman|chair|director|head|chief|leader|spokesman|spokeswoman|spokesperson|founder|member|executive|officer|secretary)$/i;

export function isInstitution(m: ParsedMention): boolean {
  if (!m.name) return m.head !== null && orgHeadType(m.head) !== null && roleType(m.head) !== 'source';
  const lower = m.name.toLowerCase();
  const last = m.nameTokens[m.nameTokens.length - 1] ?? '';
  return (
    MEDIA_NAMES.has(lower) ||
    COMPANY_NAMES.has(lower) ||
    CAPITALS.has(lower) ||
    isPartyName(m) ||
    isPlaceName(m.nameTokens) ||
    orgHeadType(last) !== null ||
    describedAsBody(m) ||
    isAcronymBody(m)
  );
}

const lastWord = (s: string | null) => ((s ?? '').split(' ').pop() ?? '').toLowerCase().replace(/[,.;:]$/, '');

/**
 * "Terminal operator ECT", "think tank Nuffield Trust": the words before the name say it is a body. An affiliation
 * says so only for a name without a person's role: "Brian Wieser, an analyst at Pivotal Research Group" works at
 * the group; he is not one.
 */
const PUBLIC_BODY =
  /^(?:state|federal|national|government|public)\s+(?:[\p{Ll}-]+\s+)?(?:agency|service|office|authority|regulator|watchdog|bureau|department|ministry|commission)$/u;

export function describedAsBody(m: ParsedMention): boolean {
  if (ORG_DESCRIPTORS.has(lastWord(m.title))) return true;
  const role = roleType(lastWord(m.title));
  return (role === null || role === 'source') && ORG_DESCRIPTORS.has(lastWord(m.affiliation));
}

/**
 * "the NHS", "ECT": people are not written in capitals in running text, bodies are. Longer capitalised words
 * without "the" may be transcript speakers ("WALLACE:"), so only short ones count on their own.
 */
function isAcronymBody(m: ParsedMention): boolean {
  // "The Integrated Food Security Phase Classification (IPC)": a name given its initials is a body's.
  if (m.nameTokens.length >= 2 && m.name && INITIALS_AFTER.test(m.text.replace(/^the\s+/i, '').replace(m.name, '')))
    return true;
  if (m.nameTokens.length !== 1) return false;
  const bare = (m.nameTokens[0] ?? '').replace(/[.&]/g, '');
  return /^\p{Lu}{2,6}$/u.test(bare) && (m.determiner === 'the' || bare.length <= 3);
}

// Right after the name: "Filippo Grandi, the United Nations High Commissioner for Refugees (UNHCR)" is a person.
const INITIALS_AFTER = /^\s*\(\p{Lu}{2,8}\)$/u;

/** A company's officers speak for the company: "Chief Financial Officer Sabine Roth", "CEO Jane Doe". */
const CORPORATE_TITLE =
  /^(?:(?:interim|acting|group|global|deputy)\s+)?(?:chief executive|chief (?:financial|operating|technology|commercial|marketing|information|investment) officer|ceo|cfo|coo|cto|managing director)$/i;
/**
 * "City attorney Brian Keller", "Council member Tom Reyes", "the county clerk": a member or officer of a public
 * body holds public office, though "attorney", "member" or "clerk" alone say nothing of the kind.
 */
const PUBLIC_OFFICE =
  /(?:\b(?:city|county|state|district|council|municipal|federal|town|village|parish)|\bU\.S\.)\s+(?:member|attorney|clerk|treasurer|auditor|manager|assessor|controller|comptroller|solicitor|administrator)s?$/i;
// "a member of the Riverside City Council", "the county council": a council of a town or county governs it (a
// council alone may be a charity's or a lobby's: "the Norwegian Refugee Council").
const LOCAL_COUNCIL = /\b(?:city|county|town|borough|parish|district|municipal|village)\s+council\b/i;
// Federal agencies whose names end in no office word ("… and Prevention", "… of Health").
const AGENCY_NAME = /^(?:the\s+)?(?:Centers? for Disease Control|National Institutes? of Health)\b/i;
/** "the federation's president": the possessor is the body the title belongs to. */
const POSSESSED_TITLE = /^(?:the\s+)?([\p{L}-]+)['’]s\s+(.+)$/iu;

/** "Kerstin Maria Rippel, the federation's president": title "president", affiliation "federation". */
function withPossessorAsAffiliation(m: ParsedMention): ParsedMention {
  const owned = m.affiliation ? null : POSSESSED_TITLE.exec(m.title ?? '');
  return owned ? { ...m, affiliation: owned[1]!, title: owned[2]! } : m;
}

/**
 * Britain's parties by name: "Labour said" was a person called Labour, "The opposition Conservatives" a person (the
 * lowercase "conservatives" are people of that leaning). Political bodies, `official` as "Republicans said" is.
 */
const PARTY_NAME =
  /^(?:labour|conservatives|tory|tories|liberal democrats|lib dems|snp|greens|plaid cymru|reform uk|sinn f[eé]in|dup)$/i;
// Not first in the mention: a sentence's opening "Conservatives" are as likely people of that leaning (US copy).
const CAPITALISED_PARTY = /\S\s+(?:Conservatives|Tory|Tories|Greens)\b/;

export function isPartyName(m: ParsedMention): boolean {
  if (m.name) return PARTY_NAME.test(m.name.replace(/^the\s+/i, ''));
  return m.head !== null && PARTY_NAME.test(m.head) && CAPITALISED_PARTY.test(m.text);
}

/** The title's last word, past a "general" that ranks it ("director general", "secretary-general"). */
function lastOf(s: string | null): string {
  const words = (s ?? '').split(/[\s-]+/);
  const last = words.pop() ?? '';
  return last.toLowerCase() === 'general' && words.length ? (words.pop() ?? '') : last;
}

/** The words of a description's role before its head ("police" of "a police report"), or null. */
function modifierOf(m: ParsedMention): string | null {
  if (!m.head || !m.role) return null;
  return m.role.slice(0, m.role.length - m.head.length).trim() || null;
}

/**
 * "a company spokesperson", "a bank spokesman", "a union leader", "company president Jim Ruiz": a body's word right
 * before a leader's role says whose voice it is, as "a spokesperson for the company" does. Lowercase only: "the Union
 * Leader" is a newspaper and "a Democratic National Committee chairman" a party official, as the label guide has
 * party officials.
 */
function bodyBeforeRole(role: string | null): SpeakerType | null {
  const words = (role ?? '').split(/\s+/);
  const head = words.pop() ?? '';
  const word = words.pop() ?? '';
  // A member is not the body's voice: "union member", "city council member".
  if (!LEADERSHIP.test(head) || /^members?$/i.test(head)) return null;
  return /^\p{Ll}/u.test(word) && word !== 'party' && roleType(word) === 'organization' ? 'organization' : null;
}

export function typeOf(mention: ParsedMention, tail: string): SpeakerType {
  const m = withPossessorAsAffiliation(mention);
  if (isPartyName(m)) return 'official';
  if (m.name) {
    const lower = m.name.toLowerCase();
    if (MEDIA_NAMES.has(lower)) return 'media';
    if (COMPANY_NAMES.has(lower)) return 'organization';
    if (CAPITALS.has(lower) || isPlaceName(m.nameTokens)) return 'official';
    if (AGENCY_NAME.test(m.text)) return 'official';
    const orgType = orgHeadType(lastOf(m.name));
    if (orgType) return orgType;
    // "The National Transportation Safety Board", "the Illinois Board of Elections": a named board is a public one
    // (a company's is "the board", an editorial board the paper's).
    if (/\bBoard\b/.test(m.name) && !/editorial/i.test(m.text)) return 'official';
    // "the state weather agency AEMET", "the federal regulator FERC": a public body, whatever its initials.
    if (PUBLIC_BODY.test(m.title ?? '')) return 'official';
    if (describedAsBody(m) || isAcronymBody(m)) return 'organization';
    const body = bodyInTail(tail);
    const voiced = bodyBeforeRole(m.title);
    if (voiced) return voiced;
    const titled = typeOfWords(m.title);
    const affiliated = typeOfWords(m.affiliation) ?? (m.title ? body : null);
    if (LOCAL_COUNCIL.test(m.affiliation ?? '')) return 'official';
    // Party staff are political officials, whatever their title ("communications director for the Iowa Democratic Party").
    if (m.title && PARTY.test(m.affiliation ?? '')) return 'official';
    // A president or spokesman speaks for the body they lead: "president of the Academy" is not a government official.
    if (titled && affiliated && LEADERSHIP.test(lastOf(m.title))) return affiliated;
    if (!affiliated && CORPORATE_TITLE.test(m.title ?? '')) return 'organization';
    // "District Attorney Alvin Bragg", "U.S. Attorney Jay Clayton": the body before the title may be read apart from it.
    if (PUBLIC_OFFICE.test(m.title ?? '') || PUBLIC_OFFICE.test(`${m.affiliation ?? ''} ${m.title ?? ''}`))
      return 'official';
    if (marketRole(m)) return 'expert';
    if (titled) return titled;
    // "Allergan, the maker of Botox": the appositive says what the name is.
    if (!m.title && body) return 'organization';
    // "NBC's Lester Holt", "Joel Pollak of Breitbart California", "reporting for Western Journalism".
    if (affiliated === 'media' || namesOutlet(`${m.affiliation ?? ''} ${tail}`)) return 'media';
    const context = affiliated ?? typeOfWords(tail);
    if (context === 'official' || context === 'expert') return context;
    if (context === 'organization' && m.title) return 'organization';
    if (m.nameTokens.some((t) => POLITICIANS.has(t.toLowerCase()))) return 'official';
    return 'person';
  }
  if (m.head) {
    // "The European Central Bank", "the central bank", "the Bank of England": a country's bank is a public body.
    if (m.head === 'bank' && (/\bcentral\b/i.test(m.role ?? '') || countrysBank(m.affiliation))) return 'official';
    // "the federation's president", "the union's head": a leader speaks for the body their title belongs to (a
    // party's officials stay officials, as the label guide has them).
    const body = typeOfWords(m.affiliation);
    if (body && body !== 'official' && LEADERSHIP.test(m.head) && !/\bpart(?:y|ies)\b/i.test(m.affiliation ?? ''))
      return body;
    if (PUBLIC_OFFICE.test(m.role ?? '') || LOCAL_COUNCIL.test(m.role ?? '')) return 'official';
    const voiced = m.head && m.role?.endsWith(m.head) ? bodyBeforeRole(m.role) : null;
    if (voiced) return voiced;
    // "a report from the Bureau of Labor Statistics", "data from the Census Bureau": a document speaks for the body
    // that published it; studies and polls are experts' work only when nothing says whose.
    // "Bayern's chief executive": a company's officer speaks for it, as "Chief executive Sarah Collins" does.
    if (CORPORATE_TITLE.test((m.role ?? '').replace(/^.*['’]s\s+/, ''))) return 'organization';
    // "a police report", "a Pentagon study": the word before the document may name its publisher too.
    // Not for polls and surveys: "a New York Times/CBS News poll" is a pollster's work, as the label guide has it.
    const byModifier = DOCUMENT.test(m.head) && !POLL.test(m.head) ? typeOfWords(modifierOf(m)) : null;
    const publisher = DOCUMENT.test(m.head) ? (typeOfWords(m.affiliation) ?? byModifier) : null;
    if (publisher === 'official' || publisher === 'organization' || publisher === 'media') return publisher;
    return (
      (m.determiner === 'the' ? THE_HEAD.get(m.head) : undefined) ??
      roleType(m.head) ??
      orgHeadType(m.head) ??
      // "the drug maker, Pfizer", "the vaccine's maker": a head that names a business.
      (ORG_DESCRIPTORS.has(m.head) ? 'organization' : null) ??
      typeOfWords(m.title) ??
      typeOfWords(m.affiliation) ??
      // "One news account": a modifier of the head says who speaks.
      typeOfWords(m.role) ??
      'unknown'
    );
  }
  return typeOfWords(m.title) ?? 'unknown';
}

/** The type of the last role or institution word in a phrase ("presidential nominee" → official). */
export function typeOfWords(phrase: string | null): SpeakerType | null {
  if (!phrase) return null;
  // "lead author Mingyang Song", "the study's senior author": a study's author is a researcher ("a co-author" may be a book's).
  if (STUDY_AUTHOR.test(phrase)) return 'expert';
  // "a junior at Lanphier High School": a school below university makes no one an expert.
  if (K12_SCHOOL.test(phrase)) return null;
  // "Director-General", "Secretary-General": each part of a hyphenated title counts.
  const words = phrase.split(/[\s/-]+/);
  let weak: SpeakerType | null = null;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    const bare = w.replace(/[,.;:]$/, '').replace(/['’]s$/, '');
    const t = roleType(w) ?? roleType(bare) ?? orgHeadType(bare) ?? (PUBLIC_POSSESSOR.test(w) ? 'official' : null);
    // "campaign manager": a manager is whatever they manage says ("portfolio manager" stays a person).
    if (t && WEAK_ROLES.has(bare.toLowerCase())) weak ??= t;
    else if (t) return t;
  }
  return weak;
}

const K12_SCHOOL = /\b(?:high|elementary|middle|primary|secondary|grammar|junior high|charter)\s+school\b/i;
const STUDY_AUTHOR = /\b(?:lead|senior|study|first|corresponding|principal)[\s-]?(?:authors?|investigators?)\b/i;
// "campaign manager": a manager is whatever they manage says; "Superintendent Dr. Karen Holt": the doctorate says less
// than the office.
const WEAK_ROLES = new Set(['manager', 'managers', 'dr', 'dr.']);
// "the city's public health director", "the state's election chief": lowercase, so not the "City" of "Kansas City
// Star".
const PUBLIC_POSSESSOR = /^(?:city|state|town)['’]s$/;

// "The Bank of England", "the Bank of Japan" (England is left out of the place words, being a surname too); the Bank
// of America is a business.
const countrysBank = (affiliation: string | null): boolean =>
  !!affiliation && affiliation !== 'America' && (affiliation === 'England' || isPlaceName(affiliation.split(' ')));

// "Hannah Berg, chief strategist at Nordwind Asset Management": a strategist at a firm reads markets, as an analyst
// does; "a Republican strategist", "the campaign's chief strategist" stay political.
const FIRM =
  /\b(?:capital|management|securities|bank|investments?|partners|advisers|advisors|asset|funds?|markets|research|llc|inc|ltd|plc|ag|sa)\b/i;
const MARKET_TITLE = /\b(?:market|investment|equity|currency|rates|credit|portfolio|fx)\s+strategists?$/i;
const marketRole = (m: ParsedMention): boolean =>
  /strategists?$/i.test(m.title ?? '') &&
  !/campaign|political|party/i.test(`${m.title} ${m.affiliation ?? ''}`) &&
  (MARKET_TITLE.test(m.title ?? '') || FIRM.test(m.affiliation ?? ''));
const POLL = /^(?:polls?|surveys?)$/;
const DOCUMENT = /^(?:reports?|stud(?:y|ies)|data|surveys?|polls?|analys[ie]s|figures|statistics|research|estimates)$/;

// Heads whose type differs from the name they end: "the review" (the inquiry the story is about) is official,
// "National Review" a magazine; "a Huffington Post review of …" stays the outlet's.
const THE_HEAD = new Map<string, SpeakerType>([['review', 'official']]);

const PARTY = /\b(?:Democratic|Republican|GOP|Labour|Conservative|Liberal|Green)\b.*\b(?:Party|Committee)\b|\bGOP\b/;
const REPORTING = /\b(?:reporting|writing) for\b/i;

/** Whether the words name a news outlet anywhere ("Breitbart California", "the NBC executive in charge of …"). */
function namesOutlet(phrase: string): boolean {
  if (REPORTING.test(phrase)) return true;
  const words = phrase
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 16);
  for (let i = 0; i < words.length; i++)
    for (let n = 1; n <= 3 && i + n <= words.length; n++)
      if (MEDIA_NAMES.has(words.slice(i, i + n).join(' '))) return true;
  return false;
}

/** "…, a Latino political-consulting firm", "the maker of Botox": an appositive whose head word names a business. */
function bodyInTail(tail: string): 'organization' | null {
  for (const clause of tail.split(',').slice(0, 3)) {
    const words = clause.trim().split(/\s+/);
    if (!/^(?:a|an|the)$/i.test(words[0] ?? '')) continue;
    const prep = words.findIndex((w, i) => i > 0 && /^(?:of|at|for|in|with|that|which|whose)$/i.test(w));
    const head = (words[(prep > 0 ? prep : words.length) - 1] ?? '').toLowerCase();
    if (ORG_DESCRIPTORS.has(head)) return 'organization';
  }
  return null;
}
