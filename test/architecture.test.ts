// The dependency rule of docs/architecture.md, checked on every import in src/: stages run
// no other stage (they take values only from the foundations, and may read other stages'
// types); only the wiring (compile.ts, config, the library in api/) puts stages together;
// the command line sits on top, and nothing imports it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/repo.ts';

const SRC = join(ROOT, 'src');

const LAYERS: Record<string, readonly string[]> = {
  /** Pure helpers and the data every stage shares. */
  foundation: ['util', 'diagnostics', 'model', 'schema', 'version.ts'],
  /** Each one step of the pipeline. */
  stage: ['load', 'validate', 'build', 'link', 'analyse', 'diff', 'emit', 'render', 'report', 'write', 'site', 'git'],
  /** What runs the stages in order. */
  wiring: ['compile.ts', 'config', 'api', 'index.ts'],
  /** The command line. */
  edge: ['cli'],
};

const layerOf = new Map(Object.entries(LAYERS).flatMap(([layer, parts]) => parts.map((part) => [part, layer])));

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(folder, path));
}

/** Every relative import and re-export of a module; `typeOnly` when it brings types alone. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return;
    found.push({ from: relative(SRC, file), to: relative(SRC, resolve(dirname(file), specifier)), typeOnly });
  };
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'([^']+)'/gms)) {
    const names = /^\{([^}]*)\}$/.exec(match[2]!.trim())?.[1];
    const allTypes = names !== undefined && names.split(',').filter((name) => name.trim()).every((name) => name.trim().startsWith('type '));
    add(match[3]!, Boolean(match[1]) || allTypes || match[2]!.trim().startsWith('type *'));
  }
  for (const match of text.matchAll(/^import\s+'([^']+)'/gm)) add(match[1]!, false);
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) add(match[1]!, false);
  return found;
}

const part = (path: string) => path.split(/[\\/]/)[0]!;

function violation({ from, to, typeOnly }: Import): string | undefined {
  if (to.startsWith('..')) return 'reaches outside src/';
  const [source, target] = [layerOf.get(part(from)), layerOf.get(part(to))];
  if (part(from) === part(to)) return undefined;
  if (target === 'edge') return 'nothing imports the command line';
  if (source === 'foundation' && target !== 'foundation') return 'a foundation imports only foundations';
  if (source === 'stage' && !typeOnly && target !== 'foundation') return 'a stage takes values only from the foundations (another stage\'s types are fine)';
  if (source === 'stage' && typeOnly && target === 'wiring' && part(to) !== 'config') return 'a stage reads types of the stages and of the configuration, not of the library';
  return undefined;
}

describe('the dependency rule', () => {
  const all = files(SRC).flatMap(importsOf);

  it('places every part of src/ in one layer', () => {
    const parts = readdirSync(SRC).sort();
    expect(parts.filter((name) => !layerOf.has(name))).toEqual([]);
    expect([...layerOf.keys()].filter((name) => !parts.includes(name))).toEqual([]);
  });

  it('reads the imports it checks (and would see a stage running another)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual({ from: 'compile.ts', to: 'analyse/analyse.ts', typeOnly: false });
    expect(all).toContainEqual({ from: 'emit/index.ts', to: 'analyse/analyse.ts', typeOnly: true });
    expect(violation({ from: 'emit/index.ts', to: 'analyse/analyse.ts', typeOnly: false })).toBeDefined();
    expect(violation({ from: 'util/words.ts', to: 'api/result.ts', typeOnly: true })).toBeDefined();
  });

  it('holds for every import in src/', () => {
    const broken = all.flatMap((edge) => {
      const why = violation(edge);
      return why ? [`${edge.from} → ${edge.to}${edge.typeOnly ? ' (types)' : ''}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
