import fs from 'node:fs';
import type { Command } from 'commander';
import { extractClaims } from '../extraction';

/** `claimtrack extract FILE…` prints claims as JSON; no services needed. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Extract attributable claims from text files (no database or queue needed)')
    .argument('[files...]', 'text files to read')
    .action((files: string[]) => {
      const out = files.map((file) => ({ file, claims: extractClaims(fs.readFileSync(file, 'utf8')) }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    });
}
