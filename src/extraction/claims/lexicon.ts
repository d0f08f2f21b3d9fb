import type { SpeakerType } from '../types';

/**
 * Role and title words mapped to the speaker type they signal. Lower-case singular forms; `roleType`
 * also accepts the regular plural. Kept as data so newsroom editors can extend it without touching logic.
 */
const ROLE_TYPES: Record<Exclude<SpeakerType, 'publication' | 'unknown'>, string> = {
  official:
    'official president vice-president minister ministry spokesman spokeswoman spokesperson senator sen. governor gov. ' +
    'government military army navy police authority authorities administration regime leader lawmaker legislator ' +
    'congressman congresswoman representative rep. mayor ambassador diplomat secretary chancellor premier ' +
    'prime-minister king queen general gen. commander officer prosecutor attorney-general judge justice ' +
    'candidate nominee politician campaign aide adviser advisor strategist chairman chairwoman chair ' +
    'speaker delegate envoy department agency pentagon kremlin regulator commissioner sheriff trooper ' +
    'staffer surrogate operative democrat republican white-house county municipality ministry gop establishment ' +
    'investigation inquiry probe indictment accord treaty councillor cllr mp mep force superintendent supt. inspector insp. constable ' +
    'sergeant sgt. detective det. chief marshal firefighter investigator',
  expert:
    'analyst professor prof. prof researcher economist expert scholar academic scientist historian institute ' +
    'university think-tank pollster observer specialist commentator lecturer dr. doctor physician pundit ' +
    'statistician forecaster poll survey study report research data dean pew gallup ipsos quinnipiac surgeon',
  source: 'source insider resident informant defector person people familiar',
  person:
    'witness man woman men women voter supporter mother father parent student worker citizen protester critic ' +
    'crowd opponent fan member friend veteran immigrant audience viewer reader caller attendee teacher nurse ' +
    'survivor victim family neighbor neighbour activist donor lawyer attorney businessman businesswoman billionaire ' +
    'author organizer organiser steward manager owner conservative liberal progressive evangelical classmate ' +
    'teammate coworker co-worker trainee ' +
    // Occupations and roles of ordinary people quoted in the news: "A former Zentrix engineer, who …, said …. “…,” she
    // said" — without a role the engineer was no person "she" could be. Not those that are common surnames too
    // ("Amanda Carpenter", "Adam Driver"): driver, farmer, miner, clerk, carpenter, builder.
    'engineer employee pilot soldier shopper patient customer tenant passenger cashier contractor programmer ' +
    'homeowner shopkeeper retiree pensioner commuter consumer electrician plumber chef waiter waitress bartender ' +
    'labourer laborer caregiver carer paramedic technician',
  organization:
    'company corporation corp. inc. firm group party committee association foundation union coalition organization ' +
    'organisation ngo charity bank council alliance league society club federation terrorist militant insurgent rebel opposition ' +
    // "a global hunger monitor", "a war monitor": a body that watches (a capitalised "Monitor" is a newspaper).
    'monitor',
  media:
    'media newspaper paper outlet broadcaster tv television radio press magazine journal reporter journalist ' +
    'correspondent editorial columnist wire host anchor publisher editor writer blogger',
};

const ROLE_INDEX = new Map<string, SpeakerType>();
for (const [type, words] of Object.entries(ROLE_TYPES)) {
  for (const w of words.split(/\s+/)) if (w && !ROLE_INDEX.has(w)) ROLE_INDEX.set(w, type as SpeakerType);
}

/** Type signalled by one role word ("analysts" → expert), or null when the word is not a role. */
export function roleType(word: string): SpeakerType | null {
  const w = word.toLowerCase();
  const direct = ROLE_INDEX.get(w);
  if (direct) return direct;
  // Medical and scientific specialists: "an oncologist", "epidemiologists".
  if (/^[a-z]+ologists?$/.test(w)) return 'expert';
  if (w.endsWith('ies')) return ROLE_INDEX.get(`${w.slice(0, -3)}y`) ?? null;
  // "witnesses", "coaches".
  if (/(?:ss|ch|sh|x)es$/.test(w)) return ROLE_INDEX.get(w.slice(0, -2)) ?? null;
  if (w.endsWith('s')) return ROLE_INDEX.get(w.slice(0, -1)) ?? null;
  return null;
}

const IRREGULAR_PLURALS = new Set([
  'people',
  'authorities',
  'men',
  'women',
  'children',
  'police',
  'media',
  'data',
  'staff',
  'crowd',
  // People whose plural ends like "politics" (which the "-ics" rule below keeps singular).
  'critics',
  'sceptics',
  'skeptics',
  'cynics',
  'academics',
  'medics',
]);

/** A plural head ("analysts", "polls", "people") is referred back to with "they", never "he". */
export function isPluralHead(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(w)) return true;
  return /[^su]s$/.test(w) && !ROLE_INDEX.has(w) && !/(?:ss|us|is|ics|news)$/.test(w);
}

/** Generic person heads: "the person" or "the source" points back to an unnamed source, not to a named role. */
export const GENERIC_HEADS = new Set(['person', 'source', 'insider', 'informant', 'man', 'woman', 'individual']);

/** Title words that precede a name ("Professor Ban", "leader Kim Jong-un", "Secretary of State John Kerry"). */
export const TITLE_WORDS = new Set(
  (
    'professor prof. dr. president vice senator sen. governor gov. rep. representative mr. mrs. ms. miss ' +
    'leader minister secretary spokesman spokeswoman spokesperson chairman chairwoman ambassador mayor general gen. ' +
    'judge justice candidate nominee analyst researcher economist director ceo founder chief adviser advisor aide ' +
    'strategist pollster former then-candidate speaker chancellor premier king queen prince lt. col. sgt. capt. ' +
    'congressman congresswoman commissioner attorney sheriff pastor rev. reverend head co-founder dean publisher editor ' +
    // "Chief Executive Oliver Brandt": the second word of a capitalised title is no part of the name.
    'executive officer ' +
    // "FEMA Administrator Deanne Criswell": a title, though what it administers decides her type.
    'administrator ' +
    // British forms, written without a full stop.
    'prof dr cllr councillor sir dame lord baroness ' +
    // "Tottenham boss Ange Postecoglou", "Tesco boss Ken Murphy": British papers' word for a manager or chief executive.
    'boss'
  ).split(' '),
);

/** Last words of a capitalised run that make it an institution, with the type they imply. */
const ORG_HEADS: Record<string, SpeakerType> = {
  ministry: 'official',
  department: 'official',
  government: 'official',
  administration: 'official',
  office: 'official',
  army: 'official',
  police: 'official',
  pentagon: 'official',
  // Central banks and public bodies known by a short name: "the Fed", "the Federal Reserve", "the ECB", "the ONS".
  reserve: 'official',
  fed: 'official',
  ecb: 'official',
  imf: 'official',
  ons: 'official',
  nato: 'official',
  opec: 'official',
  cdc: 'official',
  fda: 'official',
  epa: 'official',
  fbi: 'official',
  cia: 'official',
  nih: 'official',
  fema: 'official',
  irs: 'official',
  kremlin: 'official',
  treasury: 'official',
  embassy: 'official',
  authority: 'official',
  house: 'official',
  senate: 'official',
  congress: 'official',
  parliament: 'official',
  assembly: 'official',
  legislature: 'official',
  cabinet: 'official',
  court: 'official',
  agency: 'official',
  service: 'official',
  campaign: 'official',
  command: 'official',
  bureau: 'official',
  commission: 'official',
  // "U.S. Immigration and Customs Enforcement", "the Drug Enforcement Administration".
  enforcement: 'official',
  institute: 'expert',
  institution: 'expert',
  university: 'expert',
  college: 'expert',
  center: 'expert',
  centre: 'expert',
  school: 'expert',
  academy: 'expert',
  foundation: 'organization',
  committee: 'organization',
  party: 'organization',
  association: 'organization',
  union: 'organization',
  group: 'organization',
  inc: 'organization',
  corp: 'organization',
  corps: 'organization',
  company: 'organization',
  council: 'organization',
  coalition: 'organization',
  bank: 'organization',
  fund: 'organization',
  trust: 'organization',
  plc: 'organization',
  ltd: 'organization',
  llc: 'organization',
  club: 'organization',
  hospital: 'organization',
  clinic: 'organization',
  // Businesses named for their trade: "Northgate Water", "Delta Air Lines", "Ford Motors", "Duke Energy".
  water: 'organization',
  airlines: 'organization',
  airways: 'organization',
  motors: 'organization',
  energy: 'organization',
  holdings: 'organization',
  pharmaceuticals: 'organization',
  technologies: 'organization',
  railways: 'organization',
  utilities: 'organization',
  industries: 'organization',
  platforms: 'organization',
  foods: 'organization',
  brands: 'organization',
  stores: 'organization',
  labs: 'organization',
  devices: 'organization',
  systems: 'organization',
  network: 'media',
  times: 'media',
  post: 'media',
  news: 'media',
  journal: 'media',
  herald: 'media',
  tribune: 'media',
  daily: 'media',
  gazette: 'media',
  magazine: 'media',
  press: 'media',
  radio: 'media',
  tv: 'media',
  television: 'media',
  telegraph: 'media',
  guardian: 'media',
  observer: 'media',
  review: 'media',
  monitor: 'media',
  wire: 'media',
  standard: 'media',
  blaze: 'media',
  journalism: 'media',
};

/**
 * Descriptions that make the name after them a business or body: "Terminal operator ECT", "think tank Nuffield
 * Trust", "carmaker Volvo", "lender Barclays".
 */
export const ORG_DESCRIPTORS = new Set(
  (
    'operator tank retailer carmaker automaker airline carrier maker manufacturer producer supplier lender insurer ' +
    'developer chain giant conglomerate firm company group bank charity startup start-up utility shipper ' +
    'miner broker exchange regulator watchdog nonprofit non-profit consultancy'
  ).split(' '),
);

// Plurals of a head that are surnames too ("Rep. Maxine Waters"), not bodies.
const SURNAMES_AS_PLURALS = new Set(['waters']);

export function orgHeadType(word: string): SpeakerType | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  // "Federal courts", "state agencies": plural bodies are typed like one.
  return (
    ORG_HEADS[w] ??
    (w.endsWith('s') && w.length > 4 && !SURNAMES_AS_PLURALS.has(w) ? (ORG_HEADS[w.slice(0, -1)] ?? null) : null)
  );
}

/** Outlets often cited without a telling head word. */
export const MEDIA_NAMES = new Set(
  (
    'cnn|reuters|ap|associated press|afp|bbc|nbc|cbs|abc|msnbc|fox|fox news|politico|breitbart|bloomberg|axios|' +
    'yonhap|kcna|xinhua|npr|pbs|usa today|huffpost|huffington post|the hill|buzzfeed|vox|slate|salon|' +
    'the atlantic|time|newsweek|the economist|al jazeera|nhk|kyodo|tass|ria novosti|politifact|drudge report|' +
    'the blaze|national review|daily wire|the weekly standard|weekly standard|western journalism|fox business|' +
    'mother jones|daily beast|the intercept|propublica|sky news|itv|channel 4|bloomberg politics|cnbc|c-span|' +
    // Broadcasters and agencies abroad, often cited as "state-run TRT", "the official IRNA news agency".
    'trt|cctv|france 24|euronews|anadolu|irna|cbc|deutsche welle|dw|al arabiya|tass|' +
    // Named with "New", which opens a name only before another capitalised word (phrases.ts inName).
    'new yorker|the new yorker|new york magazine'
  ).split('|'),
);

/**
 * Companies often named with nothing that says they are one ("Boeing said …"): without the list a bare name is typed
 * `unknown`. Large firms newsrooms quote daily; not those that are also common surnames or words.
 */
export const COMPANY_NAMES = new Set(
  (
    'boeing|airbus|apple|google|alphabet|amazon|microsoft|meta|facebook|tesla|nvidia|intel|amd|qualcomm|ibm|oracle|' +
    'samsung|sony|toyota|volkswagen|stellantis|exxon|exxonmobil|chevron|shell|bp|pfizer|moderna|astrazeneca|' +
    'walmart|costco|target|disney|netflix|uber|lyft|openai|anthropic|spacex|twitter|tiktok|bytedance|alibaba|' +
    "tencent|huawei|jpmorgan|goldman sachs|citigroup|wells fargo|blackrock|starbucks|mcdonald’s|mcdonald's|" +
    'nike|coca-cola|pepsico|unilever|nestle|nestlé|siemens|bayer|glencore|rio tinto|bhp|aramco|gazprom|rosneft|' +
    // Armed and political movements in the news daily, named with nothing that says they are a body ("Hamas said").
    'hamas|hezbollah|hizbollah|taliban|the taliban|houthis|the houthis|islamic state|al-qaeda|al qaeda|al-shabab|' +
    'wagner|wagner group|boko haram'
  ).split('|'),
);

/** Well-known politicians of the period PolNeAR covers: a bare surname at first mention still reads as official. */
export const POLITICIANS = new Set(
  (
    'trump clinton obama sanders cruz rubio kasich pence kaine biden romney ryan mcconnell pelosi reid christie ' +
    'giuliani bush carson fiorina stein johnson warren schumer mccain graham priest conway mook podesta ' +
    'putin merkel netanyahu erdogan xi abe modi may ' +
    // And of today's copy, by a word no private person is often called ("Kamala", not "Harris").
    'kamala walz vance starmer sunak streeting badenoch farage macron scholz meloni zelensky zelenskiy carney ' +
    'albanese lula milei sheinbaum newsom desantis ramaswamy jeffries thune hegseth'
  ).split(' '),
);

/** Places used metonymically for their government ("Seoul's offer", "Moscow said"). */
export const CAPITALS = new Set(
  (
    'washington|moscow|beijing|seoul|pyongyang|tokyo|london|paris|berlin|tehran|kyiv|kiev|jerusalem|ankara|' +
    'brussels|damascus|havana|caracas|canberra|ottawa|new delhi|islamabad|kabul|baghdad|cairo|riyadh|' +
    // Seats of government that speak for it: "Downing Street said".
    'downing street|whitehall|elysee|élysée|vatican|holy see'
  ).split('|'),
);

/** How a speaker stands to another ("Rival Advanced Micro Devices said"): no part of a name. */
export const RELATIONAL_WORDS = new Set(['rival', 'fellow']);

/** Words that look like names at a sentence start but are not ("While", "Under", "The", "Rival"). */
export const CAPITALISED_FUNCTION_WORDS = new Set([
  ...RELATIONAL_WORDS,
  ...(
    'the a an and but or so yet while when before after under over since as at in on of for from by with without ' +
    'this that these those there here it its he she they we i you his her their our my your such some many most ' +
    'one two three no not if then also even still just only both all each every other another according during ' +
    'following despite although though because meanwhile however recently earlier later last next new ' +
    'mr mrs ms dr january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    // Auxiliaries opening a sentence ("Had Sanders won …") open no name.
    'had has have is was were did does would could should'
  ).split(' '),
]);

const PLACE_WORDS = new Set(
  (
    'north south east west korea korean koreas united states america american china chinese russia russian japan ' +
    'kingdom union europe european city county state province island republic york jersey carolina dakota ' +
    'virginia florida ohio texas iowa nevada pennsylvania michigan wisconsin arizona colorado georgia u.s u.s. us ' +
    // "New" reaches a name only before a capitalised word (phrases.ts): "New York", "New Hampshire".
    'new hampshire ' +
    'u.k u.k. uk u.n u.n. un eu ' +
    // Countries speak through their governments: "Saudi Arabia said", "Brazil warned" (typed like "Russia said").
    // Left out where a country is also a common name or surname (a lone surname of someone named before is that
    // person, and a place is never looked up so): Jordan, Chad, Holland, Wales, Costa (Rica), Salvador, Israel
    // (Rep. Steve Israel), Ireland, England.
    'afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus ' +
    'belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile colombia congo croatia cuba ' +
    'cyprus czechia denmark ecuador egypt estonia ethiopia finland france germany ghana greece guatemala ' +
    'haiti honduras hungary iceland india indonesia iran iraq italy jamaica kazakhstan kenya kosovo ' +
    'kuwait laos latvia lebanon libya lithuania luxembourg macedonia malaysia mali malta mexico moldova mongolia ' +
    'montenegro morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine ' +
    'panama paraguay peru philippines poland portugal qatar romania rwanda scotland serbia singapore slovakia ' +
    'slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey ' +
    'uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe saudi arabia africa zealand sri lanka ' +
    'arab emirates herzegovina hong kong gaza'
  ).split(' '),
);

/** A capitalised run made only of place words ("North Korea", "New York") names a place, not a person. */
export function isPlaceName(tokens: string[]): boolean {
  return tokens.length > 0 && tokens.every((t) => PLACE_WORDS.has(t.toLowerCase()) || CAPITALS.has(t.toLowerCase()));
}
