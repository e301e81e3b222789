import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties, NodeApiError } from 'n8n-workflow';

import { invalidInput, providerError } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { answerAsOutput, itemsSpend, oneCallPerItem } from '../../../common/runner/operation';
import { runOperation } from '../../../common/runner/runOperation';
import { callJiazhiyuan, unexpectedAnswer } from '../../transport/request';
import type { PasswordForm } from '../../transport/authenticate';
import { readTimeout, timeoutOnlyOptions } from '../shared/options';

const properties: INodeProperties[] = [
	{
		displayName:
			'After a successful change, open the Jiazhiyuan credential and enter the new password there: every later request with the old password fails.',
		name: 'changePasswordNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The new password (新密码): 6 to 20 letters and digits, with at least one of each',
	},
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['changePassword'] } }, properties);

// The platform's answers to updatePassword.
const ANSWERS: Record<string, { ok: boolean; message: string; zh: string }> = {
	'1': { ok: true, zh: '修改密码成功', message: 'Password changed. Update the password in the Jiazhiyuan credential now.' },
	'2': { ok: false, zh: '修改密码失败', message: 'The platform refused the change' },
	'3': { ok: false, zh: '用户不存在', message: 'The user does not exist' },
	'4': { ok: false, zh: '未知错误', message: 'Unknown error on the platform' },
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await runOperation(this, items, {
		validate: (itemIndex) => {
			const newPassword = readText(this, 'newPassword', itemIndex, 'New Password');
			if (!/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{6,20}$/.test(newPassword)) {
				throw invalidInput(node, itemIndex, 'New Password', 'must be 6 to 20 letters and digits with at least one of each', 'The platform only accepts passwords made of English letters and digits (英文和数字组合).');
			}
			return { newPassword, timeoutMs: readTimeout(this, itemIndex) };
		},
		plan: (inputs, valid) => oneCallPerItem(inputs, valid),
		send: async ({ input: { newPassword, timeoutMs }, items: [itemIndex] }) => {
			// The new password is as secret as the stored one: every error masks it the same way.
			const secrets = [newPassword];
			const change = async (passwordForm: PasswordForm) =>
				await callJiazhiyuan(this, { method: 'updatePassword', itemIndex, fields: { newPassword }, passwordForm, timeoutMs, secrets });
			// The vendor document's example for updatePassword sends the old password as written
			// (password=123&newPassword=122), unlike every other method (password=BASE64(password)),
			// so that form goes first. A platform that wants the other form answers 2 and changes
			// nothing, so BASE64 is tried next. The new password goes as written both times: the
			// example shows it so, and a BASE64 text sent as the new password would become it.
			let form: PasswordForm = 'plain';
			let reply = await change(form);
			if (reply.text.trim() === '2') {
				form = 'base64';
				reply = await change(form);
			}
			const text = reply.text.trim();
			const answer = ANSWERS[text];
			if (!answer) return await unexpectedAnswer(this, itemIndex, reply, 'read', secrets);
			if (!answer.ok) throw refusal(node, itemIndex, text, reply.httpStatus);
			return { provider: 'jiazhiyuan', success: true, code: Number(text), message: answer.message, providerMessage: answer.zh, oldPasswordSentAs: form };
		},
		output: answerAsOutput,
		spends: itemsSpend(),
	});
}

/** A refused change; after 2 both forms of the old password were tried, and the error says so. */
function refusal(node: INode, itemIndex: number, text: string, httpStatus: number): NodeApiError {
	const answer = ANSWERS[text];
	const bothTried = text === '2';
	return providerError(node, itemIndex, {
		provider: 'jiazhiyuan',
		product: 'sms',
		code: text,
		httpStatus,
		providerMessage: answer.zh,
		explanation: bothTried ? `${answer.message} with the old password sent both as written and BASE64-encoded` : answer.message,
		hint: bothTried
			? 'Both forms of the old password were tried: as written, as the vendor document shows it for this method, then BASE64-encoded, as every other method takes it. The password was not changed; the credential still works with the old one. Check that the password in the credential is the current one and that the platform accepts the new password.'
			: text === '3'
				? 'Check the username in the credential.'
				: 'The password was not changed; the credential still works with the old one.',
	});
}
