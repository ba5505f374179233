// `npm run bench -- budgets`: the time budgets of the bad-plan corpus, which the tests used
// to assert with a clock. The inputs are the tests' own (test/helpers/corpus.ts); the tests
// keep asserting what each reports, and this prints how long it takes: medians (min – max)
// of fresh processes, against the budget. Run directly with a probe's name, this file is
// that probe: it times compileFiles() of the built code (dist/) and prints milliseconds as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { brokenReferences, CASES, manyKeys, mangledPlan, type Content } from '../test/helpers/corpus.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'planc.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The mangled plans of the property test, fixed by a seed so that every run times the same ones. */
const MANGLED = { numRuns: 300, seed: 20_240_607 };

type Probe = () => Promise<Record<string, number>>;

/** Times one compileFiles() of the files (a fresh session's check); fails if what it reports is not what the test expects. */
async function timedCompile(files: Record<string, Content>, expect?: (codes: string[]) => boolean): Promise<number> {
  const { compileFiles } = await import('../dist/api/session.js');
  const { defaultConfig } = await import('../dist/config/config.js');
  const encoder = new TextEncoder();
  const inputs = Object.entries(files).map(([path, content]) => ({ path, bytes: typeof content === 'string' ? encoder.encode(content) : content }));
  const started = performance.now();
  const result = compileFiles(inputs, defaultConfig('/repo'), { cwd: '/repo' });
  const elapsed = performance.now() - started;
  if (expect && !expect(result.diagnostics.map((d: { code: string }) => d.code))) throw new Error(`unexpected diagnostics for ${Object.keys(files).join(', ')}`);
  return elapsed;
}

const probes: Record<string, Probe> = {
  async corpus() {
    const times: Record<string, number> = {};
    for (const [name, [content, expected]] of Object.entries(CASES)) {
      times[name] = await timedCompile({ 'corpus.plan.yaml': content }, (codes) => codes.join() === expected.map((entry) => entry.split(' ')[0]).join());
    }
    return times;
  },
  async references() {
    return { references: await timedCompile({ 'corpus.plan.yaml': brokenReferences(3000).text }, (codes) => codes.filter((code) => code === 'PLAN3002').length === 3000) };
  },
  async keys() {
    return { keys: await timedCompile({ 'corpus.plan.yaml': manyKeys(90_000) }, (codes) => codes.filter((code) => code === 'PLAN2001').length === 90_000) };
  },
  async mangled() {
    const times: Record<string, number> = {};
    for (const [index, text] of fc.sample(mangledPlan, MANGLED).entries()) times[index] = await timedCompile({ 'plans/mangled.plan.yaml': text });
    return times;
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function print(name: string, samples: number[], target?: string): void {
  const shown = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  console.log(`${name.padEnd(58)} ${shown(median(samples)).padStart(9)}   (${shown(Math.min(...samples))} – ${shown(Math.max(...samples))})${target ? `   target ${target}` : ''}`);
}

/** RUNS fresh processes of a probe: each figure's samples, by name. */
function repeatProbe(name: string): Record<string, number[]> {
  const all: Record<string, number[]> = {};
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(process.execPath, [SELF, name], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`budgets probe ${name} failed: ${result.stderr}`);
    for (const [key, value] of Object.entries(JSON.parse(result.stdout) as Record<string, number>)) (all[key] ??= []).push(value);
  }
  return all;
}

/** Of figures that each have RUNS samples, the one with the highest median, and the run totals. */
function slowestAndTotal(figures: Record<string, number[]>): { name: string; samples: number[]; totals: number[] } {
  const [name, samples] = Object.entries(figures).reduce((worst, entry) => (median(entry[1]) > median(worst[1]) ? entry : worst));
  const totals = Array.from({ length: RUNS }, (_, run) => Object.values(figures).reduce((sum, values) => sum + values[run]!, 0));
  return { name, samples, totals };
}

export function budgets(): void {
  console.log('\ncorpus of bad plans (test/helpers/corpus.ts): compileFiles() of the built code, in a fresh process');
  const corpus = slowestAndTotal(repeatProbe('corpus'));
  print(`corpus: the slowest of ${Object.keys(CASES).length} bad plans`, corpus.samples, '< 5 s');
  console.log(`  (${corpus.name})`);
  print(`  all ${Object.keys(CASES).length} of them, one after another`, corpus.totals);
  print('3,000 broken references among 3,000 tasks', repeatProbe('references').references!, '< 8 s');
  print('a mapping of 90,000 unknown keys (890 KB)', repeatProbe('keys').keys!, '< 20 s');
  const mangled = slowestAndTotal(repeatProbe('mangled'));
  print(`mangled plans: the slowest of ${MANGLED.numRuns} (seed ${MANGLED.seed})`, mangled.samples, '< 5 s');
  print(`  all ${MANGLED.numRuns} of them, one after another`, mangled.totals);
  // The whole command over every case at once, as the test runs it (there in-process).
  const work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'planc-budgets-'));
  try {
    mkdirSync(join(work, 'plans'));
    Object.values(CASES).forEach(([content], index) => writeFileSync(join(work, 'plans', `case-${index}.plan.yaml`), content));
    const wall = Array.from({ length: RUNS }, () => {
      const started = performance.now();
      const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const elapsed = performance.now() - started;
      if (result.status !== 1) throw new Error(`planc check of the corpus exited ${result.status}, not 1: ${result.stderr}`);
      return elapsed;
    });
    print(`planc check of all ${Object.keys(CASES).length} at once, whole process`, wall, '< 30 s');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) {
  const name = process.argv[2];
  if (name === undefined) {
    budgets();
  } else if (probes[name]) {
    console.log(JSON.stringify(await probes[name]()));
  } else {
    console.error(`unknown probe ${name}; probes: ${Object.keys(probes).join(', ')}`);
    process.exit(2);
  }
}
