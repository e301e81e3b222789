import { productResource } from '../shared/productResource';
import * as send from './send.operation';

export const { operations, description, displayName } = productResource('sms', send, {
	action: 'Send an SMS',
	description: 'Send a verification code or notification to a mainland-China mobile',
});
