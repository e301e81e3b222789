/** Unit, node and reliability tests; the real-n8n suite (test/e2e) runs through its own script. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	testTimeout: 30000,
	globalSetup: '<rootDir>/test/reliability/clearSummary.js',
	globalTeardown: '<rootDir>/test/reliability/printSummary.js',
};
