import { productResource } from '../shared/productResource';
import * as send from './send.operation';

export const { operations, description, displayName } = productResource('voiceNotification', send, {
	action: 'Send a voice notification',
	description: 'Call a mainland-China mobile or fixed line and read out a notification',
});
