#!/usr/bin/env node
// Sums jest's JSON reports (`jest --json --outputFile=…`) into the one closing line CI
// reads: "N passed, N failed". A missing or unreadable report counts as a failure, so a
// suite that crashed before writing its report cannot pass silently.
const fs = require('fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	try {
		const report = JSON.parse(fs.readFileSync(file, 'utf8'));
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests || 0);
		// A suite that failed to run (syntax error, crash in beforeAll) has no failed tests.
		failed += report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
	} catch (error) {
		console.error(`test report ${file} is missing or unreadable: ${error.message}`);
		failed += 1;
	}
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
