import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The repository (package) root, found from this file whether it runs from src/ (jest) or dist/src/ (built). */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}

export const fromRoot = (...parts: string[]) => path.join(repoRoot(), ...parts);
