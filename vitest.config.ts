import { createLogger } from 'vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slow files, slowest first: the end-to-end tests (npm install and site builds,
 * Chromium), the README's examples (which spawn planc as a user would, sites included)
 * and the corpus of pathological plans. Started first, they overlap each other and the
 * quick files fill the gaps at the end; started last, the whole run waits for them.
 * Otherwise, and within each group, vitest's own order: slowest first by the last run's
 * times, or largest first where there are none (a fresh clone, as in CI).
 */
const SLOWEST_FIRST = [/[\\/]test[\\/]e2e[\\/]site-anywhere\./, /[\\/]test[\\/]e2e[\\/]/, /[\\/]test[\\/]readme\.test\.ts$/, /[\\/]test[\\/]corpus\.test\.ts$/];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: vitest's order stands within a rank.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/** Vite's logger, without its notes on the workflow parser's source maps (they name sources it does not ship). */
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!message.startsWith('Sourcemap for ')) warn(message, options);
};

export default defineConfig({
  customLogger: logger,
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one fewer worker than cores: one, on the 2-core machines of
    // developers and CI, which ran the files one after another. The slow files mostly wait
    // on the processes they start (Astro, Chromium, npm), so two workers keep both cores busy.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    // GitHub's workflow parser imports its schemas as JSON modules without the import
    // attribute Node wants; run through Vite, which reads JSON itself.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
