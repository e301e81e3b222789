import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { CallResults } from '../../../common/runner/operation';
import type { ItemPlan, PlannedCall } from './planCalls';

/**
 * Skip Repeated Numbers leaves a number out of an item because an earlier item sends it the
 * same message. When the earlier item's call failed (Continue On Fail lets the run go on),
 * the number was not sent by either: this item then fails and says why, never reporting the
 * number as done. Only looked at when some call failed.
 */
export function failIfRepeatLost(node: INode, itemIndex: number, plan: ItemPlan, calls: PlannedCall[], results: CallResults<PlannedCall>): void {
	for (const repeat of plan.repeatsSkipped) {
		const carrier = calls.find((call) => call.items.includes(repeat.item) && call.fields.mobile.split(',').includes(repeat.mobile));
		const failure = carrier && results.failureOf(carrier);
		if (failure === undefined) continue;
		const reason = (failure as { message?: string }).message ?? String(failure);
		throw new NodeOperationError(node, `Item ${itemIndex}: ${repeat.mobile} was not sent`, {
			itemIndex,
			description: `It was left out as a repeat of item ${repeat.item}, whose call failed (${reason}), so neither item sent it. Send it again once the failure is cleared, or turn off Skip Repeated Numbers to send every item's numbers as they are.`,
		});
	}
}
