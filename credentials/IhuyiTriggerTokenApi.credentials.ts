import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret token the Ihuyi Trigger (and the Ihuyi node's Push → Read) requires in the push
 * URL's query (?token=…). ihuyi signs nothing, so the token is what keeps a leaked push URL
 * from starting the workflow; as a credential n8n stores it encrypted, not in the workflow
 * JSON and its exports. Both nodes test it (testedBy): it must survive in a URL as typed.
 */
export class IhuyiTriggerTokenApi implements ICredentialType {
	name = 'ihuyiTriggerTokenApi';

	displayName = 'Ihuyi Trigger Token API';

	icon: Icon = { light: 'file:../nodes/Ihuyi/ihuyi.svg', dark: 'file:../nodes/Ihuyi/ihuyi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ihuyi-jiazhiyuan#the-ihuyi-trigger';

	properties: INodeProperties[] = [
		{
			displayName:
				'Add ?token=<this token> to the push URL you paste in the ihuyi console (短信设置 → 数据推送). The Ihuyi Trigger answers requests without it with 403; the Ihuyi node\'s Push → Read turns them into error items.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. 7f3k9Qx2mVb8Lp4RtZ6w',
			description: 'At least 16 letters, digits, "-", "_", "." or "~", so that it travels in the URL as typed',
		},
	];
}
