/**
 * A Dry Run refuses a bad item exactly as a send does: the same error class, message and
 * description, no items, and nothing reaches the provider.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { RunNodeResult } from './n8nHarness';
import type { Simulator } from '../simulator/server';

export function expectSameRefusal(real: RunNodeResult, preview: RunNodeResult, sim: Simulator): void {
	expect(real.error).toBeInstanceOf(NodeOperationError);
	expect(preview.error).toBeInstanceOf(NodeOperationError);
	expect(preview.error!.message).toBe(real.error!.message);
	expect(preview.error!.description).toBe(real.error!.description);
	expect(preview.items).toEqual([]);
	expect(sim.requests).toHaveLength(0);
}
