/** Injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
