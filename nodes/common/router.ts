import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What every `<operation>.operation.ts` exports. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** A resource folder's index: its operations by value, as the Operation selector names them. */
export interface Resource {
	operations: Record<string, Operation>;
}

/** The properties of a resource's operations, in the order the resource lists them. */
export function operationProperties(operations: Record<string, Operation>): INodeProperties[] {
	return Object.values(operations).flatMap((operation) => operation.description);
}

/**
 * The node's execute: hands all items to the chosen operation of the chosen resource, so an
 * operation is found from its resource's index alone and adding one touches nothing here.
 */
export function routerOf(resources: Record<string, Resource>) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const operations = resources[resource]?.operations;
		const handler = operations && Object.prototype.hasOwnProperty.call(operations, operation) ? operations[operation] : undefined;
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
		}
		return [await handler.execute.call(this, items)];
	};
}
