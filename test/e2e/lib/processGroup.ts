/** The output and the ending of a child process started in its own process group. */
import type { ChildProcess } from 'child_process';

export /** Keeps a process's output as chunks up to a byte budget, dropping the oldest (no quadratic copying). */
class BoundedLog {
	private chunks: string[] = [];

	private size = 0;

	constructor(private readonly limit: number) {}

	add(chunk: string): void {
		this.chunks.push(chunk);
		this.size += chunk.length;
		while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
	}

	text(): string {
		return this.chunks.join('');
	}

	tail(length = 20000): string {
		return this.text().slice(-length);
	}
}

/** Signals the whole group (n8n's own children too), by the PID the test started. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}
