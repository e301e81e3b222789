import { NodeOperationError } from 'n8n-workflow';

import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { jiazhiyuanCredentials, jzySend } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

/** Both providers' message text goes through one check (nodes/common/content.ts), before any request. */
let sim: Simulator;
useSimulator((started) => (sim = started));

const sends = [
	['ihuyi', (content: string) => smsSend({ content }), () => ihuyiCredentials(sim), 300],
	['jiazhiyuan', (content: string) => jzySend({ content }), () => jiazhiyuanCredentials(sim), 1000],
] as const;

describe.each(sends)('%s content', (type, send, credentials, max) => {
	test.each([
		['empty', '   ', 'Item 0: Content is empty', 'Enter the text to send in "Content".'],
		['broken', '={{ "ab" + "\\ud800" }}', 'Item 0: Content contains a broken character (half of a surrogate pair)', /^The text was probably cut/],
	])('%s: the same error from both providers, nothing sent', async (_name, content, message, description) => {
		const { error } = await runNode({ type, parameters: send(content), credentials: credentials() });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe(message);
		expect(error!.description).toEqual(typeof description === 'string' ? description : expect.stringMatching(description));
		expect(sim.requests).toHaveLength(0);
	});

	test('too long: the provider and its limit are named, nothing sent', async () => {
		const { error } = await runNode({ type, parameters: send('字'.repeat(max + 1)), credentials: credentials() });
		expect(error!.message).toMatch(new RegExp(`^Item 0: Content is ${max + 1} characters long; ${type} accepts at most ${max}$`, 'i'));
		expect(error!.description).toMatch(/^Shorten the text by 1 character\(s\)/);
		expect(sim.requests).toHaveLength(0);
	});
});
