import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDryRun } from '../dryRun';
import { asNodeError } from '../errors';
import { failedItemJson } from '../failedItem';
import { QuietHours } from '../quietHours';
import type { CallOutcome, Operation, PlannedCall } from './operation';
import { sendCalls } from './sendCalls';

/** Runs an action operation over the node's input items: see Operation for the steps and what each guarantees. */
export async function runOperation<Input, Call extends PlannedCall, Answer, Plan>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: Operation<Input, Call, Answer, Plan>,
): Promise<INodeExecutionData[]> {
	const itemCount = items.length;
	const continueOnFail = ctx.continueOnFail();
	const errorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const fail = (error: unknown, itemIndex: number) => asNodeError(ctx.getNode(), error, itemIndex);

	// 1. Validate. Nothing per item is kept but its input: a bulk send holds 100,000 of them
	// until its output is built, so bad items are kept apart (they are few).
	const inputs: Array<Input | undefined> = [];
	const invalid = new Map<number, unknown>();
	const dryRun = operation.preview !== undefined && readDryRun(ctx);
	// The clock is read once, here: every item of the run is judged at the same instant.
	const quietHours = operation.quietHours ? new QuietHours(ctx, Date.now(), dryRun) : undefined;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const input = operation.validate(itemIndex);
			quietHours?.check(itemIndex);
			inputs.push(input);
		} catch (error) {
			if (!continueOnFail) throw fail(error, itemIndex);
			inputs.push(undefined);
			invalid.set(itemIndex, error);
		}
	}

	// 2. Plan.
	const { calls, plan } = operation.plan(inputs, (itemIndex) => !invalid.has(itemIndex));

	// 3 and 4. A dry run sends nothing: what is planned is exactly what would be sent.
	const sent = dryRun ? undefined : await sendCalls(ctx, itemCount, calls, operation, continueOnFail);

	// 5. Output, in input order.
	const failed = (outcome: CallOutcome<Answer>) => [failedItemJson(outcome.failed, operation.failedExtras?.(outcome), errorOutput)];
	const itemOutput = (itemIndex: number): IDataObject[] => {
		if (invalid.has(itemIndex)) return failed({ answers: [], failed: invalid.get(itemIndex) });
		const input = inputs[itemIndex] as Input;
		if (!sent) {
			const shown = operation.preview!(itemIndex, input, plan);
			return [quietHours ? quietHours.addTo(shown, itemIndex) : shown];
		}
		const outcome = sent.outcomeOf(itemIndex);
		if ('failed' in outcome) return failed(outcome);
		let json: IDataObject | IDataObject[];
		try {
			json = operation.output(itemIndex, input, outcome.answers, { plan, results: sent.results });
		} catch (error) {
			if (!continueOnFail) throw fail(error, itemIndex);
			return failed({ answers: outcome.answers, failed: error });
		}
		return Array.isArray(json) ? json : [json];
	};
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const pairedItem = { item: itemIndex };
		for (const json of itemOutput(itemIndex)) output.push({ json, pairedItem });
	}
	return output;
}
