// The Monte Carlo simulation of a generated plan whose every task has a three-point estimate.
import { analyse } from '../../dist/analyse/analyse.js';
import { defaultConfig } from '../../dist/config/config.js';
import { Diagnostics } from '../../dist/diagnostics/sink.js';
import { link } from '../../dist/link/link.js';
import { bigPlan } from '../model.ts';

const [tasks, dependencies, runs] = process.argv.slice(2).map(Number) as [number, number, number];
const plan = bigPlan(tasks, dependencies, { start: '2027-01-04', estimates: true });
const config = defaultConfig('.');
config.simulation.runs = runs;
const diagnostics = new Diagnostics();
const project = link([plan], diagnostics);
(globalThis as { gc?: () => void }).gc?.();
let started = performance.now();
analyse(project, config, diagnostics, { simulate: false });
const without = performance.now() - started;
started = performance.now();
const analysis = analyse(project, config, diagnostics, { simulate: true });
const simulate = performance.now() - started - without;
if (!analysis.plans.get(plan)?.schedule?.monteCarlo) throw new Error('no simulation ran');
console.log(JSON.stringify({ simulate }));
