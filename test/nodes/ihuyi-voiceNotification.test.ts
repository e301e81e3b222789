/** ihuyi Voice Notification (语音通知): Send through n8n's engine against the simulator. */
import { runNode } from '../helpers/n8nHarness';
import { ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { dynamicPassword } from '../../nodes/Ihuyi/transport/signing';
import { IHUYI_TEST_ACCOUNTS } from '../simulator/ihuyi';
import type { Simulator } from '../simulator/server';
import { useSimulator } from '../helpers/useSimulator';

let sim: Simulator;
useSimulator((started) => (sim = started));

const CONTENT = '您好，您预约的体检将于明天上午9点开始，请准时到达。';
const voiceSend = (extra: Record<string, unknown> = {}) => ({ resource: 'voiceNotification', operation: 'send', mobile: '13800138000', content: CONTENT, ...extra });

describe('ihuyi Voice Notification: Send', () => {
	test('full text goes to voice.php on its own host, signed with its own key', async () => {
		const { items, error } = await runNode({ type: 'ihuyi', parameters: voiceSend(), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ provider: 'ihuyi', product: 'voiceNotification', success: true, mobile: '13800138000', code: 2, messageId: sim.ihuyi.sent[0].id });
		expect(items[0].pairedItem).toEqual({ item: 0 });

		const [request] = sim.requestsTo('ihuyi:voiceNotification:Submit');
		expect(request.path).toBe('/vm/webservice/voice.php');
		expect(request.form).toMatchObject({ account: IHUYI_TEST_ACCOUNTS.voiceNotification.apiId, mobile: '13800138000', content: CONTENT });
		expect(request.form.templateid).toBeUndefined();
		const { apiId, apiKey } = IHUYI_TEST_ACCOUNTS.voiceNotification;
		expect(request.form.password).toBe(dynamicPassword({ account: apiId, apiKey, mobile: '13800138000', content: CONTENT, time: request.form.time }));
		expect(request.rawBody.toString('utf8')).not.toContain(apiKey);
		expect(sim.requestsTo('ihuyi:sms:Submit')).toHaveLength(0);
	});

	test.each([
		['021-51234567', '02151234567'],
		['+86 21 5123 4567', '02151234567'],
		['0086-10-12345678', '01012345678'],
		['0755 8765 4321', '075587654321'],
	])('the fixed line %s is called as %s', async (written, sent) => {
		const { items, error } = await runNode({ type: 'ihuyi', parameters: voiceSend({ mobile: written }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json.mobile).toBe(sent);
		expect(sim.requestsTo('ihuyi:voiceNotification:Submit').map((request) => request.form.mobile)).toEqual([sent]);
	});

	test('template mode sends the template id and the variables joined by |, and says which template', async () => {
		sim.ihuyi.strictTemplates = true;
		const { items, error } = await runNode({
			type: 'ihuyi',
			parameters: voiceSend({
				sendMode: 'template',
				templateId: '10001',
				templateVariables: { variable: [{ value: '体检' }, { value: '明天上午9点' }] },
			}),
			credentials: ihuyiCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ success: true, templateId: '10001' });
		const [request] = sim.requestsTo('ihuyi:voiceNotification:Submit');
		expect(request.form).toMatchObject({ templateid: '10001', content: '体检|明天上午9点' });
		expect(sim.ihuyi.sent[0]).toMatchObject({ product: 'voiceNotification', templateId: '10001' });
	});

	test('a text that matches no approved voice template: 4072 on the error output, paired, nothing billed', async () => {
		sim.ihuyi.strictTemplates = true;
		const run = await runNode({
			type: 'ihuyi',
			parameters: voiceSend({ mobile: '={{ $json.phone }}', content: '={{ $json.text }}' }),
			credentials: ihuyiCredentials(sim),
			items: [
				{ json: { phone: '13800138000', text: '没有审核过的语音内容' } },
				{ json: { phone: '13900139000', text: '您好，您预约的体检将于9点开始，请准时到达。' } },
			],
			onError: 'continueErrorOutput',
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(run.errorItems.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(run.errorItems[0].json.error).toMatchObject({ code: '4072' });
		expect(sim.ihuyi.accounts.voiceNotification.balance).toBe(999);
	});

	test('Dry Run checks and reports without calling ihuyi', async () => {
		const { items, error } = await runNode({ type: 'ihuyi', parameters: voiceSend({ mobile: '021-51234567', options: { dryRun: true } }), credentials: ihuyiCredentials(sim) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ dryRun: true, mobile: '02151234567', product: 'voiceNotification' });
		expect(sim.requests).toHaveLength(0);
	});

	test('Get Balance reads the voice notification account', async () => {
		sim.ihuyi.accounts.voiceNotification.balance = 321;
		const { items } = await runNode({ type: 'ihuyi', parameters: { resource: 'voiceNotification', operation: 'getBalance' }, credentials: ihuyiCredentials(sim) });
		expect(items[0].json).toMatchObject({ product: 'voiceNotification', balance: 321 });
		expect(sim.requestsTo('ihuyi:voiceNotification:GetNum')[0].path).toBe('/vm/webservice/voice.php');
	});
});
