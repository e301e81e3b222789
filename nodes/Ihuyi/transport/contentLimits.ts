/**
 * The longest content ihuyi takes per product, checked before sending: ihuyi answers 4073
 * above it, and by then the item had looked fine.
 */

/**
 * Domestic SMS: "支持 300 個字的長短信" — the `content` parameter of Submit in ihuyi's
 * 验证码短信 (verification/notification SMS) API document. Counted in characters of the
 * content as sent (in template mode: the variables joined by "|").
 */
export const DOMESTIC_SMS_MAX_CHARACTERS = 300;

/**
 * International SMS: ihuyi's 国际短信 API document states no limit for `content`; 500 is the
 * long-SMS limit of ihuyi's current web documentation, the highest figure ihuyi gives.
 */
export const INTERNATIONAL_SMS_MAX_CHARACTERS = 500;

/** Voice notification: "支持 180 个字" — the `content` parameter in ihuyi's 语音通知 document. */
export const VOICE_NOTIFICATION_MAX_CHARACTERS = 180;
