// planc.config.yaml (or .yml, .json): found in the working folder or the nearest parent,
// parsed and validated like a plan; every problem in it is PLAN6001 and exit code 2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { byCode, byName, emptyFile, invalidConfig } from '../diagnostics/catalogue.ts';
import { Diagnostics, type RuleSettings } from '../diagnostics/sink.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { decode } from '../load/decode.ts';
import { parseYaml } from '../load/parse.ts';
import { DEFAULT_ESTIMATES, DEFAULT_WORKDAYS, type Calendar, type Size } from '../model/plan.ts';
import type { RawConfig, RuleSetting } from '../schema/config-definition.ts';
import { toWorkingDays } from '../util/duration.ts';
import { joinPointer } from '../util/pointer.ts';
import { suggest } from '../util/suggest.ts';
import { validate } from '../validate/validate.ts';
import { configSchema } from './config-schema.ts';

export const CONFIG_FILES = ['planc.config.yaml', 'planc.config.yml', 'planc.config.json'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface SiteConfig {
  out: string;
  title: string;
  base: string;
  url?: string;
  repository?: string;
  branch: string;
  chromium?: string;
}

export interface CodeConfig {
  /** The repository root, absolute: the folder paths in plans are relative to; undefined to find it (the git repository's root). */
  root?: string;
  /** How many matched files of a task plan.json and the documents list. */
  listed: number;
}

export interface Config {
  /** The folder paths in the config are relative to (the config's folder, or the working folder). */
  root: string;
  /** The config file, when there is one. */
  file?: string;
  plans: string[];
  out: string;
  maxFileSize: number;
  estimates: Record<Size, number>;
  calendar: Calendar;
  rules: RuleSettings;
  schedule: { nearCritical: number; capacity: number; confidence: number };
  simulation: { runs: number; seed: number };
  code: CodeConfig;
  /**
   * The day progress is judged on (YYYY-MM-DD): late tasks, overdue milestones, and the
   * unfinished work scheduled from it. Undefined: nothing depends on a date.
   */
  statusDate?: string;
  site: SiteConfig;
}

export function defaultConfig(root: string): Config {
  return {
    root,
    plans: ['plans'],
    out: 'out',
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    estimates: { ...DEFAULT_ESTIMATES },
    calendar: { workdays: [...DEFAULT_WORKDAYS], holidays: [] },
    rules: {},
    schedule: { nearCritical: 2, capacity: 1, confidence: 0.8 },
    simulation: { runs: 10_000, seed: 1 },
    code: { listed: 20 },
    site: { out: '_site', title: 'Plans', base: '/', branch: 'main' },
  };
}

export interface LoadedConfig {
  config: Config;
  /** Every problem of the file, as PLAN6001: a command that meets one exits with code 2. */
  diagnostics: Diagnostic[];
  /** The config file's text, for code frames. */
  text?: string;
}

/** A config file as read from disk: its bytes, or why they could not be had. */
export interface ConfigSource {
  /** Absolute path. */
  path: string;
  /** As messages show it: relative to the working folder. */
  file: string;
  bytes?: Uint8Array;
  error?: string;
}

/** Where config files are looked for and read: the disk, or another revision's files (planc diff). */
export interface ConfigFiles {
  exists(path: string): boolean;
  /** The file's bytes; throws an error with a `code` (ENOENT, EACCES) when they cannot be had. */
  read(path: string): Uint8Array;
}

const DISK: ConfigFiles = { exists: existsSync, read: (path) => readFileSync(path) };

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfig(cwd: string, files: ConfigFiles = DISK): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (files.exists(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the config at `explicit` (relative to cwd), or the nearest one; undefined when there is none. */
export function readConfig(cwd: string, explicit?: string, files: ConfigFiles = DISK): ConfigSource | undefined {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd, files);
  if (!path) return undefined;
  const file = relative(cwd, path).split('\\').join('/') || path;
  try {
    return { path, file, bytes: files.read(path) };
  } catch (error) {
    return { path, file, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/**
 * The configuration a config file gives (the defaults when there is none). Problems are
 * reported as PLAN6001; the caller exits with code 2.
 */
export function parseConfig(source: ConfigSource | undefined, cwd: string): LoadedConfig {
  const diagnostics = new Diagnostics();
  if (!source) return { config: defaultConfig(resolve(cwd)), diagnostics: [] };
  const { file } = source;
  const config = defaultConfig(dirname(source.path));
  config.file = file;
  const at = { file, span: { start: 0, end: 0 }, pointer: '' };
  if (!source.bytes) {
    diagnostics.report(invalidConfig, { detail: `cannot read ${file}: ${source.error ?? 'unknown error'}` }, at);
    return { config, diagnostics: diagnostics.items };
  }
  // Parse and validate into a scratch sink, then restate each finding as PLAN6001.
  const scratch = new Diagnostics();
  const { text, ok } = decode(source.bytes, file, scratch);
  const parsed = ok ? parseYaml(text, file, scratch) : undefined;
  if (parsed && parsed.value !== null && typeof parsed.value === 'object') {
    validate({ value: parsed.value, source: parsed.source, file, schema: configSchema }, scratch);
  } else if (parsed) {
    scratch.report(invalidConfig, { detail: 'the file must hold a mapping of settings' }, at);
  }
  // An empty file (or one of comments only) asks for nothing: the defaults.
  if (scratch.items.length === 1 && scratch.items[0]!.code === emptyFile.code) return { config, diagnostics: [], text };
  for (const finding of scratch.items) {
    if (finding.severity !== 'error') continue;
    const detail = finding.code === invalidConfig.code ? String(finding.data.detail) : finding.message + (finding.help ? ` (${finding.help})` : '');
    diagnostics.report(invalidConfig, { detail }, finding.location, finding.related);
  }
  if (diagnostics.items.length > 0 || !parsed) return { config, diagnostics: diagnostics.items, text };

  const raw = parsed.value as RawConfig;
  if (raw.plans) config.plans = raw.plans;
  if (raw.out) config.out = raw.out;
  if (raw.maxFileSize) config.maxFileSize = raw.maxFileSize;
  for (const [size, value] of Object.entries(raw.estimates ?? {})) config.estimates[size as Size] = toWorkingDays(value);
  if (raw.calendar?.workdays) config.calendar.workdays = raw.calendar.workdays;
  if (raw.calendar?.holidays) config.calendar.holidays = raw.calendar.holidays;
  if (raw.statusDate) config.statusDate = raw.statusDate;
  Object.assign(config.schedule, raw.schedule ?? {});
  Object.assign(config.simulation, raw.simulation ?? {});
  Object.assign(config.site, raw.site ?? {});
  if (raw.code?.root !== undefined) config.code.root = resolve(config.root, raw.code.root);
  if (raw.code?.listed !== undefined) config.code.listed = raw.code.listed;
  const rules: Record<string, RuleSetting> = {};
  for (const [rule, setting] of Object.entries(raw.rules ?? {})) {
    const definition = byName.get(rule) ?? byCode.get(rule);
    const pointer = joinPointer('/rules', rule);
    const location = { file, span: parsed.source.keySpan(pointer), pointer };
    if (!definition) {
      const suggestion = suggest(rule, byName.keys());
      diagnostics.report(invalidConfig, { detail: `there is no rule \`${rule}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}` }, location);
    } else if (!definition.configurable) {
      diagnostics.report(invalidConfig, { detail: `the rule \`${rule}\` (${definition.code}) cannot be configured` }, location);
    } else {
      rules[definition.name] = setting;
    }
  }
  config.rules = rules;
  return { config, diagnostics: diagnostics.items, text };
}

/** Reads and parses the config at `explicit`, or the nearest one. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  return parseConfig(readConfig(cwd, explicit), cwd);
}
