import { routerOf } from '../../common/router';
import * as internationalSms from './internationalSms';
import * as sms from './sms';
import * as voiceCode from './voiceCode';

export const router = routerOf({ sms, internationalSms, voiceCode });
