// jest globalSetup: a fresh set of reliability counters for each run.
const fs = require('fs');
const path = require('path');

module.exports = async function clearSummary() {
	fs.rmSync(path.join(__dirname, '..', '..', 'test-results', 'reliability-counters.jsonl'), { force: true });
};
