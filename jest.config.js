/** Unit, node and reliability tests; the real-n8n suites (test/e2e, test/queue) run through their own scripts. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/queue/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	testTimeout: 30000,
	globalSetup: '<rootDir>/test/reliability/clearSummary.js',
	globalTeardown: '<rootDir>/test/reliability/printSummary.js',
};
