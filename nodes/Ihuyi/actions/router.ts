import { routerOf } from '../../common/router';
import * as internationalSms from './internationalSms';
import * as push from './push';
import * as sms from './sms';
import * as template from './template';
import * as voiceCode from './voiceCode';
import * as voiceNotification from './voiceNotification';

/** The node's resources, in the order its Resource option lists them: each folder is one. */
export const resources = { sms, template, internationalSms, voiceCode, voiceNotification, push };

export const router = routerOf(resources);
