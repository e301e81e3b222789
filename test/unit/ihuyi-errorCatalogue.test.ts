import { lookupCode } from '../../nodes/Ihuyi/transport/errorCatalogue';

// The code tables of ihuyi's documents (provider-docs: domestic SMS, international SMS,
// voice code), copied here so that a code dropped from the catalogue fails this test.
const DOCUMENTED = {
	sms: ['0', '400', '401', '402', '403', '4030', '404', '405', '4050', '40501', '40502', '4051', '4052', '406', '407', '4070', '4071', '4072', '40722', '4073', '4074', '4075', '408', '4080', '4082', '4085'],
	internationalSms: ['0', '400', '401', '402', '403', '4030', '404', '405', '4050', '4051', '4052', '406', '407', '4071', '4072', '40722', '4073', '408'],
	voiceCode: ['0', '400', '401', '402', '403', '4030', '404', '405', '4050', '4051', '4052', '406', '407', '4070', '408'],
} as const;

describe('ihuyi error catalogue', () => {
	for (const [product, codes] of Object.entries(DOCUMENTED)) {
		test(`every documented ${product} code has Chinese text, an explanation and a hint`, () => {
			for (const code of codes) {
				const info = lookupCode(product as keyof typeof DOCUMENTED, code);
				expect({ code, known: info !== undefined }).toEqual({ code, known: true });
				if (!info) continue;
				expect(info.zh).toMatch(/[\u4e00-\u9fff]/);
				expect(info.en.length).toBeGreaterThan(5);
				expect(info.hint.length).toBeGreaterThan(10);
			}
		});
	}

	test('4070 means a bad signature for SMS but a bad code for voice', () => {
		expect(lookupCode('sms', '4070')!.en).toMatch(/signature/i);
		expect(lookupCode('voiceCode', '4070')!.en).toMatch(/4–6 digits/);
	});

	test('4052 tells the user to bind the server IP or remove the binding', () => {
		expect(lookupCode('sms', '4052')!.hint).toMatch(/public IP address/);
		expect(lookupCode('sms', '4052')!.hint).toMatch(/remove the IP binding/);
	});

	test('4072 says the content must match the template character for character', () => {
		expect(lookupCode('sms', '4072')!.hint).toMatch(/character for character/);
	});

	test('credential problems carry the credential-invalid cause; balance is quota-exhausted', () => {
		expect(lookupCode('sms', '405')!.cause).toBe('credential-invalid');
		expect(lookupCode('sms', '4051')!.cause).toBe('quota-exhausted');
		expect(lookupCode('sms', '4080')!.cause).toBe('rate-limited');
	});
});
