import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** Test files that replace a module (`vi.mock`): they run in a fresh module graph each. */
const MOCKING = ['src/core/schedules/registration.test.ts'];

/**
 * The longest test files (tens of seconds each), started first so that neither worker is left
 * alone with one of them at the end. Vitest orders by the last run's durations when it has them
 * and by file size otherwise (a fresh clone), which would start the short fuzz file last.
 */
const LONG = ['test/cli/fuzz.test.ts', 'test/web/app.test.ts', 'src/core/planner/plan.test.ts', 'test/golden/commands.test.ts', 'test/cli/cli.test.ts'];

class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONG.findIndex((path) => f.moduleId.endsWith(path));
      return i === -1 ? LONG.length : i;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    // Bundles for the subprocess and package tests, rebuilt only when a source changed.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-yield.ts'],
    // Test files run in child processes, two at a time (vitest's default is one on a 2-core machine).
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    // A hang detector, not a speed limit: on a shared machine a test that takes seconds alone can
    // take minutes (speed is measured by `npm run bench`).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 30_000,
    sequence: { sequencer: LongFirst },
    // The pool keeps its workers between test files (the projects below say which files share modules).
    isolate: false,
    projects: [
      {
        // The core keeps no module-level state (STYLE.md) and the shells bind theirs per run
        // (`withIo`), so test files share one module graph per worker: each source module loads
        // once per worker instead of once per test file. Each test file itself still runs afresh.
        extends: true,
        test: { name: 'shared', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: MOCKING, isolate: false },
      },
      {
        extends: true,
        // Its modules are reset before it runs, and the workers are recycled between the projects.
        test: { name: 'isolated', include: MOCKING, isolate: true },
      },
    ],
  },
});
