// n8n's own lint for community packages: the configuration `n8n-node lint` uses (n8n's
// community-nodes rules, and eslint-plugin-n8n-nodes-base's community, credentials and
// nodes rules), which n8n's package scanner applies too. Two rules are relaxed, because
// this package needs runtime dependencies: see the README, "Runtime dependencies". A third
// is relaxed for the ihuyi credential test alone, see below.
import { config } from '@n8n/node-cli/eslint';

// Files that import one of the two runtime dependencies, and nothing else outside n8n-workflow.
const RUNTIME_DEPENDENCY_IMPORTERS = [
	'nodes/common/gbk.ts',
	'nodes/Ihuyi/transport/parseAnswer.ts',
	'nodes/Jiazhiyuan/transport/parseXml.ts',
];

export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', 'scripts/**', 'examples/**', '*.js', '*.mjs'] },
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		files: RUNTIME_DEPENDENCY_IMPORTERS,
		rules: { '@n8n/community-nodes/no-restricted-imports': 'off' },
	},
	// n8n hands a credential test method one HTTP helper, `request` (ICredentialTestFunctions,
	// n8n 1.x and 2.x); the `httpRequest` the rule points to does not exist there. ihuyi's
	// test must be such a method: declarative tests cannot read the XML some hosts answer.
	{
		files: ['nodes/Ihuyi/transport/credentialTest.ts'],
		rules: { '@n8n/community-nodes/no-deprecated-workflow-functions': 'off' },
	},
];
