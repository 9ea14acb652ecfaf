import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian-package';

/** Debian's chromium package, the browser the playground is proven with (playwright-core drives it). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless and quiet: without the background-networking switches Chromium phones home for
 * components, field trials and sync, and a closed machine refuses those connections.
 * Playwright gives every launch a fresh, throwaway profile.
 */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, installed when missing (CI's clean machine). */
export const ensureChromium = () => ensureDebianPackage(CHROMIUM_PATH, 'chromium');

export async function launchChromium(): Promise<Browser> {
  await ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
