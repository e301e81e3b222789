import { routerOf } from '../../common/router';
import * as account from './account';
import * as report from './report';
import * as sms from './sms';

export const router = routerOf({ sms, account, report });
