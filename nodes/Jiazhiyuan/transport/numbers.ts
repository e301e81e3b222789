/** One sendSMS call takes at most this many numbers ("最大2万个号码", vendor document). */
export const MAX_NUMBERS_PER_CALL = 20000;
