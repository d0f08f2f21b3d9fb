import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../src/extraction/types';

/** Reads the PolNeAR corpus the way ../shared/eval/polnear-score.mjs does (first annotator file, UTF-16 offsets). */
/** The repository root (holds package.json), found from both scripts/ and dist/scripts/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

// CLAIMTRACK_SHARED (or SHARED_DIR) points elsewhere (a git worktree has no ../shared beside it).
export const SHARED = process.env.CLAIMTRACK_SHARED ?? process.env.SHARED_DIR ?? path.join(repoRoot(), '..', 'shared');

export interface GoldAttribution {
  cue: Span[];
  source: Span[];
  content: Span[];
}

export interface Article {
  name: string;
  text: string;
  gold: GoldAttribution[];
}

export function splitDir(split: string): string {
  return path.join(SHARED, 'polnear', split);
}

/** Exits with a clear message when the shared corpus is not checked out next to the repo. */
export function requireSplit(split: string): string {
  const dir = splitDir(split);
  if (!fs.existsSync(path.join(dir, 'text'))) {
    console.error(`PolNeAR split not found: ${dir}/text (expected the shared corpus at ${SHARED})`);
    process.exit(1);
  }
  return dir;
}

export function listArticles(split: string): string[] {
  return fs
    .readdirSync(path.join(splitDir(split), 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => f.slice(0, -4));
}

export function readText(split: string, name: string): string {
  return fs.readFileSync(path.join(splitDir(split), 'text', `${name}.txt`), 'utf8');
}

/** An article's annotation files (full paths), in the scorer's order: the first is gold. */
export function annotationFiles(split: string, name: string): string[] {
  const annDir = path.join(splitDir(split), 'attributions');
  return fs
    .readdirSync(annDir)
    .filter((f) => f.startsWith(`${name}_`) && f.endsWith('.ann'))
    .sort()
    .map((f) => path.join(annDir, f));
}

/** Gold attributions of the first annotation file, or of all files with `all`. */
export function readArticle(split: string, name: string, all = false): Article {
  const files = annotationFiles(split, name);
  const text = readText(split, name);
  const gold = (all ? files : files.slice(0, 1)).flatMap((f) => parseAnn(fs.readFileSync(f, 'utf8'), text));
  return { name, text, gold };
}

/** Each annotation file's attributions on its own, in file order (several only for doubly annotated articles). */
export function readAnnotators(split: string, name: string): GoldAttribution[][] {
  const text = readText(split, name);
  return annotationFiles(split, name).map((f) => parseAnn(fs.readFileSync(f, 'utf8'), text));
}

function parseAnn(ann: string, text: string): GoldAttribution[] {
  const cp2u: number[] = [];
  let unit = 0;
  for (const ch of text) {
    cp2u.push(unit);
    unit += ch.length;
  }
  cp2u.push(unit);
  const spans = new Map<string, Span[]>();
  const rels: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (cols.length < 2) continue;
    if (id.startsWith('T')) {
      const m = /^(\S+)\s+(.*)$/.exec(cols[1]!);
      if (!m) continue;
      const parts = m[2]!.split(';').map((p): Span => {
        const [a, b] = p.trim().split(/\s+/).map(Number);
        return [cp2u[a!] ?? a!, cp2u[b!] ?? b!];
      });
      spans.set(id, parts);
    } else if (id.startsWith('E')) {
      const rel: Record<string, string> = {};
      for (const arg of cols[1]!.trim().split(/\s+/)) {
        const [role, ref] = arg.split(':');
        if (role && ref) rel[role] = ref;
      }
      rels.push(rel);
    }
  }
  const get = (ref: string | undefined): Span[] => (ref ? (spans.get(ref) ?? []) : []);
  return rels
    .map((r) => ({ cue: get(r.Cue), source: get(r.Source), content: [...get(r.Content), ...get(r.Content2)] }))
    .filter((a) => a.cue.length || a.content.length);
}
