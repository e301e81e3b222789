import { parseReplies } from '../../transport/parseXml';
import { fetchRecordsOperation } from './fetchRecords';

export const { description, execute } = fetchRecordsOperation('getReplies', 'reply', 'getRecvSMS', parseReplies);
