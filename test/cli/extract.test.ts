import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runExtract } from '../../src/cli/extract-command';
import { capture } from '../support/capture';

// `claimtrack` commands run in-process: the same functions the CLI actions call.

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrack-extract-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('when given files, then their claims are printed as JSON, one entry per file', () => {
  const { out, io } = capture();
  const file = path.join(tmp, 'a.txt');
  fs.writeFileSync(file, '“Prices rose 5 percent in May,” the minister said.');
  expect(runExtract({ files: [file] }, io)).toBe(0);
  const printed = JSON.parse(out.stdout);
  expect(printed).toHaveLength(1);
  expect(printed[0].file).toBe(file);
  expect(Array.isArray(printed[0].claims)).toBe(true);
});

test('when a file is missing, then a one-line error names it and the exit code is 1', () => {
  const { out, io } = capture();
  expect(runExtract({ files: [path.join(tmp, 'nope.txt')] }, io)).toBe(1);
  expect(out.stderr).toMatch(/cannot read .*nope\.txt: no such file/);
  expect(out.stderr).not.toMatch(/\n\s+at /);
  expect(out.stdout).toBe('');
});

test('when given --in and --out, then every .txt becomes <name>.json with its claims and a summary is printed', () => {
  const { out, io } = capture();
  const inDir = path.join(tmp, 'in');
  fs.mkdirSync(inDir);
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(inDir, f));
  fs.writeFileSync(path.join(inDir, 'notes.md'), 'not an article');
  const outDir = path.join(tmp, 'nested', 'out');
  expect(runExtract({ files: [], in: inDir, out: outDir }, io)).toBe(0);
  expect(fs.readdirSync(outDir).sort()).toEqual([
    'nk-times-death-notifications.json',
    'straits-times-elite-defections.json',
  ]);
  const written = JSON.parse(fs.readFileSync(path.join(outDir, 'nk-times-death-notifications.json'), 'utf8'));
  expect(Object.keys(written)).toEqual(['claims']);
  expect(out.stderr).toMatch(/^extracted 2 files, \d+ claims in [\d.]+ s/);
});

test('when --in is given without --out, then the usage error says they go together', () => {
  const { out, io } = capture();
  expect(runExtract({ files: [], in: tmp }, io)).toBe(1);
  expect(out.stderr).toMatch(/--in and --out go together/);
});

test('when nothing is given, then the user is told what to pass', () => {
  const { out, io } = capture();
  expect(runExtract({ files: [] }, io)).toBe(1);
  expect(out.stderr).toMatch(/nothing to extract/);
});
