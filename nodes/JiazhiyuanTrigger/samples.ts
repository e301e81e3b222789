import type { SmsReceipt } from '../common/receipt';
import { parseReplies, parseReports } from '../Jiazhiyuan/transport/parseXml';

/**
 * What "Fetch Test Event" shows by default. Jiazhiyuan hands each report and reply out once,
 * so a real fetch from the editor would take records away from the active workflow. The
 * samples are the vendor document's own answer shapes, read by the same parsers as real
 * answers, so a workflow built on them sees exactly the fields production emits.
 */
export const SAMPLE_NOTE =
	'Sample record: Jiazhiyuan hands out each report and reply once, so the editor does not fetch real ones (turn on Fetch Real Records When Testing to fetch them, which takes them away from the active workflow)';

const SAMPLE_REPORTS = `<smsreport>
<psreport><mobile>13800138000</mobile><username>sample</username><smslogid>10000000</smslogid><status>1</status><sendtime>2024-05-01 10:00:00.0</sendtime></psreport>
<psreport><mobile>13900139000</mobile><username>sample</username><smslogid>10000000</smslogid><status>0</status><sendtime>2024-05-01 10:00:02.0</sendtime></psreport>
</smsreport>`;

// Content is BASE64 of the GBK bytes of "退订" (unsubscribe), as the platform sends replies.
const SAMPLE_REPLIES = `<smsrerecv>
<psrerecv><mobile>13800138000</mobile><receiver>sample</receiver><content>zcu2qQ==</content><sendtime>2024-05-01 10:05:00.0</sendtime></psrerecv>
</smsrerecv>`;

export function sampleRecords(source: 'deliveryReports' | 'replies'): SmsReceipt[] {
	const parsed = source === 'deliveryReports' ? parseReports(SAMPLE_REPORTS) : parseReplies(SAMPLE_REPLIES);
	return parsed.records.map((record) => ({ ...record, sample: true, sampleNote: SAMPLE_NOTE }));
}
