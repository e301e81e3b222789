import { parseReports } from '../../transport/parseXml';
import { fetchRecordsOperation } from './fetchRecords';

export const { description, execute } = fetchRecordsOperation('getDeliveryReports', 'delivery report', 'getSmsReport', parseReports);
