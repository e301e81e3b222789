/** The queue-mode suite: n8n main + webhook processes + workers on PostgreSQL and Redis. Slow, run on its own. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/e2e/lib/globalSetup.ts',
};
