import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The platform's SMS types (smstype): each is its own channel with its own balance. The
 * credential's Default SMS Type offers these; the send's SMS Type adds "Credential Default".
 */
export const SMS_TYPES: INodePropertyOptions[] = [
	{ name: 'Card (卡发, 0)', value: '0', description: 'The card channel and its balance (kaSmsNum in Get Balance)' },
	{ name: 'Gateway (网关, 1)', value: '1', description: 'The gateway channel and its balance (gateSmsNum in Get Balance)' },
	{ name: 'Member (会员, 2)', value: '2', description: 'The member channel and its balance (memberSmsNum in Get Balance)' },
];

export function isSmsType(value: string): boolean {
	return SMS_TYPES.some((type) => type.value === value);
}
