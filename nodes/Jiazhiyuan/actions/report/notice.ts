import type { INodeProperties } from 'n8n-workflow';

export const handedOutOnceNotice = (what: string, resource: string, operation: string): INodeProperties => ({
	displayName: `Jiazhiyuan hands out each ${what} once: the ones this operation returns are gone from the platform afterwards. To collect them continuously, use the Jiazhiyuan Trigger instead.`,
	name: `${operation}Notice`,
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: [resource], operation: [operation] } },
});
