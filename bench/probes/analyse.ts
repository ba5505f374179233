// One generated plan model of <tasks> tasks and <dependencies> dependencies: the time to
// resolve its references (link, part of building the model) and to analyse it (graph,
// cycles, CPM, calendar dates, rollback coverage, rules).
import { analyse } from '../../dist/analyse/analyse.js';
import { defaultConfig } from '../../dist/config/config.js';
import { Diagnostics } from '../../dist/diagnostics/sink.js';
import { link } from '../../dist/link/link.js';
import { bigPlan } from '../model.ts';

const [tasks, dependencies] = process.argv.slice(2).map(Number) as [number, number];
const plan = bigPlan(tasks, dependencies, { start: '2027-01-04' });
const diagnostics = new Diagnostics();
// The model was just built: settle it into the old generation first, so promoting it is
// not billed to what is measured (bench/run.ts runs probes with --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
gc();
let started = performance.now();
const project = link([plan], diagnostics);
const linked = performance.now() - started;
gc();
started = performance.now();
analyse(project, defaultConfig('.'), diagnostics, { simulate: false });
const analysed = performance.now() - started;
if (diagnostics.items.some((d) => d.severity === 'error')) throw new Error('the generated plan has errors');
console.log(JSON.stringify({ link: linked, analyse: analysed }));
