/** reportParseRatio: 20,000 delivery reports read into items vs a bare fast-xml-parser parse. */
import { XMLParser } from 'fast-xml-parser';

import { parseReports } from '../../nodes/Jiazhiyuan/transport/parseXml';
import { timed } from './measure';

export function reportXml(count: number): string {
	const rows: string[] = [];
	for (let i = 0; i < count; i++) {
		rows.push(`<psreport>\n  <mobile>135${String(i).padStart(8, '0')}</mobile>\n  <username>jzy-demo</username>\n  <smslogid>${337017332 + Math.floor(i / 20000)}</smslogid>\n  <status>${i % 10 === 0 ? 0 : 1}</status>\n  <sendtime>2024-05-01 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.0</sendtime>\n  </psreport>`);
	}
	return `<?xmlversion="1.0" encoding="utf-8" ?>\n<smsreport>\n${rows.join('\n')}\n</smsreport>`;
}

export async function parseOurs(xml: string): Promise<number> {
	return await timed(async () => {
		const { records } = parseReports(xml);
		if (records.length !== 20000) throw new Error(`parsed ${records.length}`);
	});
}

const bare = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, ignoreDeclaration: true, ignorePiTags: true });

export async function parseBare(xml: string): Promise<number> {
	return await timed(async () => {
		const document = bare.parse(xml) as { smsreport: { psreport: unknown[] } };
		if (document.smsreport.psreport.length !== 20000) throw new Error('bare parse failed');
	});
}
