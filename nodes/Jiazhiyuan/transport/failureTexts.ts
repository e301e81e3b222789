import type { FailureCause } from '../../common/errors';

/**
 * Known reasons after "failure;", matched by a characteristic fragment. The platform's full
 * list is not published; unknown reasons are shown as the provider wrote them.
 */
export interface FailureInfo {
	en: string;
	hint: string;
	cause?: FailureCause;
}

const KNOWN: Array<[RegExp, FailureInfo]> = [
	[/用户名密码错误|用户名或密码错误|密码错误|用户不存在/, { en: 'Wrong username or password', hint: 'Check the username and password in the Jiazhiyuan credential (enter the plain password: the node encodes it as the API wants).', cause: 'credential-invalid' }],
	[/余额不足|条数不足|剩余.*不足|欠费/, { en: 'Not enough balance', hint: 'Top up the account for the SMS type you send with (card, gateway or member balances are separate).', cause: 'quota-exhausted' }],
	[/频繁/, { en: 'Queries too frequent', hint: 'The platform limits how often balances and reports may be queried; query less often (e.g. once a minute).', cause: 'rate-limited' }],
	[/号码.*(多|超)|超过.*(2万|20000)/, { en: 'Too many numbers in one call', hint: 'One call takes at most 20,000 numbers; the node splits larger lists, so this points at a reseller with a lower limit.' }],
	[/(非法|敏感|屏蔽|关键)(字|词)/, { en: 'The content contains words the platform blocks', hint: 'Remove or rephrase the blocked words.' }],
	[/签名/, { en: 'Signature problem', hint: 'Put your approved signature in 【】 at the start of the content, e.g. 【嘉之元】.', cause: 'configuration-invalid' }],
	[/IP|ip/, { en: 'Access from this IP address is not allowed', hint: "Ask Jiazhiyuan to allow the n8n server's public IP address.", cause: 'configuration-invalid' }],
	[/黑名单/, { en: 'A number is blacklisted', hint: 'Remove blacklisted numbers from the list.' }],
];

export function lookupFailure(reason: string): FailureInfo | undefined {
	return KNOWN.find(([pattern]) => pattern.test(reason))?.[1];
}
