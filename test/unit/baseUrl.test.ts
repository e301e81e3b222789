import { baseUrlOf, joinBaseUrl } from '../../nodes/common/baseUrl';

describe('joinBaseUrl', () => {
	test('one slash between host and path, whatever either side brings', () => {
		expect(joinBaseUrl('https://106.ihuyi.com', '/webservice/sms.php?method=GetNum')).toBe('https://106.ihuyi.com/webservice/sms.php?method=GetNum');
		expect(joinBaseUrl(' http://smsapi.jzyyun.com:9003// ', 'servlet/UserServiceAPI')).toBe('http://smsapi.jzyyun.com:9003/servlet/UserServiceAPI');
		expect(joinBaseUrl('http://reseller.example/sms/', '//webservice/sms.php')).toBe('http://reseller.example/sms/webservice/sms.php');
	});

	test('a URL that already names its host is kept, so signing twice does not double it', () => {
		const once = joinBaseUrl('http://a.example', '/p');
		expect(joinBaseUrl('http://a.example', once)).toBe('http://a.example/p');
		expect(joinBaseUrl('http://a.example', 'HTTPS://b.example/q')).toBe('HTTPS://b.example/q');
	});
});

describe('baseUrlOf', () => {
	test("the credential's base URL, or the provider's host when it is empty", () => {
		expect(baseUrlOf({ baseUrl: ' http://r.example ' }, 'https://106.ihuyi.com')).toBe('http://r.example');
		expect(baseUrlOf({ baseUrl: '  ' }, 'https://106.ihuyi.com')).toBe('https://106.ihuyi.com');
		expect(baseUrlOf({}, 'https://106.ihuyi.com')).toBe('https://106.ihuyi.com');
	});
});
