// A Gantt drawing as planc prints it: rows with their names, layers of SVG marks over a
// time scale, a legend; printed as one standalone SVG (gantt.svg: names, chart and legend)
// or as the site's figure (the names in an HTML column that stays put while the chart
// scrolls sideways, the chart as inline SVG). Colours are CSS variables set for the light
// and the dark theme in one style sheet, so one drawing serves both. Every piece of plan
// text goes through escapeXml / escapeXmlAttribute. On the site, a drawing whose marks all
// sit on their rows (`collapsible`) has its groups as toggles: each row's marks are a
// `<g data-row>`, each arrow names the rows it joins, and the site's script
// (site/src/components/Diagrams.astro) hides the rows of a folded group and moves those below up.
import { escapeXmlAttribute, escapeXml } from '../../util/xml.ts';
import type { TimeScale } from './scale.ts';

/** Row height, header height and the bar's place in a row, in pixels. */
export const ROW = 24;
export const HEAD = 42;
export const BAR_TOP = 5;
export const BAR_HEIGHT = 14;
/** The width of the names column in the standalone SVG. */
const NAMES = 240;
/** Characters of a name that fit the standalone column (about 6.4 px each at 12 px). */
const NAME_ROOM = 34;

export interface NameRow {
  label: string;
  /** The whole text, for a tooltip. */
  title: string;
  /** A group heading (a phase, the rollout, the milestones). */
  group: boolean;
  /** The SVG marks drawn on this row (its bar, float, labels, milestone, due date…), in the marks layer. */
  marks?: string;
}

/** A dependency arrow: its orthogonal path (routed along the gaps between rows, route.ts) and the rows it joins. */
export interface GanttLink {
  d: string;
  from: number;
  to: number;
  critical?: boolean;
}

/** What a legend entry shows: the mark's swatch and its meaning. */
export type LegendKey =
  | 'task' | 'critical' | 'done' | 'float' | 'planned' | 'late' | 'summary' | 'milestone' | 'due' | 'noReturn' | 'stage' | 'nonWorking' | 'status' | 'link' | 'plan'
  | 'load' | 'overload' | 'capacity';

export interface GanttDrawing {
  /** Unique within a page: the prefix of every id the drawing defines. */
  id: string;
  /** Its accessible name and its description. */
  title: string;
  description: string;
  scale: TimeScale;
  rows: NameRow[];
  /** SVG marks, back to front: shading and grid, then links, then marks on no one row and the rows' marks, then labels. */
  layers: { back: string[]; links: GanttLink[]; marks: string[]; front: string[] };
  /** Every mark of a row is on that row (`rows[i].marks`): on the site its groups fold away. */
  collapsible?: boolean;
  legend: LegendKey[];
  /** Where the reader looks first (the status date's x), for the site to scroll to. */
  focus?: number;
}

const LEGEND: Record<LegendKey, string> = {
  task: 'Task',
  critical: 'Critical (hatched, bold outline)',
  done: 'Work done',
  float: 'Total float',
  planned: 'As planned',
  late: 'Late on the status date',
  summary: 'Phase',
  milestone: 'Milestone (filled when reached)',
  due: 'Due date',
  noReturn: 'Point of no return',
  stage: 'Rollout stage',
  nonWorking: 'Non-working day',
  status: 'Status date',
  link: 'Dependency',
  plan: 'Plan',
  load: 'A task under way',
  overload: 'Over capacity (hatched)',
  capacity: 'Capacity',
};

/** The drawing's height: header and rows. */
export function chartHeight(drawing: Pick<GanttDrawing, 'rows'>): number {
  return HEAD + drawing.rows.length * ROW + 1;
}

/**
 * The palette, as CSS variables of `.planc-gantt`: the light theme by default, the dark one
 * under the site's dark theme (`data-theme` on the page) or, for a standalone SVG, under
 * the reader's dark colour scheme. Every colour a mark uses comes from here.
 */
export const GANTT_STYLE = [
  '.planc-gantt{--g-text:#1f2328;--g-muted:#59636e;--g-grid:#d8dee4;--g-major:#8c959f;--g-off:#eef1f4;--g-bar:#c2d7fb;--g-bar-line:#0b57d0;--g-bar-done:#0b57d0;--g-crit:#fbd9d6;--g-crit-line:#b3261e;--g-crit-done:#b3261e;--g-stage:#e1d5fc;--g-stage-line:#6f42c1;--g-stage-done:#6f42c1;--g-base:#8c959f;--g-due:#8250df;--g-late:#b3261e;--g-early:#1a7f37;--g-status:#9a6700;--g-link:#6e7781;--g-bg:#ffffff;font:12px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  ':root[data-theme=dark] .planc-gantt{--g-text:#e6edf3;--g-muted:#9198a1;--g-grid:#30363d;--g-major:#6e7681;--g-off:#1e2228;--g-bar:#1d3b6e;--g-bar-line:#7cacf8;--g-bar-done:#7cacf8;--g-crit:#4d1f1c;--g-crit-line:#ff8a80;--g-crit-done:#ff8a80;--g-stage:#36285a;--g-stage-line:#c5a8ff;--g-stage-done:#c5a8ff;--g-base:#6e7681;--g-due:#c297ff;--g-late:#ff8a80;--g-early:#56d364;--g-status:#e3b341;--g-link:#8b949e;--g-bg:#17181c}',
  '@media (prefers-color-scheme:dark){svg.planc-gantt:root{--g-text:#e6edf3;--g-muted:#9198a1;--g-grid:#30363d;--g-major:#6e7681;--g-off:#1e2228;--g-bar:#1d3b6e;--g-bar-line:#7cacf8;--g-bar-done:#7cacf8;--g-crit:#4d1f1c;--g-crit-line:#ff8a80;--g-crit-done:#ff8a80;--g-stage:#36285a;--g-stage-line:#c5a8ff;--g-stage-done:#c5a8ff;--g-base:#6e7681;--g-due:#c297ff;--g-late:#ff8a80;--g-early:#56d364;--g-status:#e3b341;--g-link:#8b949e;--g-bg:#17181c}}',
  'svg.planc-gantt:root{background:var(--g-bg)}',
  '.planc-gantt text{fill:var(--g-text)}.planc-gantt .axis text,.planc-gantt .note{fill:var(--g-muted)}.planc-gantt .group-name{font-weight:600}',
  '.planc-gantt .off{fill:var(--g-off)}.planc-gantt .tick{stroke:var(--g-grid)}.planc-gantt .tick.major{stroke:var(--g-major)}.planc-gantt .rule{stroke:var(--g-major)}',
  '.planc-gantt .bar{fill:var(--g-bar);stroke:var(--g-bar-line)}.planc-gantt .bar.crit{fill:var(--g-crit);stroke:var(--g-crit-line);stroke-width:2}.planc-gantt .bar.stage{fill:var(--g-stage);stroke:var(--g-stage-line)}',
  '.planc-gantt .done{fill:var(--g-bar-done)}.planc-gantt .done.crit{fill:var(--g-crit-done)}.planc-gantt .done.stage{fill:var(--g-stage-done)}.planc-gantt .hatch{stroke:var(--g-crit-line)}',
  '.planc-gantt .bar.late{stroke:var(--g-late);stroke-dasharray:4 2;stroke-width:2}.planc-gantt .base{fill:var(--g-base)}.planc-gantt .float{stroke:var(--g-muted);fill:none}',
  '.planc-gantt .summary{fill:var(--g-text)}.planc-gantt .ms{fill:var(--g-bg);stroke:var(--g-text);stroke-width:1.5}.planc-gantt .ms.reached{fill:var(--g-text)}.planc-gantt .ms.crit{stroke:var(--g-crit-line)}.planc-gantt .ms.reached.crit{fill:var(--g-crit-line)}.planc-gantt .ms.late{stroke:var(--g-late);stroke-width:2}',
  '.planc-gantt .due{fill:var(--g-due)}.planc-gantt .slip{stroke-width:2;stroke-dasharray:3 2}.planc-gantt .slip.late{stroke:var(--g-late)}.planc-gantt .slip.early{stroke:var(--g-early)}',
  '.planc-gantt .stop{fill:var(--g-late);stroke:var(--g-bg)}.planc-gantt .stop-bar{fill:var(--g-bg)}',
  '.planc-gantt .status{stroke:var(--g-status);stroke-width:2;stroke-dasharray:6 3}.planc-gantt text.status-label{fill:var(--g-status);font-weight:600}.planc-gantt .status-bg{fill:var(--g-bg)}',
  '.planc-gantt .link{fill:none;stroke:var(--g-link);stroke-width:1.2}.planc-gantt .link.crit{stroke:var(--g-crit-line);stroke-width:2}.planc-gantt .head{fill:var(--g-link)}.planc-gantt .head.crit{fill:var(--g-crit-line)}',
  '.planc-gantt .load{fill:var(--g-bar);stroke:var(--g-bar-line);stroke-width:0.6}.planc-gantt .load.done{fill:var(--g-bar-done)}.planc-gantt .load.over{fill:var(--g-crit);stroke:var(--g-crit-line);stroke-width:1.2}.planc-gantt .capacity{stroke:var(--g-text);stroke-width:1.5;stroke-dasharray:5 3}',
  '.planc-gantt a:focus-visible .bar,.planc-gantt a:focus-visible .ms{stroke:var(--g-text);stroke-width:3}',
].join('');

/** Markers (arrowheads) and the hatching of critical work, under the drawing's own ids. */
function defs(id: string): string {
  const head = (name: string, className: string) =>
    `<marker id="${id}-${name}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="${className}" d="M0 0L8 4L0 8z"/></marker>`;
  return `<defs>${head('arrow', 'head')}${head('arrow-crit', 'head crit')}<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch" x1="0" y1="0" x2="0" y2="6" stroke-width="2"/></pattern></defs>`;
}

const fixed = (value: number) => String(Math.round(value * 10) / 10);

/** Where the status label sits in the header's top tier, [left, right], for the month labels to keep clear of. */
export function statusLabelBox(x: number, date: string, scale: TimeScale): [number, number] {
  // Bold digits at 12 px, in whatever sans-serif the reader has: 7.4 px a character at most.
  const room = `Status ${date}`.length * 7.4 + 6;
  return x + room > scale.width ? [x - room, x] : [x, x + room];
}

/**
 * The axis: shaded days, tick lines and their labels over the whole height. A month (or
 * year) label that would run into `reserved` (the status label) moves past it, or is left
 * out when there is no room before the next one.
 */
export function axisMarks(scale: TimeScale, height: number, reserved?: readonly [number, number]): { back: string[]; front: string[] } {
  const back: string[] = [];
  const front: string[] = [];
  const minorY = 36;
  const majorY = 15;
  // Ticks before the chart's left edge (the month it starts in) have only their label.
  for (const tick of scale.major) if (tick.x >= 0) back.push(`<line class="tick major" x1="${fixed(tick.x)}" x2="${fixed(tick.x)}" y1="0" y2="${height}"/>`);
  for (const tick of scale.minor) if (tick.x >= 0) back.push(`<line class="tick" x1="${fixed(tick.x)}" x2="${fixed(tick.x)}" y1="22" y2="${height}"/>`);
  const labels: string[] = [];
  // A label is drawn only where it fits before the next tick (about 6.5 px a character at 12 px).
  const fits = (label: string, room: number) => room >= label.length * 6.5 + 4;
  scale.major.forEach((tick, i) => {
    const next = scale.major[i + 1]?.x ?? scale.width;
    let x = Math.max(tick.x, 0) + 4;
    const width = tick.label.length * 6.5;
    if (reserved && x < reserved[1] && x + width > reserved[0]) x = reserved[1] + 4;
    // Its month's end, for the site, which keeps the label of the month at the view's left
    // edge in sight while the chart scrolls (site/src/components/Diagrams.astro).
    if (fits(tick.label, next - x)) labels.push(`<text class="month" x="${fixed(x)}" y="${majorY}" data-to="${fixed(next)}">${escapeXml(tick.label)}</text>`);
  });
  scale.minor.forEach((tick, i) => {
    const next = scale.minor[i + 1]?.x ?? scale.width;
    if (tick.x >= 0 && fits(tick.label, next - tick.x - 3)) labels.push(`<text x="${fixed(tick.x + 3)}" y="${minorY}">${escapeXml(tick.label)}</text>`);
  });
  const keepClear = reserved ? ` data-reserved="${fixed(reserved[0])} ${fixed(reserved[1])}"` : '';
  front.push(`<g class="axis"${keepClear}>${labels.join('')}</g>`, `<line class="rule" x1="0" x2="${scale.width}" y1="${HEAD - 0.5}" y2="${HEAD - 0.5}"/>`);
  return { back, front };
}

/** Days for which `off` holds (non-working days), shaded in runs under the header. */
export function shadedDays(scale: TimeScale, off: (day: number) => boolean, height: number): string[] {
  if (scale.unit < 2.5) return [];
  const marks: string[] = [];
  const first = Math.floor(scale.origin);
  const last = Math.ceil(scale.origin + scale.width / scale.unit);
  let run = -1;
  for (let day = first; day <= last; day++) {
    const shaded = day < last && off(day);
    if (shaded && run === -1) run = day;
    if (!shaded && run !== -1) {
      marks.push(`<rect class="off" x="${fixed((run - scale.origin) * scale.unit)}" y="${HEAD}" width="${fixed((day - run) * scale.unit)}" height="${height - HEAD}"/>`);
      run = -1;
    }
  }
  return marks;
}

/** The status date's line at x, its label in the header on the background (left of the line when there is no room right of it). */
export function statusMarks(x: number, date: string, scale: TimeScale, height: number): string[] {
  const label = `Status ${date}`;
  const [lx, right] = statusLabelBox(x, date, scale);
  const room = right - lx;
  const left = lx < x;
  return [
    `<line class="status" x1="${fixed(x)}" x2="${fixed(x)}" y1="2" y2="${height}"/>`,
    `<rect class="status-bg" x="${fixed(lx + (left ? 0 : 2))}" y="3" width="${fixed(room - 2)}" height="15"/><text class="status-label" x="${fixed(lx + (left ? 2 : 5))}" y="15">${escapeXml(label)}</text>`,
  ];
}

/** A swatch for the legend, 24 × 14. */
function swatch(key: LegendKey, id: string): string {
  switch (key) {
    case 'task':
      return '<rect class="bar" x="1.5" y="2.5" width="21" height="9" rx="2"/>';
    case 'critical':
      return `<rect class="bar crit" x="1.5" y="2.5" width="21" height="9" rx="2"/><rect x="2" y="3" width="20" height="8" fill="url(#${id}-hatch)"/>`;
    case 'done':
      return '<rect class="bar" x="1.5" y="2.5" width="21" height="9" rx="2"/><rect class="done" x="2" y="3" width="11" height="8"/>';
    case 'float':
      return '<path class="float" d="M2 7H21M21 3.5V10.5"/>';
    case 'planned':
      return '<rect class="base" x="1" y="5.5" width="22" height="3"/>';
    case 'late':
      return '<rect class="bar late" x="2" y="3" width="20" height="8" rx="2"/>';
    case 'summary':
      return '<path class="summary" d="M1 4H23V8L20 11L17 8H7L4 11L1 8Z"/>';
    case 'milestone':
      return '<path class="ms" d="M12 1.5L17.5 7L12 12.5L6.5 7Z"/>';
    case 'due':
      return '<path class="due" d="M7 2H17L12 10Z"/>';
    case 'noReturn':
      return '<path class="stop" d="M9.5 2H14.5L18 5.5V10.5L14.5 14H9.5L6 10.5V5.5Z" transform="translate(0 -1)"/><rect class="stop-bar" x="8" y="6" width="8" height="2"/>';
    case 'stage':
      return '<rect class="bar stage" x="1.5" y="2.5" width="21" height="9" rx="2"/>';
    case 'nonWorking':
      return '<rect class="off" x="1" y="0" width="22" height="14"/>';
    case 'status':
      return '<line class="status" x1="12" x2="12" y1="0" y2="14"/>';
    case 'link':
      return `<path class="link" d="M1 3H8V11H20" marker-end="url(#${id}-arrow)"/>`;
    case 'plan':
      return '<rect class="bar" x="1.5" y="2.5" width="21" height="9" rx="2"/>';
    case 'load':
      return '<rect class="load" x="2" y="3" width="20" height="7"/>';
    case 'overload':
      return `<rect class="load over" x="2" y="3" width="20" height="7"/><rect x="2" y="3" width="20" height="7" fill="url(#${id}-hatch)"/>`;
    case 'capacity':
      return '<line class="capacity" x1="1" x2="23" y1="7" y2="7"/>';
  }
}

function names(rows: readonly NameRow[]): string {
  return rows
    .map((row, i) => {
      const characters = Array.from(row.label);
      const shown = characters.length > NAME_ROOM ? `${characters.slice(0, NAME_ROOM - 1).join('').trimEnd()}…` : row.label;
      return `<text class="${row.group ? 'group-name' : 'name'}" x="${row.group ? 8 : 18}" y="${HEAD + i * ROW + 16}"><title>${escapeXml(row.title)}</title>${escapeXml(shown)}</text>`;
    })
    .join('');
}

/** An arrow; `tagged`, it carries the rows it joins, for the site to hide or move it with them. */
function linkPath(id: string, link: GanttLink, tagged: boolean): string {
  const rows = tagged ? ` data-from-row="${link.from}" data-to-row="${link.to}"` : '';
  return `<path class="link${link.critical ? ' crit' : ''}" d="${link.d}" marker-end="url(#${id}-arrow${link.critical ? '-crit' : ''})"${rows}/>`;
}

/** The chart's layers; `tagged`, each row's marks are a `<g data-row>` and each arrow names its rows. */
function chartBody(drawing: GanttDrawing, tagged = false): string {
  const { layers } = drawing;
  const links = layers.links.map((link) => linkPath(drawing.id, link, tagged)).join('');
  const rows = drawing.rows.map((row, i) => (row.marks ? (tagged ? `<g data-row="${i}">${row.marks}</g>` : row.marks) : '')).join('');
  return `${layers.back.join('')}<g class="links">${links}</g>${layers.marks.join('')}${rows}${layers.front.join('')}`;
}

/** The rows each group heading folds away: those after it, up to the next heading. */
function groupRows(rows: readonly Pick<NameRow, 'group'>[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  let heading: number[] | undefined;
  rows.forEach((row, i) => {
    if (row.group) groups.set(i, (heading = []));
    else heading?.push(i);
  });
  return groups;
}

/** The drawing as one SVG file: names, chart and legend; light, or dark where the reader's colour scheme is. */
export function ganttSvg(drawing: GanttDrawing): string {
  const height = chartHeight(drawing);
  const columns = Math.max(1, Math.floor((NAMES + drawing.scale.width) / 230));
  const legendRows = Math.ceil(drawing.legend.length / columns);
  const total = height + 12 + legendRows * 20;
  const width = Math.ceil(NAMES + drawing.scale.width + 8);
  const legend = drawing.legend
    .map((key, i) => {
      const x = 8 + (i % columns) * 230;
      const y = height + 12 + Math.floor(i / columns) * 20;
      return `<g transform="translate(${x} ${y})">${swatch(key, drawing.id)}<text x="30" y="11">${escapeXml(LEGEND[key])}</text></g>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="planc-gantt" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-labelledby="${drawing.id}-title ${drawing.id}-desc">`,
    `<title id="${drawing.id}-title">${escapeXml(drawing.title)}</title><desc id="${drawing.id}-desc">${escapeXml(drawing.description)}</desc>`,
    `<style>${GANTT_STYLE}</style>${defs(drawing.id)}`,
    `<g class="names">${names(drawing.rows)}</g>`,
    `<g transform="translate(${NAMES} 0)">${chartBody(drawing)}</g>`,
    `<g class="legend">${legend}</g>`,
    '</svg>\n',
  ].join('');
}

/**
 * The drawing for the site: a figure holding the legend, a link to the standalone SVG, and
 * a box that scrolls sideways, with the names in a column that stays at its left edge and
 * the chart beside it. The names are for sight (the bars, which are links, carry them for
 * assistive technology, with their dates), so the column is hidden from the accessibility tree.
 */
export function ganttHtml(drawing: GanttDrawing, options: { svgHref?: string; style?: boolean }): string {
  const height = chartHeight(drawing);
  const groups = drawing.collapsible ? groupRows(drawing.rows) : new Map<number, number[]>();
  // A heading with rows under it is a toggle (for assistive technology too: the bars it
  // hides are links it reaches); every other name is for sight only.
  const rows = drawing.rows
    .map((row, i) => {
      const folds = groups.get(i) ?? [];
      const className = row.group ? 'planc-gantt-group' : 'planc-gantt-item';
      if (folds.length === 0) return `<li class="${className}" title="${escapeXmlAttribute(row.title)}"${drawing.collapsible ? ' aria-hidden="true"' : ''}>${escapeXml(row.label)}</li>`;
      return `<li class="${className}"><button type="button" class="planc-gantt-toggle" aria-expanded="true" data-rows="${folds.join(' ')}" title="${escapeXmlAttribute(row.title)}">${escapeXml(row.label)}</button></li>`;
    })
    .join('');
  const legend = drawing.legend
    .map((key) => `<li><svg class="planc-gantt" width="24" height="14" viewBox="0 0 24 14" aria-hidden="true">${swatch(key, drawing.id)}</svg>${escapeXml(LEGEND[key])}</li>`)
    .join('');
  const link = options.svgHref ? ` <a class="planc-gantt-open" href="${escapeXmlAttribute(options.svgHref)}">Open as SVG</a>` : '';
  const width = Math.ceil(drawing.scale.width);
  // The rows' geometry, for the script that folds groups away.
  const geometry = drawing.collapsible ? ` data-head="${HEAD}" data-row-height="${ROW}"` : '';
  return [
    `<figure class="planc-gantt-figure not-content" aria-labelledby="${drawing.id}-caption">`,
    `<figcaption id="${drawing.id}-caption"><span class="sr-only">${escapeXml(drawing.title)}. ${escapeXml(drawing.description)} </span><ul class="planc-gantt-legend">${legend}</ul>${link}</figcaption>`,
    `<div class="planc-gantt-scroll" tabindex="0" role="region" aria-label="${escapeXmlAttribute(drawing.title)} (scrolls sideways)"${drawing.focus !== undefined ? ` data-planc-focus="${Math.round(drawing.focus)}"` : ''}>`,
    `<div class="planc-gantt-grid" style="--planc-gantt-height:${height}px">`,
    `<ol class="planc-gantt-names"${drawing.collapsible ? '' : ' aria-hidden="true"'}>${rows}</ol>`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="planc-gantt planc-gantt-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXmlAttribute(drawing.title)}"${geometry}>`,
    // The style sheet applies to the whole page: a page with two of these charts needs it once.
    `${options.style === false ? '' : `<style>${GANTT_STYLE}</style>`}${defs(drawing.id)}${chartBody(drawing, drawing.collapsible)}</svg>`,
    '</div></div></figure>',
  ].join('');
}
