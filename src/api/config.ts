// Loading the configuration as the library hands it out: the same shape as every other
// result (a CheckResult's configuration fields), its diagnostics with lines and columns.
import { parseConfig, readConfig, type LoadedConfig } from '../config/config.ts';
import { resolveDiagnostic } from '../diagnostics/resolve.ts';
import { SourceText } from '../diagnostics/source.ts';
import type { CheckResult } from './result.ts';
import type { SessionOptions } from './session.ts';

/** What `loadConfig` returns: the fields of a CheckResult that a configuration has. */
export type ConfigResult = Pick<CheckResult, 'cwd' | 'config' | 'configInvalid' | 'diagnostics' | 'source'>;

/** The configuration of a folder: the nearest `planc.config.yaml` (or `config`), or the defaults. */
export function loadConfig(options: SessionOptions): ConfigResult {
  return configResult(parseConfig(readConfig(options.cwd, options.config), options.cwd), options.cwd);
}

/** A parsed configuration in the library's shape. */
export function configResult(loaded: LoadedConfig, cwd: string): ConfigResult {
  const source = new SourceText(loaded.config.file ?? '', loaded.text ?? '');
  const lookup = (path: string) => (path === source.path ? source : undefined);
  return {
    cwd,
    config: loaded.config,
    configInvalid: loaded.diagnostics.length > 0,
    diagnostics: loaded.diagnostics.map((d) => resolveDiagnostic(d, lookup)),
    source: lookup,
  };
}
