/**
 * The Jiazhiyuan password never leaks: for every operation, on success and on failure, with
 * and without Continue On Fail, neither the password nor its BASE64 form appears in any
 * output item, error message, description or detail. A dry run of Send shows neither,
 * with any password, and sends nothing.
 */
import type { INodeParameters } from 'n8n-workflow';

import { onFakeClock } from '../helpers/fakeClock';
import { allText, runNode } from '../helpers/n8nHarness';
import { JIAZHIYUAN_SECRETS, jiazhiyuanCredentials } from '../helpers/jiazhiyuanFixtures';
import type { Simulator } from '../simulator/server';
import { count } from './summary';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const OPERATIONS: Array<[string, INodeParameters]> = [
	['send', { resource: 'sms', operation: 'send', mobiles: '13800138000', content: '【嘉之元】测试', smsType: 'default' }],
	['balance', { resource: 'account', operation: 'getBalance' }],
	// The new password is a node parameter the user typed, not the stored credential.
	['change password', { resource: 'account', operation: 'changePassword', newPassword: 'NewPass2027' }],
	['delivery reports', { resource: 'report', operation: 'getDeliveryReports' }],
	['replies', { resource: 'report', operation: 'getReplies' }],
];

const OUTCOMES: Array<[string, (sim: Simulator) => void, Record<string, string>]> = [
	['success', () => undefined, {}],
	['wrong password', () => undefined, { password: 'Wrong-Pass-99' }],
	['HTML page', (s) => s.injectFault({ kind: 'html', times: 3 }), {}],
	['HTTP 502', (s) => s.injectFault({ kind: 'http502', times: 3 }), {}],
	['connection reset', (s) => s.injectFault({ kind: 'reset', times: 3 }), {}],
	['a gateway page repeats the request', (s) => s.injectFault({ kind: 'echo', times: 3 }), {}],
];

const CASES = OPERATIONS.flatMap(([operation, parameters]) => OUTCOMES.map(([outcome, arrange, credentials]) => [operation, outcome, parameters, arrange, credentials] as const));

test.each(CASES)('%s, %s', async (_operation, outcome, parameters, arrange, credentials) => {
	for (const continueOnFail of [false, true]) {
		sim.reset();
		arrange(sim);
		// Balance queries retry a lost answer: their waits pass on jest's fake clock.
		const { result } = await onFakeClock(async () => await runNode({ type: 'jiazhiyuan', parameters, credentials: jiazhiyuanCredentials(sim, credentials), continueOnFail }));
		const text = allText([result.items, result.error, result.recordedError]);
		count('secrets', 'cases');
		const leaked = [...JIAZHIYUAN_SECRETS, 'Wrong-Pass-99', Buffer.from('Wrong-Pass-99').toString('base64')].filter((secret) => text.includes(secret)).length;
		if (leaked) count('secrets', 'leaks', leaked);
		expect(leaked).toBe(0);
		if (outcome === 'success') expect(result.error).toBeUndefined();
	}
});

// Change Password tries the old password in two forms and says in its output which one
// worked: the output names the form, never a password. The new password is a node
// parameter (n8n keeps it in the error's node); it must not reach the items or our texts.
// A gateway page that repeats the request's parameters carries the new password back: the
// error shows the start of such a page, with the new password masked like the stored one.
const CHANGE_PASSWORD: Array<[string, (sim: Simulator) => void, Record<string, string>, number]> = [
	['old password accepted as written', (s) => (s.jiazhiyuan.oldPasswordForm = 'plain'), {}, 1],
	['old password accepted BASE64-encoded', (s) => (s.jiazhiyuan.oldPasswordForm = 'base64'), {}, 2],
	['both forms refused', () => undefined, { password: 'Wrong-Pass-99' }, 2],
	['a gateway page repeats the request', (s) => s.injectFault({ kind: 'echo', route: 'jiazhiyuan' }), {}, 1],
];

test.each(CHANGE_PASSWORD)('change password, %s', async (outcome, arrange, credentials, calls) => {
	for (const continueOnFail of [false, true]) {
		sim.reset();
		arrange(sim);
		const result = await runNode({
			type: 'jiazhiyuan',
			parameters: { resource: 'account', operation: 'changePassword', newPassword: 'NewPass2027' },
			credentials: jiazhiyuanCredentials(sim, credentials),
			continueOnFail,
		});
		const text = allText([result.items, result.error, result.recordedError]);
		count('secrets', 'cases');
		const ours = allText([result.items, result.error?.message, result.error?.description]);
		const newPassword = ['NewPass2027', Buffer.from('NewPass2027').toString('base64')];
		const secrets = [...JIAZHIYUAN_SECRETS, 'Wrong-Pass-99', Buffer.from('Wrong-Pass-99').toString('base64')];
		const leaked = secrets.filter((secret) => text.includes(secret)).length + newPassword.filter((secret) => ours.includes(secret)).length;
		if (leaked) count('secrets', 'leaks', leaked);
		expect(leaked).toBe(0);
		// Both forms went out where the first was refused.
		expect(sim.requestsTo('jiazhiyuan:updatePassword')).toHaveLength(calls);
		if (outcome === 'a gateway page repeats the request') expect(ours).toMatch(/Request parameters: .*newPassword=\*\*\*/);
	}
});

// A dry run reads the credential (its default SMS type) but builds no request: whichever
// password the credential holds, the preview cannot show it in any form.
const DRY_RUNS: Array<[string, INodeParameters]> = [
	['one item', { resource: 'sms', operation: 'send', mobiles: '13800138000', content: '【嘉之元】测试', smsType: 'default', options: { dryRun: true } }],
	['combined items', { resource: 'sms', operation: 'send', mobiles: '={{ $json.m }}', content: '【嘉之元】测试', smsType: 'default', options: { dryRun: true, extenno: '123' } }],
];

const PASSWORDS: Array<[string, Record<string, string>]> = [
	['right password', {}],
	['wrong password', { password: 'Wrong-Pass-99' }],
];

test.each(DRY_RUNS.flatMap(([name, parameters]) => PASSWORDS.map(([label, credentials]) => [name, label, parameters, credentials] as const)))(
	'send, dry run, %s, %s',
	async (_name, _label, parameters, credentials) => {
		for (const continueOnFail of [false, true]) {
			sim.reset();
			const result = await runNode({
				type: 'jiazhiyuan',
				parameters,
				credentials: jiazhiyuanCredentials(sim, credentials),
				continueOnFail,
				items: [{ json: { m: '13800138000' } }, { json: { m: '13900139000, 13800138000' } }, { json: { m: '13700137000' } }],
			});
			expect(result.error).toBeUndefined();
			const text = allText([result.items, result.error, result.recordedError]);
			count('secrets', 'cases');
			const secrets = [...JIAZHIYUAN_SECRETS, 'Wrong-Pass-99', Buffer.from('Wrong-Pass-99').toString('base64')];
			const leaked = secrets.filter((secret) => text.includes(secret)).length;
			if (leaked) count('secrets', 'leaks', leaked);
			expect(leaked).toBe(0);
			expect(result.items[0].json.dryRun).toBe(true);
			expect(sim.requests).toHaveLength(0);
		}
	},
);
