/** ihuyi Get Balance for each product, through n8n's engine against the simulator. */
import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials, smsSend } from '../helpers/ihuyiFixtures';
import { dynamicPassword } from '../../nodes/Ihuyi/transport/signing';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import { IHUYI_PRODUCT_NAMES } from '../../nodes/Ihuyi/transport/products';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

describe('ihuyi Get Balance', () => {
	test.each(IHUYI_PRODUCT_NAMES)('%s balance is a number, signed with account + key + time', async (product) => {
		const route = `ihuyi:${product}:GetNum`;
		sim.ihuyi.accounts[product].balance = 856;
		const { items, error } = await runNode({ type: 'ihuyi', parameters: { resource: product, operation: 'getBalance' }, credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ provider: 'ihuyi', product, success: true, balance: 856, code: 2 });
		const [request] = sim.requestsTo(route);
		expect(request.form.password).toBe(
			dynamicPassword({ account: IHUYI_TEST_ACCOUNTS[product].apiId, apiKey: IHUYI_TEST_ACCOUNTS[product].apiKey, time: request.form.time }),
		);
	});

	test('balance goes down by the billed segments', async () => {
		await runNode({ type: 'ihuyi', parameters: smsSend({ content: '短'.repeat(100) }), credentials: ihuyiCredentials(sim) });
		const { items } = await runNode({ type: 'ihuyi', parameters: { resource: 'sms', operation: 'getBalance' }, credentials: ihuyiCredentials(sim) });
		// 100 characters + the 6 of the signature ihuyi adds: 2 parts.
		expect(items[0].json.balance).toBe(998);
	});
});
