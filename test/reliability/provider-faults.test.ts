/**
 * Provider faults never crash, never double-send and never lose the other items: for every
 * send operation and every fault the simulator can produce, the failing item gets a clear
 * NodeApiError (or, with Continue On Fail, an error item) and the simulator counts exactly
 * one send for it.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { allText, runNode } from '../helpers/n8nHarness';
import { ALL_IHUYI_KEYS, ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import type { FaultKind } from '../simulator/types';
import { count } from './summary';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const FAULTS: FaultKind[] = ['http500', 'http502', 'http503', 'timeout', 'reset', 'empty', 'html', 'truncated', 'wrongCharset', 'unknownCode', 'successWithoutId'];

interface SendOperation {
	name: string;
	node: 'ihuyi' | 'jiazhiyuan';
	route: string;
	parameters: INodeParameters;
	credentials: () => ReturnType<typeof ihuyiCredentials>;
	secrets: string[];
	mobiles: string[];
}

const OPERATIONS: SendOperation[] = [
	{ name: 'ihuyi SMS send', node: 'ihuyi', route: 'ihuyi:sms:Submit', parameters: { resource: 'sms', operation: 'send', sendMode: 'fullText', mobile: '={{ $json.m }}', content: '您的验证码是：1234。', options: { timeout: 1000 } }, credentials: () => ihuyiCredentials(sim), secrets: ALL_IHUYI_KEYS, mobiles: ['13800138000', '13900139000', '13700137000'] },
	{ name: 'ihuyi international send', node: 'ihuyi', route: 'ihuyi:internationalSms:Submit', parameters: { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '={{ $json.m }}', content: 'Code 1125', options: { timeout: 1000 } }, credentials: () => ihuyiCredentials(sim), secrets: ALL_IHUYI_KEYS, mobiles: ['+85261234567', '+85261234568', '+85261234569'] },
	{ name: 'ihuyi voice send', node: 'ihuyi', route: 'ihuyi:voiceCode:Submit', parameters: { resource: 'voiceCode', operation: 'send', mobile: '={{ $json.m }}', codeSource: 'generate', codeLength: 4, options: { timeout: 1000 } }, credentials: () => ihuyiCredentials(sim), secrets: ALL_IHUYI_KEYS, mobiles: ['13800138000', '13900139000', '13700137000'] },
	{ name: 'ihuyi voice notification send', node: 'ihuyi', route: 'ihuyi:voiceNotification:Submit', parameters: { resource: 'voiceNotification', operation: 'send', mobile: '={{ $json.m }}', content: '您好，您预约的体检明天开始。', options: { timeout: 1000 } }, credentials: () => ihuyiCredentials(sim), secrets: ALL_IHUYI_KEYS, mobiles: ['02151234567', '01012345678', '13700137000'] },
	{ name: 'Jiazhiyuan send', node: 'jiazhiyuan', route: 'jiazhiyuan:sendSMS', parameters: { resource: 'sms', operation: 'send', mobiles: '={{ $json.m }}', content: '【嘉之元】测试', smsType: 'default', options: { combineItems: false, timeout: 1000 } }, credentials: () => jiazhiyuanCredentials(sim), secrets: JIAZHIYUAN_SECRETS, mobiles: ['13800138000', '13900139000', '13700137000'] },
];

/** Requests the simulator received for a number it had already been sent, on this route. */
function repeatedSends(route: string): number {
	const mobiles = sim.requestsTo(route).map((request) => request.form.mobile);
	return mobiles.length - new Set(mobiles).size;
}

const CASES = OPERATIONS.flatMap((operation) => FAULTS.map((fault) => [operation.name, fault, operation] as const));

describe('provider faults on the middle of three items', () => {
	test.each(CASES)('%s: %s', async (_name, fault, operation) => {
		// The second request of the run fails; the first and third go through.
		const handlerPrefix = operation.route;
		const items = operation.mobiles.map((m) => ({ json: { m } }));
		// Let the first request pass by answering it before the fault is armed.
		const first = await runNode({ type: operation.node, parameters: operation.parameters, credentials: operation.credentials(), items: items.slice(0, 1) });
		expect(first.error).toBeUndefined();
		sim.injectFault({ kind: fault, route: handlerPrefix });
		const rest = await runNode({ type: operation.node, parameters: operation.parameters, credentials: operation.credentials(), items: items.slice(1), continueOnFail: true });
		count('provider faults', 'cases');
		// Counted from the simulator's log before anything is asserted, so the summary shows
		// a repeat even when the assertions below stop the test.
		const duplicates = repeatedSends(handlerPrefix);
		if (duplicates) count('provider faults', 'duplicates', duplicates);
		const text = allText(rest);
		const leaked = operation.secrets.filter((secret) => text.includes(secret)).length;
		if (leaked) count('provider faults', 'leaks', leaked);

		// Exactly one request per item: nothing was retried, nothing sent twice.
		expect(duplicates).toBe(0);
		expect(sim.requestsTo(handlerPrefix)).toHaveLength(3);
		// The faulty item became an error item; the item after it went through.
		expect(rest.error).toBeUndefined();
		expect(rest.items).toHaveLength(2);
		expect(rest.items[0].json).toMatchObject({ success: false, error: { message: expect.any(String) } });
		expect(rest.items[1].json.success).toBe(true);
		expect(rest.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(leaked).toBe(0);
		count('provider faults', 'faultsSurvived');
	});

	test.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s: without Continue On Fail the fault is a NodeApiError with no secret', async (_name, operation) => {
		sim.injectFault({ kind: 'http502', route: operation.route });
		const { error } = await runNode({ type: operation.node, parameters: operation.parameters, credentials: operation.credentials(), items: [{ json: { m: operation.mobiles[0] } }] });
		count('provider faults', 'cases');
		const duplicates = sim.requestsTo(operation.route).length - 1;
		if (duplicates > 0) count('provider faults', 'duplicates', duplicates);
		const text = allText(error);
		const leaked = operation.secrets.filter((secret) => text.includes(secret)).length;
		if (leaked) count('provider faults', 'leaks', leaked);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toMatch(/HTTP 502/);
		expect(sim.requestsTo(operation.route)).toHaveLength(1);
		expect(leaked).toBe(0);
		count('provider faults', 'faultsSurvived');
	});
});
