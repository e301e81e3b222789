// n8n's credential tester reads a rule's key with lodash's `get` (lodash comes with n8n-core);
// the tests use the same function so paths such as "0" or "length" resolve as in n8n.
declare module 'lodash/get' {
	export default function get(object: unknown, path: string): unknown;
}
