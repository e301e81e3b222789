/**
 * The API key never leaks: for every ihuyi operation, on success and on failure, with
 * dynamic and plain signing, the key (and its MD5, AddTemplate's password) appears in no
 * output item, no error message, description, context or cause, and with dynamic signing it never reaches the provider.
 * A dry run of every send shows neither the key nor the dynamic password it would sign with.
 */
import { createHash } from 'crypto';
import type { INodeParameters } from 'n8n-workflow';

import { onFakeClock } from '../helpers/fakeClock';
import { allText, runNode } from '../helpers/n8nHarness';
import { ALL_IHUYI_KEYS, IHUYI_CREDENTIAL_TYPES, ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { dynamicPassword, unixTime } from '../../nodes/Ihuyi/transport/signing';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import type { Simulator } from '../simulator/server';
import type { FaultKind } from '../simulator/types';
import { count } from './summary';
import { useSimulator } from '../helpers/useSimulator';


let sim: Simulator;
useSimulator((started) => (sim = started));

const OPERATIONS: Array<[string, INodeParameters]> = [
	['sms send', { resource: 'sms', operation: 'send', sendMode: 'fullText', mobile: '13800138000', content: '您的验证码是：1234。请不要把验证码泄露给其他人。' }],
	['sms template send', { resource: 'sms', operation: 'send', sendMode: 'template', mobile: '13800138000', templateId: '1', templateVariables: { variable: [{ value: '1234' }] } }],
	['sms balance', { resource: 'sms', operation: 'getBalance' }],
	['sms template add', { resource: 'template', operation: 'add', templateText: '您的验证码是：【变量】。请不要把验证码泄露给其他人。' }],
	['international send', { resource: 'internationalSms', operation: 'send', numberFormat: 'e164', phoneNumber: '+85261234567', content: 'Code 1125' }],
	['international balance', { resource: 'internationalSms', operation: 'getBalance' }],
	['voice send', { resource: 'voiceCode', operation: 'send', mobile: '13800138000', codeSource: 'generate', codeLength: 6 }],
	['voice balance', { resource: 'voiceCode', operation: 'getBalance' }],
	['voice notification send', { resource: 'voiceNotification', operation: 'send', mobile: '02151234567', content: '您好，您预约的体检明天开始。' }],
	['voice notification balance', { resource: 'voiceNotification', operation: 'getBalance' }],
];

// AddTemplate's password: the MD5 of the key proves the account there, so it is a secret too.
const KEY_MD5S = ALL_IHUYI_KEYS.map((key) => createHash('md5').update(key, 'utf8').digest('hex'));

type Outcome = [string, () => void];
const OUTCOMES: Outcome[] = [
	['success', () => undefined],
	['wrong account (405)', () => Object.values(sim.ihuyi.accounts).forEach((account) => (account.apiId = 'X0')) ],
	['frozen (4050)', () => Object.values(sim.ihuyi.accounts).forEach((account) => (account.frozen = true))],
	...(['html', 'http502', 'empty', 'truncated', 'reset', 'wrongCharset'] as FaultKind[]).map(
		// Three in a row: balance queries retry twice before giving up.
		(kind): Outcome => [`fault ${kind}`, () => sim.injectFault({ kind, times: 3 })],
	),
];

const SIGNINGS = ['dynamicPassword', 'plainApiKey'] as const;

const cases = OPERATIONS.flatMap(([operation, parameters]) =>
	OUTCOMES.flatMap(([outcome, arrange]) => SIGNINGS.map((signing) => [operation, outcome, signing, parameters, arrange] as const)),
);

describe('no ihuyi API key in outputs or errors', () => {
	test.each(cases)('%s, %s, %s', async (_operation, outcome, signing, parameters, arrange) => {
		for (const continueOnFail of [false, true]) {
			sim.clearFaults();
			arrange();
			// Balance queries retry a lost answer: their waits pass on jest's fake clock.
			const { result } = await onFakeClock(async () => await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim, {}, signing), continueOnFail }));
			const text = allText([result.items, result.error, result.recordedError]);
			count('secrets', 'cases');
			const leaked = [...ALL_IHUYI_KEYS, ...KEY_MD5S].filter((key) => text.includes(key)).length;
			if (leaked) count('secrets', 'leaks', leaked);
			expect(leaked).toBe(0);
			if (outcome === 'success') expect(result.error).toBeUndefined();
			else expect(result.error ?? result.items[0].json.error).toBeDefined();
		}
		if (signing === 'dynamicPassword') {
			const wire = sim.requests.map((request) => request.rawBody.toString('utf8') + JSON.stringify(request.query)).join('\n');
			for (const key of ALL_IHUYI_KEYS) expect(wire).not.toContain(key);
			expect(wire).not.toContain(encodeURIComponent(ALL_IHUYI_KEYS[0]));
		}
	});
});

// A dry run signs nothing, but it shows the very mobile and content a send signs: the
// dynamic password of that send (for any second around the run) must not be in it either.
const DRY_RUNS = OPERATIONS.filter(([operation]) => operation.endsWith('send')).flatMap(([operation, parameters]) =>
	SIGNINGS.map((signing) => [operation, signing, { ...parameters, options: { dryRun: true } } as INodeParameters] as const),
);

describe('no ihuyi API key or dynamic password in a dry run', () => {
	test.each(DRY_RUNS)('%s, dry run, %s', async (_operation, signing, parameters) => {
		const product = parameters.resource as keyof typeof IHUYI_CREDENTIAL_TYPES;
		const { apiId: account, apiKey } = IHUYI_TEST_ACCOUNTS[product];
		for (const continueOnFail of [false, true]) {
			const from = Number(unixTime());
			// Balance queries retry a lost answer: their waits pass on jest's fake clock.
			const { result } = await onFakeClock(async () => await runNode({ type: 'ihuyi', parameters, credentials: ihuyiCredentials(sim, {}, signing), continueOnFail }));
			const to = Number(unixTime());
			expect(result.error).toBeUndefined();
			const [{ json }] = result.items;
			expect(json.dryRun).toBe(true);
			const signed: string[] = [];
			for (let time = from - 1; time <= to + 1; time++) {
				signed.push(dynamicPassword({ account, apiKey, mobile: String(json.mobile), content: String(json.content), time: String(time) }));
				signed.push(dynamicPassword({ account, apiKey, time: String(time) }));
			}
			const text = allText([result.items, result.error, result.recordedError]);
			count('secrets', 'cases');
			const leaked = [...ALL_IHUYI_KEYS, ...signed].filter((secret) => text.includes(secret)).length;
			if (leaked) count('secrets', 'leaks', leaked);
			expect(leaked).toBe(0);
		}
		expect(sim.requests).toHaveLength(0);
	});
});
