// Drawing planc's own charts of one plan (argv[2]: a folder with it) after it is checked:
// the Gantt chart (the drawing and its SVG text) and the workload histogram, as the build
// and the site draw them. Each is timed on its own, after one warm-up drawing, so the figure
// is the drawing, not the first load of its code.
import { check } from '../../dist/index.js';
import { ganttSvg, ganttHtml } from '../../dist/emit/gantt/chart.js';
import { planGantt } from '../../dist/emit/gantt/plan.js';
import { workloadDrawing } from '../../dist/emit/gantt/workload.js';

const result = await check({ cwd: process.argv[2]!, statusDate: '2027-02-01' });
const plan = result.plans[0]!;
const analysis = result.analysis.plans.get(plan)!;
const time = (draw: () => unknown) => {
  draw();
  const started = performance.now();
  draw();
  return performance.now() - started;
};
console.log(
  JSON.stringify({
    gantt: time(() => ganttSvg(planGantt(plan, analysis, { href: (item) => `#${item.id}` })!)),
    ganttHtml: time(() => ganttHtml(planGantt(plan, analysis, { href: (item) => `#${item.id}` })!, { svgHref: 'gantt.svg' })),
    workload: time(() => ganttSvg(workloadDrawing(plan, analysis)!)),
  }),
);
