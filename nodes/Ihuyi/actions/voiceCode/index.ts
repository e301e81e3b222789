import { productResource } from '../shared/productResource';
import * as send from './send.operation';

export const { operations, description, displayName } = productResource('voiceCode', send, {
	action: 'Send a voice code',
	description: 'Call a mainland-China mobile and read out a 4–6 digit code',
});
