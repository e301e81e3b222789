import { pushToUrl } from './pusher';
import type { Simulator } from './server';
import type { Fault, SimAnswer } from './types';

/**
 * Routes under /__sim/ that let another process (the e2e harness, the demo) drive a
 * simulator it did not start: read the request log, inject faults, reset state.
 */
export function mountControlRoutes(simulator: Simulator): void {
	// Where example and test workflows post what they received (a stand-in for a log or CRM).
	const sink: unknown[] = [];
	simulator.mount('/__sim/', async (request) => {
		request.log.route = `control:${request.path}`;
		const body = request.rawBody.length ? (JSON.parse(request.rawBody.toString('utf8')) as unknown) : undefined;
		switch (`${request.req.method} ${request.path}`) {
			case 'GET /__sim/requests':
				return json(
					simulator.requests.map((logged) => ({
						...logged,
						rawBody: logged.rawBody.toString('base64'),
					})),
				);
			case 'GET /__sim/ihuyi/sent':
				return json(simulator.ihuyi.sent);
			case 'POST /__sim/fault':
				simulator.injectFault(body as Fault);
				return json({ ok: true });
			case 'POST /__sim/ihuyi/config': {
				const config = body as { enforceRateLimit?: boolean; rateLimitIntervalMs?: number; balance?: number; latencyMs?: number; alwaysXml?: boolean };
				if (config.alwaysXml !== undefined) simulator.ihuyi.alwaysXml = config.alwaysXml;
				if (config.enforceRateLimit !== undefined) simulator.ihuyi.rateLimit.enabled = config.enforceRateLimit;
				if (config.rateLimitIntervalMs !== undefined) simulator.ihuyi.rateLimit.intervalMs = config.rateLimitIntervalMs;
				if (config.balance !== undefined) {
					for (const account of Object.values(simulator.ihuyi.accounts)) account.balance = config.balance;
				}
				if (config.latencyMs !== undefined) simulator.latencyMs = config.latencyMs;
				return json({ ok: true });
			}
			case 'GET /__sim/jiazhiyuan/sent':
				return json(simulator.jiazhiyuan.sent.map(({ contentBytes, ...batch }) => ({ ...batch, contentHex: contentBytes.toString('hex') })));
			case 'POST /__sim/jiazhiyuan/reports':
				simulator.jiazhiyuan.queueReports(body as never);
				return json({ queued: simulator.jiazhiyuan.reports.length });
			case 'POST /__sim/jiazhiyuan/replies':
				simulator.jiazhiyuan.queueReplies(body as never);
				return json({ queued: simulator.jiazhiyuan.replies.length });
			case 'POST /__sim/jiazhiyuan/config': {
				const config = body as { balance?: number; autoReports?: boolean; recordsPerQuery?: number; oldPasswordForm?: 'plain' | 'base64' };
				if (config.balance !== undefined) {
					simulator.jiazhiyuan.balances = { memberSmsNum: config.balance, gateSmsNum: config.balance, kaSmsNum: config.balance };
				}
				if (config.autoReports !== undefined) simulator.jiazhiyuan.autoReports = config.autoReports;
				if (config.recordsPerQuery !== undefined) simulator.jiazhiyuan.recordsPerQuery = config.recordsPerQuery;
				if (config.oldPasswordForm !== undefined) {
					if (config.oldPasswordForm !== 'plain' && config.oldPasswordForm !== 'base64') {
						return { status: 400, contentType: 'application/json', body: Buffer.from('{"error":"oldPasswordForm is plain or base64"}') };
					}
					simulator.jiazhiyuan.oldPasswordForm = config.oldPasswordForm;
				}
				return json({ ok: true });
			}
			case 'POST /__sim/clear-log':
				simulator.requests.length = 0;
				simulator.ihuyi.sent = [];
				simulator.jiazhiyuan.sent = [];
				return json({ ok: true });
			case 'GET /__sim/count':
				return json({
					requests: simulator.requests.length,
					ihuyiSent: simulator.ihuyi.sent.length,
					jiazhiyuanCalls: simulator.requestsTo('jiazhiyuan:sendSMS').length,
				});
			case 'POST /__sim/ihuyi/push': {
				const push = body as { url: string; fields: Record<string, string>; intervalMs?: number };
				return json(await pushToUrl(push.url, push.fields, { intervalMs: push.intervalMs ?? 60_000 }));
			}
			case 'POST /__sim/sink':
				sink.push(body);
				return json({ ok: true });
			case 'GET /__sim/sink':
				return json(sink);
			case 'POST /__sim/reset':
				sink.length = 0;
				simulator.reset();
				return json({ ok: true });
			default:
				return { status: 404, contentType: 'application/json', body: Buffer.from('{"error":"unknown control route"}') };
		}
	});
}

function json(value: unknown): SimAnswer {
	return { status: 200, contentType: 'application/json', body: Buffer.from(JSON.stringify(value)) };
}
