// JUnit XML (--format junit), as GitLab, Jenkins and most CI servers read it: one test
// suite for the run, one test case per plan file, a <failure> per finding that fails the
// run (errors, and warnings under `--fail-severity warning`); the other findings of the
// file in its <system-out>. Valid against Jenkins' junit-4.xsd (test/fixtures/junit/).
import { atLeast } from '../diagnostics/counts.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import { escapeXml, escapeXmlAttribute } from '../util/xml.ts';
import type { ReportInput } from './types.ts';

function where(d: ResolvedDiagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}`;
}

function detail(d: ResolvedDiagnostic, input: ReportInput): string {
  return [
    `${where(d)} - ${d.severity} ${d.code}: ${d.message}`,
    ...(d.help ? [`help: ${d.help}`] : []),
    ...d.related.map((r) => `note: ${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message}`),
    input.explanation(d.code),
  ].join('\n');
}

export function junit(input: ReportInput): string {
  const byFile = new Map<string, ResolvedDiagnostic[]>(input.files.map((file) => [file, []]));
  for (const d of input.diagnostics) byFile.get(d.file)?.push(d) ?? byFile.set(d.file, [d]);
  let failedCases = 0;
  const cases = [...byFile].map(([file, found]) => {
    const failing = found.filter((d) => atLeast(d.severity, input.failAt));
    const others = found.filter((d) => !atLeast(d.severity, input.failAt));
    if (failing.length > 0) failedCases += 1;
    const plan = input.planOf(file);
    const body = [
      ...failing.map((d) => `      <failure type="${escapeXmlAttribute(d.code)}" message="${escapeXmlAttribute(`${where(d)} ${d.code}: ${d.message}`)}">${escapeXml(detail(d, input))}</failure>`),
      ...(others.length > 0 ? [`      <system-out>${escapeXml(others.map((d) => detail(d, input)).join('\n\n'))}</system-out>`] : []),
    ];
    const open = `    <testcase name="${escapeXmlAttribute(file)}" classname="${escapeXmlAttribute(plan ? `planc.${plan}` : 'planc')}" time="0"`;
    return body.length > 0 ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`;
  });
  const counts = `tests="${cases.length}" failures="${failedCases}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="planc" ${counts} time="0">`,
    `  <testsuite name="planc check" ${counts} skipped="0" time="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
