import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidInput, providerError } from '../../../common/errors';
import { readText } from '../../../common/parameters';
import { runItems } from '../../../common/runItems';
import { callJiazhiyuan, unexpectedAnswer } from '../../transport/request';
import { timeoutOption } from '../shared/options';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption],
	},
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
	return await runItems(this, items.length, {
		sends: true,
		prepare: (itemIndex) => {
			const newPassword = readText(this, 'newPassword', itemIndex, 'New Password');
			if (!/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{6,20}$/.test(newPassword)) {
				throw invalidInput(node, itemIndex, 'New Password', 'must be 6 to 20 letters and digits with at least one of each', 'The platform only accepts passwords made of English letters and digits (英文和数字组合).');
			}
			return { newPassword, timeoutMs: (this.getNodeParameter('options', itemIndex, {}) as { timeout?: number }).timeout };
		},
		perform: async ({ newPassword, timeoutMs }, itemIndex) => {
			const reply = await callJiazhiyuan(this, { method: 'updatePassword', itemIndex, fields: { newPassword }, timeoutMs });
			const text = reply.text.trim();
			const answer = ANSWERS[text];
			if (!answer) return await unexpectedAnswer(this, itemIndex, reply);
			if (!answer.ok) {
				throw providerError(node, itemIndex, {
					provider: 'jiazhiyuan',
					product: 'sms',
					code: text,
					httpStatus: reply.httpStatus,
					providerMessage: answer.zh,
					explanation: answer.message,
					hint: text === '3' ? 'Check the username in the credential.' : 'The password was not changed; the credential still works with the old one.',
				});
			}
			return { provider: 'jiazhiyuan', success: true, code: Number(text), message: answer.message, providerMessage: answer.zh };
		},
	});
}
