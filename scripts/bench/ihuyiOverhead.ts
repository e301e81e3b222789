/**
 * overheadRatio: the Ihuyi node sending N SMS (one per item, through n8n's execution engine,
 * HTTP helper and the credential's signing) against a bare keep-alive HTTP client sending
 * the same N signed requests to the same simulator.
 */
import { createHash } from 'crypto';
import { Agent, request } from 'http';

import { registerNodeType, runNode } from '../../test/helpers/n8nHarness';
import { ihuyiCredentials } from '../../test/helpers/ihuyiFixtures';
import { IHUYI_TEST_ACCOUNTS } from '../../test/simulator/ihuyi';
/** Anything with the simulator's URL: an in-process simulator or a simulator process. */
type Simulator = { url: string };
import { helperProbe } from './helperProbe';
import { timed } from './measure';

registerNodeType(helperProbe);

const CONTENT = '您的验证码是：1234。请不要把验证码泄露给其他人。';

export function mobiles(count: number): string[] {
	return Array.from({ length: count }, (_, index) => `139${String(index).padStart(8, '0')}`);
}

export async function sendWithNode(sim: Simulator, count: number, concurrency = 1): Promise<number> {
	const items = mobiles(count).map((mobile) => ({ json: { mobile } }));
	return await timed(async () => {
		const { error, items: output } = await runNode({
			type: 'ihuyi',
			parameters: {
				resource: 'sms',
				operation: 'send',
				sendMode: 'fullText',
				mobile: '={{ $json.mobile }}',
				content: CONTENT,
				options: { maxConcurrency: concurrency },
			},
			credentials: ihuyiCredentials(sim),
			items,
		});
		if (error || output.length !== count) throw new Error(`node run failed: ${error?.message}`);
	});
}

/**
 * The same requests through n8n's helper alone; with `mapMobile` n8n also resolves the
 * mobile expression per item, as for the node, whose parameters the user maps the same way.
 */
export async function sendWithHelperOnly(sim: Simulator, count: number, concurrency = 1, mapMobile = false): Promise<number> {
	const items = mobiles(count).map((mobile) => ({ json: { mobile, content: CONTENT } }));
	const parameters = mapMobile ? { concurrency, mobile: '={{ $json.mobile }}' } : { concurrency };
	return await timed(async () => {
		const { error } = await runNode({ type: 'ihuyiHelperProbe', parameters, credentials: ihuyiCredentials(sim), items });
		if (error) throw new Error(`probe run failed: ${error.message}`);
	});
}

export async function sendRaw(sim: Simulator, count: number): Promise<number> {
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const { apiId, apiKey } = IHUYI_TEST_ACCOUNTS.sms;
	const url = new URL(`${sim.url}/webservice/sms.php?method=Submit`);
	try {
		return await timed(async () => {
			for (const mobile of mobiles(count)) {
				const time = String(Math.floor(Date.now() / 1000));
				const password = createHash('md5').update(`${apiId}${apiKey}${mobile}${CONTENT}${time}`).digest('hex');
				const body = new URLSearchParams({ account: apiId, password, mobile, content: CONTENT, time, format: 'json' }).toString();
				const text = await post(agent, url, body);
				if (!text.includes('"code":2')) throw new Error(`raw send failed: ${text}`);
			}
		});
	} finally {
		agent.destroy();
	}
}

function post(agent: Agent, url: URL, body: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', agent, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}
