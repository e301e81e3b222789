/**
 * Counters of the reliability suite, written by each test file to test-results/ and printed
 * together at the end of the run (test/reliability/printSummary.js, jest's globalTeardown).
 */
import { appendFileSync, mkdirSync } from 'fs';
import { join } from 'path';

export const SUMMARY_FILE = join(__dirname, '..', '..', 'test-results', 'reliability-counters.jsonl');

export type Counter = 'cases' | 'rejectedBeforeSending' | 'faultsSurvived' | 'duplicates' | 'leaks';

export function count(group: string, counter: Counter, amount = 1): void {
	mkdirSync(join(SUMMARY_FILE, '..'), { recursive: true });
	appendFileSync(SUMMARY_FILE, `${JSON.stringify({ group, counter, amount })}\n`);
}
