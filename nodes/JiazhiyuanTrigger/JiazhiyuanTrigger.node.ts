import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { asNodeError } from '../common/errors';
import { optionsCollection } from '../common/optionsCollection';
import type { SmsReceipt } from '../common/receipt';
import { withUnsubscribe } from '../common/unsubscribe';
import { readUnsubscribeKeywords, unsubscribeKeywordsOption } from '../common/unsubscribeKeywordsOption';
import { parseReplies, parseReports } from '../Jiazhiyuan/transport/parseXml';
import { readRecords } from '../Jiazhiyuan/transport/readRecords';
import { rememberNew } from './recentKeys';
import { sampleRecords } from './samples';

const SOURCES = {
	deliveryReports: { method: 'getSmsReport', parse: parseReports },
	replies: { method: 'getRecvSMS', parse: parseReplies },
} as const;

type Source = keyof typeof SOURCES;

/**
 * Polls Jiazhiyuan for delivery reports and replies on n8n's poll schedule and starts the
 * workflow with one item per new record. The platform hands each record out once, so what
 * a poll fetched is never dropped: a record that cannot be read is still emitted (with
 * `problem`), and when one of the two queries fails the other's records still go out.
 * For the same reason a test click in the editor shows samples unless the user asks for a
 * real fetch. Static data (the keys of records already emitted) is read and written only
 * here in poll(), as n8n saves it after each poll.
 */
export class JiazhiyuanTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jiazhiyuan Trigger',
		name: 'jiazhiyuanTrigger',
		icon: { light: 'file:../Jiazhiyuan/jiazhiyuan.svg', dark: 'file:../Jiazhiyuan/jiazhiyuan.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Jiazhiyuan (嘉之元) has new delivery reports or replies',
		defaults: { name: 'Jiazhiyuan Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jiazhiyuanApi', required: true }],
		properties: [
			{
				displayName:
					'Jiazhiyuan hands out each report and reply once: this trigger takes them off the platform. Do not also fetch them with the Jiazhiyuan node or another workflow on the same account. Poll about once a minute; the platform refuses queries that come too often.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Delivery Report (状态报告)', value: 'deliveryReports' },
					{ name: 'Reply (上行回复)', value: 'replies' },
				],
				default: ['deliveryReports', 'replies'],
				description: 'What each poll fetches',
			},
			{
				displayName: 'Failed Reports Only',
				name: 'failedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether only reports of messages that were not delivered start the workflow (the others are fetched and dropped)',
				displayOptions: { show: { events: ['deliveryReports'] } },
			},
			{
				displayName:
					'Fetch Test Event shows marked sample records, not real ones: a real fetch would take the records off the platform, and the active workflow would never see them.',
				name: 'testNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { fetchInTest: [false] } },
			},
			{
				displayName: 'Fetch Real Records When Testing',
				name: 'fetchInTest',
				type: 'boolean',
				default: false,
				description:
					'Whether Fetch Test Event fetches real reports and replies. They are handed out once: what the editor fetches never reaches the active workflow.',
			},
			optionsCollection([unsubscribeKeywordsOption]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as Source[];
		const failedOnly = this.getNodeParameter('failedOnly', false) as boolean;
		const isWanted = (record: SmsReceipt) => !(failedOnly && record.event === 'deliveryReceipt' && record.status === 'delivered');
		const keywords = readUnsubscribeKeywords(this.getNodeParameter('options', {}) as IDataObject);
		const toItem = (record: SmsReceipt): INodeExecutionData => ({ json: withUnsubscribe(record, keywords) });
		if (this.getMode() === 'manual' && !(this.getNodeParameter('fetchInTest', false) as boolean)) {
			// A test click must consume nothing: no request, no static data.
			const samples = events.flatMap((source) => sampleRecords(source)).filter(isWanted);
			return samples.length > 0 ? [samples.map(toItem)] : null;
		}
		const records: SmsReceipt[] = [];
		const errors: unknown[] = [];
		for (const source of events) {
			try {
				records.push(...(await fetchSource(this, source)));
			} catch (error) {
				errors.push(error);
			}
		}
		if (errors.length > 0 && records.length === 0) throw asNodeError(this.getNode(), errors[0]);
		for (const error of errors) {
			this.logger.warn(`Jiazhiyuan Trigger: a query failed, the records of the others are kept: ${(error as Error).message}`);
		}

		const fresh = rememberNew(this.getWorkflowStaticData('node') as IDataObject, records);
		const wanted = fresh.filter(isWanted);
		if (wanted.length === 0) return null;
		return [wanted.map(toItem)];
	}
}

async function fetchSource(ctx: IPollFunctions, source: Source): Promise<SmsReceipt[]> {
	const { method, parse } = SOURCES[source];
	return await readRecords(ctx, { method, itemIndex: 0 }, parse);
}
