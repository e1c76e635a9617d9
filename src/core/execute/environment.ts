/** Where a test activation goes: Pinterest's production API or the local simulator (never the sandbox: pinterest/sandbox.ts). */
import type { Environment } from '../plan/activation';

export const BASE_URLS: Record<Exclude<Environment, 'local'>, string> = {
  production: 'https://api.pinterest.com/v5',
};

const PINTEREST_BASE = /^https:\/\/api(?:-sandbox)?\.pinterest\.com\/v5(?=\/|$)/;

/**
 * Templates address Pinterest's production API (that is what AEP calls); a test activation sends
 * the same request to the chosen environment's base URL instead.
 */
export function retarget(url: string, baseUrl: string): string {
  return url.replace(PINTEREST_BASE, baseUrl.replace(/\/$/, ''));
}
