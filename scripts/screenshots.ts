/**
 * `npm run screenshots`: pictures of each node's panel in a real n8n editor (2.41.1), for
 * the README. Starts n8n with the package and a workflow holding the four nodes, creates the
 * owner, opens each node in headless Chromium (Debian's package) and saves docs/<node>.png.
 */
import { chromium } from 'playwright-core';
import { join } from 'path';

import { freePort, installN8n, REPO_ROOT } from '../test/e2e/lib/install';
import { N8nInstance } from '../test/e2e/lib/n8n';
import { installPackage } from '../test/e2e/lib/packageInstall';
import { CREDENTIAL_IDS, credentials } from '../test/e2e/lib/workflows';

const VERSION = '2.41.1';
const PACKAGE = 'n8n-nodes-ihuyi-jiazhiyuan';
const NODES = [
	{ id: 'shotIhuyi', name: 'Ihuyi', type: 'ihuyi', parameters: { resource: 'sms', operation: 'send', mobile: '={{ $json.phone }}', sendMode: 'fullText', content: "={{ '您的验证码是：' + $json.code + '。请不要把验证码泄露给其他人。' }}", options: {} }, credentials: { ihuyiSmsApi: { id: CREDENTIAL_IDS.ihuyiSmsApi, name: 'ihuyi SMS account' } } },
	{ id: 'shotIhuyiTrigger', name: 'Ihuyi Trigger', type: 'ihuyiTrigger', parameters: { product: 'sms', events: ['deliveryReceipt', 'reply'], options: {} }, webhookId: '1a2b3c4d-0000-4000-8000-000000000001' },
	{ id: 'shotJiazhiyuan', name: 'Jiazhiyuan', type: 'jiazhiyuan', parameters: { resource: 'sms', operation: 'send', mobiles: '={{ $json.numbers }}', content: '【嘉之元】双十一大促，全场五折，回TD退订', smsType: 'default', options: {} }, credentials: { jiazhiyuanApi: { id: CREDENTIAL_IDS.jiazhiyuanApi, name: 'Jiazhiyuan account' } } },
	{ id: 'shotJiazhiyuanTrigger', name: 'Jiazhiyuan Trigger', type: 'jiazhiyuanTrigger', parameters: { events: ['deliveryReports', 'replies'], pollTimes: { item: [{ mode: 'everyMinute' }] } }, credentials: { jiazhiyuanApi: { id: CREDENTIAL_IDS.jiazhiyuanApi, name: 'Jiazhiyuan account' } } },
];

async function main(): Promise<void> {
	installN8n([VERSION]);
	const n8n = new N8nInstance(VERSION, await freePort());
	try {
		installPackage(n8n.nodesFolder);
		await n8n.importCredentials(credentials('http://127.0.0.1:8089'));
		await n8n.importWorkflow({
			id: 'screenshotNodes1',
			name: 'Nodes of n8n-nodes-ihuyi-jiazhiyuan',
			nodes: NODES.map((node, index) => ({ ...node, type: `${PACKAGE}.${node.type}`, typeVersion: 1, position: [index * 260, 0] })),
			connections: {},
			settings: { executionOrder: 'v1' },
			pinData: {},
			active: false,
		});
		await n8n.start();
		const cookie = await n8n.editor.ownerSession();
		const [name, value] = cookie.split('=');
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		try {
			const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
			await context.addCookies([{ name, value, url: n8n.baseUrl }]);
			const page = await context.newPage();
			for (const node of NODES) {
				await page.goto(`${n8n.baseUrl}/workflow/screenshotNodes1/${node.id}`, { waitUntil: 'networkidle', timeout: 60_000 });
				await page.waitForSelector('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]', { timeout: 60_000 });
				await page.waitForTimeout(1500);
				const file = join(REPO_ROOT, 'docs', `${node.type}.png`);
				await page.screenshot({ path: file });
				console.log(`saved ${file}`);
			}
		} finally {
			await browser.close();
		}
	} finally {
		await n8n.dispose();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
