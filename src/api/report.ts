// Reports of a result in every format (`planc check --format …`), and what the reporters
// read of a result: its findings, the plan each file holds, where each code is explained.
import type { SiteConfig } from '../config/config.ts';
import type { ResolvedDiagnostic, Severity } from '../diagnostics/types.ts';
import { reporters, type Reporter } from '../report/index.ts';
import type { Style } from '../report/terminal.ts';
import type { ReportInput } from '../report/types.ts';
import { docsUrl } from '../version.ts';
import type { ConfigResult } from './config.ts';
import type { CheckResult } from './result.ts';

export interface ReportOptions {
  /** The least severity that fails the run (default `error`). */
  failAt?: Severity;
  /** Report the errors only. */
  quiet?: boolean;
}

/**
 * A page of the published site: `site.url` is the site's address, or its origin when
 * `site.base` names the path it is served under (`https://acme.github.io` + `/shop/`).
 */
export function sitePage(site: Pick<SiteConfig, 'url' | 'base'>, path: string): string | undefined {
  if (!site.url) return undefined;
  const base = site.base.replace(/^\/+|\/+$/g, '');
  if (base !== '') return new URL(`/${base}/${path}`, site.url).href;
  return new URL(path, site.url.endsWith('/') ? site.url : `${site.url}/`).href;
}

/** The page of each built plan on the published site, by id (none for a plan that was not built, or without `site.url`). */
export function planPages(result: Pick<CheckResult, 'config' | 'built'>): (id: string) => string | undefined {
  const built = new Set(result.built.map((plan) => plan.id));
  return (id) => (built.has(id) ? sitePage(result.config.site, `plans/${encodeURIComponent(id)}/`) : undefined);
}

/** Where a code is explained: its page of the published site, else its section of planc's docs/diagnostics.md. */
export function explanationUrl(code: string, site: Pick<SiteConfig, 'url' | 'base'>): string {
  return sitePage(site, `diagnostics/${code}/`) ?? `${docsUrl('docs/diagnostics.md')}#${code.toLowerCase()}`;
}

/** What the reporters read of a result (a check's, or a configuration's with errors). */
export function reportInput(result: CheckResult | ConfigResult, options: ReportOptions = {}): ReportInput {
  const check = 'files' in result ? result : undefined;
  const plans = new Map((check?.plans ?? []).map((plan) => [plan.file, plan]));
  const quiet = (list: readonly ResolvedDiagnostic[]) => (options.quiet ? list.filter((d) => d.severity === 'error') : list);
  return {
    diagnostics: quiet(result.diagnostics),
    suppressed: check?.suppressed ?? [],
    files: check?.files ?? [],
    plans: check?.summary.plans ?? 0,
    failAt: options.failAt ?? 'error',
    planOf: (file) => plans.get(file)?.id,
    identity: (d) => `${plans.get(d.file)?.id ?? d.file}\u0000${d.code}\u0000${d.item ?? ''}`,
    explanation: (code) => explanationUrl(code, result.config.site),
    source: result.source,
  };
}

/** The report of a result in a format (`stylish`, `json`, `github`, `sarif`, `junit`, `markdown`). */
export function formatResult(result: CheckResult | ConfigResult, format: string, style: Style, options: ReportOptions = {}): string {
  const reporter: Reporter | undefined = reporters[format];
  if (!reporter) throw new Error(`there is no format \`${format}\``);
  return reporter(reportInput(result, options), style);
}
