// jest globalSetup/globalTeardown: clears the reliability counters before a run and prints
// them after it: cases tried per group, rejected before sending, faults survived,
// duplicates (must be 0) and leaks (must be 0).
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, '..', '..', 'test-results', 'reliability-counters.jsonl');

module.exports = async function printSummary() {
	if (process.env.RELIABILITY_SUMMARY_PHASE === 'setup') return;
	if (!fs.existsSync(FILE)) return;
	const totals = {};
	for (const line of fs.readFileSync(FILE, 'utf8').split('\n')) {
		if (!line) continue;
		const { group, counter, amount } = JSON.parse(line);
		totals[group] ??= { cases: 0, rejectedBeforeSending: 0, faultsSurvived: 0, duplicates: 0, leaks: 0 };
		totals[group][counter] += amount;
	}
	const rows = Object.entries(totals);
	const sum = (key) => rows.reduce((total, [, row]) => total + row[key], 0);
	console.log('\nReliability summary');
	console.log('| group | cases | rejected before sending | faults survived | duplicates | leaks |');
	console.log('|---|---|---|---|---|---|');
	for (const [group, row] of rows) {
		console.log(`| ${group} | ${row.cases} | ${row.rejectedBeforeSending} | ${row.faultsSurvived} | ${row.duplicates} | ${row.leaks} |`);
	}
	console.log(`| all | ${sum('cases')} | ${sum('rejectedBeforeSending')} | ${sum('faultsSurvived')} | ${sum('duplicates')} | ${sum('leaks')} |`);
};
