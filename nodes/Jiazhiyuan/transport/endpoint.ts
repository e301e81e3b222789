/** Where Jiazhiyuan's API is: its own host, and the one servlet every method is posted to. */
export const DEFAULT_BASE_URL = 'http://smsapi.jzyyun.com:9003';
export const SERVLET_PATH = '/servlet/UserServiceAPI';
