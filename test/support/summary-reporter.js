// Writes the run's real counts to .reports/test-summary.json, for .ci/run's final line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const failedSuites = results.numRuntimeErrorTestSuites;
    const summary = {
      passed: results.numPassedTests,
      // A suite that crashed before its tests ran counts as failed tests too, so it cannot hide.
      failed: results.numFailedTests + failedSuites,
      total: results.numTotalTests,
      suites: results.numTotalTestSuites,
    };
    const dir = join(this.rootDir, '.reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'test-summary.json'), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
