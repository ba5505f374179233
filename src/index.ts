// planc as a library: `import { check, CompilerSession, buildOutputs, buildSite, diff, watchPlans } from 'planc'`;
// its MCP server is `import { createMcpServer } from 'planc/mcp'` (apart: it loads the MCP SDK).
// Every call returns one result shape (CheckResult, extended by the build and the site):
// diagnostics with lines and columns — a configuration file's errors included —, the plans,
// their analysis, and what was written. The library never writes to the process's streams,
// never changes its working folder or environment, and never writes inside its own
// install folder; a request it cannot carry out (a named path that does not exist, an
// output folder it must not replace) throws UsageError.

export { check, type CheckOptions } from './api/check.ts';
export { buildOutputs, type BuildOptions, type BuildResult } from './api/build.ts';
export { statusReports, type PlanStatusReport, type StatusReportRequest, type StatusReportResult } from './api/status-report.ts';
export { buildSite, type DiagramSummary, type SiteOptions, type SiteProgress, type SiteResult } from './api/site.ts';
export { CompilerSession, compileFiles, type CheckRequest, type SessionOptions, type Work } from './api/session.ts';
export { watchPlans, type PlanWatcher, type WatchOptions, type WatchRun } from './api/watch.ts';
export { startPreview, type Preview, type PreviewBuild, type PreviewOptions } from './api/preview.ts';
export type { FileInput } from './compile.ts';
export {
  DEFAULT_MARKER,
  diff,
  diffReporters,
  evaluateGates,
  type DiffOptions,
  type DiffReporter,
  type DiffReportOptions,
  type DiffResult,
  type DiffStep,
  type Revision,
} from './api/diff.ts';
export { GATES, type Gate } from './diff/gates.ts';
export type * from './diff/types.ts';
export type { GateResult } from './report/diff.ts';
export { formatImpact, impact, IMPACT_FORMATS, type ImpactOptions, type ImpactReportOptions, type ImpactResult } from './api/impact.ts';
export type { ChangeSource, ImpactedTask, ImpactNote, ImpactReport } from './analyse/code/impact.ts';
export type { PathMatch, PlanCode, Repository, TaskCode } from './analyse/code/types.ts';
export { createPlan, starterPlan, TEMPLATES, type NewPlanOptions, type StarterPlan } from './api/new.ts';
export { applyFixes, fixDiff, fixFiles, fixText, type AppliedFix, type FixFilesOptions, type FixOptions, type FixResult, type TextFix } from './api/fix.ts';
export { authoringGuide, guideMarkdown, type Guide, type GuideExample, type GuideProperty, type GuideRule, type GuideSection } from './api/guide.ts';
export { ConfigError, UsageError } from './api/errors.ts';
export { explain, type Explanation } from './api/explain.ts';
export { initRepository, type InitFile, type InitOptions, type InitResult } from './api/init.ts';
export { explanationUrl, formatResult, planPages, reportInput, type ReportOptions } from './api/report.ts';
export { DIFF_COMMENT_FILE, diffJobText, workflow, type WorkflowOptions } from './api/workflow.ts';
export type { BaselineState, CheckResult, Counts, Summary } from './api/result.ts';
export type { Baseline, BaselineEntry } from './diagnostics/baseline.ts';
export type { Suppression, SuppressedDiagnostic } from './diagnostics/suppressions.ts';

export { loadConfig, type ConfigResult } from './api/config.ts';
export type { Config, SiteConfig } from './config/config.ts';
export { catalogue, byCode, byName } from './diagnostics/catalogue.ts';
export type { DiagnosticDefinition } from './diagnostics/define.ts';
export type { Diagnostic, Fix, Location, Position, Range, ResolvedDiagnostic, ResolvedFix, ScalarEdit, Severity, Span, TextEdit } from './diagnostics/types.ts';
export type { SourceText } from './diagnostics/source.ts';
export { reporters, type Reporter } from './report/index.ts';
export type { ReportInput } from './report/types.ts';
export { planSchema } from './schema/plan-schema.ts';
export type * from './model/plan.ts';
export type { ProjectAnalysis } from './analyse/analyse.ts';
export type { MilestoneStatus, MonteCarlo, PlanAnalysis, PlanSchedule, Timing } from './analyse/types.ts';
export type { RollbackCoverage, CoverageUnit } from './analyse/coverage.ts';
export type { WriteSummary } from './write/outputs.ts';
export { VERSION } from './version.ts';
