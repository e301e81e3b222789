import { productResource } from '../shared/productResource';
import * as send from './send.operation';

export const { operations, description, displayName } = productResource('internationalSms', send, {
	action: 'Send an international SMS',
	description: 'Send an SMS to a number outside mainland China',
});
