export * from './create-response-cache';
export * from './response-cache-config';
export { RESPONSE_CACHE_HEADER, type ResponseCacheEvent } from './response-cache-plugin';
