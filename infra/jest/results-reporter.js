// Records each package's counts so `npm test` can print one closing line for the whole repo.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${basename(this.rootDir)}.json`), JSON.stringify(counts));
  }
}

module.exports = ResultsReporter;
