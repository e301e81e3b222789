/** The real-n8n suite: slow (installs n8n once per version into a cache), run on its own. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/e2e/lib/globalSetup.ts',
};
