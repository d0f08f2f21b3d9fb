import type { SpeakerType } from '../types';
import type { Entity } from './entities';
import { CAPITALISED_FUNCTION_WORDS, RELATIONAL_WORDS, roleType } from './lexicon';
import type { ParsedMention } from './mention';
import { isNameWordAt, nameBeforeDescription } from './phrases';
import { describedAsBody } from './typing';

/** Who a mention refers to, once resolved: what ends up in a claim's speaker besides the mention itself. */
export interface Referent {
  name: string | null;
  type: SpeakerType;
  anonymous: boolean;
  title: string | null;
  affiliation: string | null;
  /** Role noun of an unnamed speaker ("official"), used to match "the official" later. */
  head: string | null;
  plural: boolean;
  institution: boolean;
  gender: 'm' | 'f' | null;
}

/** Speaker types that are people: antecedents for "he" and "she", and described subjects. */
export const PERSON_TYPES = new Set<SpeakerType>(['official', 'expert', 'source', 'person']);

/**
 * Whether a speaker is one person: of a person's type, or described by a person's role though typed by the body
 * they speak for ("a company spokesperson", "the union leader" are organizations, and still a "she").
 */
export function isPersonal(type: SpeakerType, head: string | null): boolean {
  return PERSON_TYPES.has(type) || (head !== null && PERSON_TYPES.has(roleType(head) ?? 'unknown'));
}

const FEMALE =
  /\b(?:she|her|mrs|ms|miss|woman|women|spokeswoman|congresswoman|chairwoman|mother|daughter|wife|hillary|chelsea|elizabeth|nancy|kellyanne|sarah|michelle|melania|ivanka|jill|loretta|donna|huma|carly|hope|katrina|susan|mary|jennifer|linda|karen|lisa|patricia|barbara|margaret|amy|kate|anne|jane|maria|debbie|dianne|kamala|tulsi|nikki|condoleezza|madeleine|samantha|ana|anna|emily|emma|olivia|sophie|laura|julia|rachel|rebecca|claire|helen|ruth|judith|diane|janet|joan|carol|sandra|angela|theresa|gwen|cathy|erica|sandy|felicia|amanda|ghazala|lena|rosa|dana|valerie|marsha|kirsten|gina|heidi|tammy|maxine|stacey|liz)\b/i;
const MALE =
  /\b(?:he|him|mr|man|men|spokesman|congressman|chairman|father|son|husband|donald|bill|barack|bernie|ted|marco|john|mike|tim|joe|paul|mitch|harry|chris|rudy|jeb|ben|gary|george|robert|robby|james|david|michael|richard|thomas|mark|steve|jim|bob|newt|reince|sean|corey|jason|eric|kim|vladimir|jeff|adam|tom|jon|mitt|rand|lester|tim|rick|scott|kevin|brian|nick|matt|andrew|peter|frank|ron|dan|doug|greg|jack|larry|gary|bob|joe|al|roger|william|charles|joseph|daniel|anthony|steven|kenneth|edward|ronald|timothy|jose|tomas|carlos|luis|juan|khizr|ezekiel|zeke|noah|stan|chuck|dennis|philip|martin|frederic|wes|josh|sam|marco|howard|orrin|elijah|bennie|keith|cory)\b/i;

export function genderOf(...words: (string | null)[]): 'm' | 'f' | null {
  const s = words.filter(Boolean).join(' ');
  if (FEMALE.test(s)) return 'f';
  if (MALE.test(s)) return 'm';
  return null;
}

/** The article's own voice ("We have found", "It has been found that"), named after its outlet when known. */
export function publication(outletName: string | null): Referent {
  return {
    name: outletName,
    type: 'publication',
    anonymous: false,
    title: null,
    affiliation: null,
    head: null,
    plural: true,
    institution: true,
    gender: null,
  };
}

export function fromEntity(e: Entity): Referent {
  return {
    name: e.name,
    type: e.type,
    anonymous: false,
    title: e.title,
    affiliation: e.affiliation,
    head: null,
    plural: false,
    institution: e.institution,
    gender: e.institution ? null : genderOf(e.title, e.tokens[0] ?? null),
  };
}

const uptoFirstComma = (text: string): string => text.split(', ')[0] ?? text;

/** "The source" at a sentence start is still the description "the source"; proper names keep their capitals. */
export function describe(text: string): string {
  const words = text.split(' ');
  const first = words[0] ?? '';
  // A role word opening a name in capitals stays ("General Staff"); opening a description it does not ("Police said").
  const named = words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  // "New Zealand's prime minister": a function word that opens a name here ("New") keeps its capital.
  const opensName = isNameWordAt(words, 0);
  if ((CAPITALISED_FUNCTION_WORDS.has(first.toLowerCase()) && !opensName) || (roleType(first) !== null && !named)) {
    return first.toLowerCase() + text.slice(first.length);
  }
  return text;
}

export function fromMention(m: ParsedMention): Referent {
  // "The European Central Bank", "Deutsche Bank": a body whose words are all capitalised is named, not anonymous.
  const named =
    m.name !== null ||
    (m.institution && (/\p{Lu}/u.test(m.affiliation ?? '') || /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u.test(m.role ?? '')));
  return {
    // "Terminal operator ECT" is ECT; other bodies keep their words ("the Foreign Ministry"), without an
    // appositive ("The Nuffield Trust, a health think tank" is the Nuffield Trust).
    name: m.name
      ? m.institution &&
        !describedAsBody(m) &&
        !RELATIONAL_WORDS.has(m.text.split(' ')[0]!.toLowerCase()) &&
        uptoFirstComma(m.text).includes(m.nameTokens[m.nameTokens.length - 1] ?? m.name)
        ? describe(uptoFirstComma(m.text))
        : m.name
      : // "the Guttmacher Institute, a research group that …": a body is named by the words before its description.
        describe((m.institution && nameBeforeDescription(m.text)) || m.text) || null,
    type: m.type,
    anonymous: !named,
    title: m.title,
    affiliation: m.affiliation,
    head: m.head,
    plural: m.plural,
    institution: m.institution,
    gender: m.institution || m.plural ? null : genderOf(m.title, m.head, m.nameTokens[0] ?? null),
  };
}
