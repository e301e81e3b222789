/**
 * The simulator in a process of its own, as the demo, the e2e tests and the benchmarks use
 * it: the provider's work then does not share the event loop with the n8n code under test.
 * Driven through the control routes (/__sim/…).
 */
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { join } from 'path';

export interface SimulatorProcess {
	url: string;
	pid: number;
	control(path: string, body?: unknown): Promise<unknown>;
	stop(): Promise<void>;
}

export async function startSimulatorProcess(options: { latencyMs?: number; port?: number } = {}): Promise<SimulatorProcess> {
	const cli = join(__dirname, 'cli.ts');
	const child: ChildProcess = spawn(
		process.execPath,
		['-r', 'ts-node/register/transpile-only', cli],
		{
			env: {
				...process.env,
				TS_NODE_PREFER_TS_EXTS: 'true',
				SIMULATOR_LATENCY_MS: String(options.latencyMs ?? 0),
				SIMULATOR_PORT: String(options.port ?? 0),
			},
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('simulator did not start within 30 s')), 30_000);
		let buffer = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			const line = buffer.split('\n').find((candidate) => candidate.startsWith('{'));
			if (line) {
				clearTimeout(timer);
				resolve((JSON.parse(line) as { url: string }).url);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`simulator exited with ${String(code)}`));
		});
	});
	const control = async (path: string, body?: unknown): Promise<unknown> => {
		const response = await fetch(`${url}/__sim/${path.replace(/^\//, '')}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`simulator control ${path}: HTTP ${response.status}`);
		return await response.json();
	};
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	};
	return { url, pid: child.pid!, control, stop };
}
