/**
 * examples/sms-template-submit-and-audit.json, its own nodes' parameters run as written: the
 * Ihuyi node files the template against the simulator, the simulator's review pushes the
 * result to the Ihuyi Trigger, and every field the example's expressions read is there.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters } from 'n8n-workflow';

import { IhuyiTrigger } from '../../nodes/IhuyiTrigger/IhuyiTrigger.node';
import { ihuyiCredentials } from '../helpers/ihuyiFixtures';
import { runNode } from '../helpers/n8nHarness';
import { useSimulator } from '../helpers/useSimulator';
import { serveWebhook } from '../helpers/webhookHarness';
import { pushToUrl } from '../simulator/pusher';
import type { Simulator } from '../simulator/server';

let sim: Simulator;
useSimulator((started) => (sim = started));

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters & { jsonBody?: string; assignments?: { assignments: Array<{ name: string; value: string }> } };
}
const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'sms-template-submit-and-audit.json'), 'utf8')) as {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const node = (name: string): ExampleNode => {
	const found = example.nodes.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`the example has no node "${name}"`);
	return found;
};

/** The `$json.<field>` names an expression of the example reads. */
function fieldsRead(expression: string): string[] {
	return [...expression.matchAll(/\$json\.(\w+)/g)].map((match) => match[1]);
}

/** The nodes after `from`, on output `index`. */
const next = (from: string, index = 0) => example.connections[from].main[index].map((link) => link.node);

test('the template is filed and its ID reaches the note of the submission', async () => {
	const text = node('Template text').parameters.assignments!.assignments[0];
	const { items, error } = await runNode({
		type: 'ihuyi',
		parameters: node('Submit the template').parameters,
		items: [{ json: { [text.name]: text.value } }],
		credentials: ihuyiCredentials(sim),
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ success: true, templateId: '20001', templateText: text.value });
	expect(next('Submit the template')).toEqual(['Note the submission']);
	for (const field of fieldsRead(node('Note the submission').parameters.jsonBody!)) expect(items[0].json).toHaveProperty(field);
	expect(sim.ihuyi.templateFiling.filed.map((template) => template.text)).toEqual([text.value]);
});

test.each([
	[true, 0, 'Template approved'],
	[false, 1, 'Template rejected'],
] as const)('a review result approved=%s starts the trigger and goes to output %i of Approved?', async (approved, branch, target) => {
	const { items } = await runNode({ type: 'ihuyi', parameters: { resource: 'template', operation: 'add', templateText: '您的验证码是：【变量】。' }, credentials: ihuyiCredentials(sim) });
	const server = await serveWebhook(new IhuyiTrigger(), node('Ihuyi Trigger').parameters);
	try {
		const push = sim.ihuyi.auditTemplate(items[0].json.templateId as string, approved);
		expect((await pushToUrl(server.url, push, { intervalMs: 5 })).acknowledged).toBe(true);
		const [received] = server.emitted[0];
		expect(received.json).toMatchObject({ event: 'templateAudit', templateId: '20001', approved });
		// The If node's condition reads `approved`, a boolean; true is its first output.
		expect(fieldsRead(JSON.stringify(node('Approved?').parameters))).toEqual(['approved']);
		expect(typeof received.json.approved).toBe('boolean');
		expect(next('Ihuyi Trigger')).toEqual(['Approved?']);
		expect(next('Approved?', branch)).toEqual([target]);
		for (const field of fieldsRead(node(target).parameters.jsonBody!)) expect(received.json).toHaveProperty(field);
	} finally {
		await server.close();
	}
});
