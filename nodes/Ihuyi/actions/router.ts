import { routerOf } from '../../common/router';
import * as internationalSms from './internationalSms';
import * as push from './push';
import * as sms from './sms';
import * as template from './template';
import * as voiceCode from './voiceCode';

export const router = routerOf({ sms, template, internationalSms, voiceCode, push });
