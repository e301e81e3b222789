/**
 * Property-based tests of the ihuyi answer parser: generated and mutated JSON and XML
 * answers, and arbitrary text, never make it throw or hang; a well-formed answer always
 * reads back exactly, ids included.
 */
import fc from 'fast-check';

import { parseIhuyiAnswer } from '../../nodes/Ihuyi/transport/parseAnswer';
import { count } from './summary';

const RUNS = 4000;

const code = fc.oneof(fc.constantFrom(0, 2, 400, 405, 4050, 4052, 40501, 40502, 4072, 4085), fc.integer({ min: -5, max: 99999 }));
const id = fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String);
const text = fc.string({ unit: 'grapheme', maxLength: 40 });

const jsonAnswer = fc.record({ code, msg: text, smsid: id }).map(({ code: c, msg, smsid }) => ({
	text: `{"code":${c},"msg":${JSON.stringify(msg)},"smsid":"${smsid}"}`,
	code: String(c),
	smsid,
}));

const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAnswer = fc
	.record({ code, msg: text, smsid: id, ns: fc.constantFrom('', ' xmlns="106.ihuyi.com"', ' xmlns="http://106.ihuyi.com/"') })
	.map(({ code: c, msg, smsid, ns }) => ({
		text: `<?xml version="1.0" encoding="utf-8"?>\n<SubmitResult${ns}><code>${c}</code><msg>${xmlEscape(msg)}</msg><smsid>${smsid}</smsid></SubmitResult>`,
		code: String(c),
		smsid,
	}));

/** Cuts, duplicates or replaces a slice of a valid answer. */
const mutated = fc.oneof(jsonAnswer, xmlAnswer).chain(({ text: original }) =>
	fc.tuple(fc.nat(original.length), fc.nat(original.length), fc.string({ maxLength: 8 }), fc.constantFrom('cut', 'insert', 'replace', 'double')).map(
		([a, b, insert, how]) => {
			const [from, to] = a <= b ? [a, b] : [b, a];
			switch (how) {
				case 'cut':
					return original.slice(0, from);
				case 'insert':
					return original.slice(0, from) + insert + original.slice(from);
				case 'double':
					return original + original;
				default:
					return original.slice(0, from) + insert + original.slice(to);
			}
		},
	),
);

describe('ihuyi answer parser under fuzzing', () => {
	test('well-formed JSON answers read back exactly', () => {
		fc.assert(
			fc.property(jsonAnswer, ({ text: answer, code: c, smsid }) => {
				count('fuzzing', 'cases');
				const result = parseIhuyiAnswer(answer, ['smsid']);
				return result.ok && result.answer.code === c && result.answer.id === smsid;
			}),
			{ numRuns: RUNS },
		);
	});

	test('well-formed XML answers read back exactly, whatever the namespace', () => {
		fc.assert(
			fc.property(xmlAnswer, ({ text: answer, code: c, smsid }) => {
				count('fuzzing', 'cases');
				const result = parseIhuyiAnswer(answer, ['smsid']);
				return result.ok && result.answer.code === c && result.answer.id === smsid;
			}),
			{ numRuns: RUNS },
		);
	});

	test('mutated answers and arbitrary text never throw', () => {
		fc.assert(
			fc.property(fc.oneof(mutated, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (answer) => {
				count('fuzzing', 'cases');
				const result = parseIhuyiAnswer(answer, ['smsid', 'ismsid', 'voiceid']);
				return typeof result.ok === 'boolean' && (result.ok ? /^-?\d+$/.test(result.answer.code) : result.reason.length > 0);
			}),
			{ numRuns: RUNS },
		);
	});
});
