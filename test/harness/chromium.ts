import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${command} could not run: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/**
 * Installs Debian's chromium when it is missing, as CI (root, Debian's registry reachable) needs
 * on a clean machine. Fails loudly when it cannot: a browser test that skips proves nothing.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; install it with: sudo apt-get install -y chromium`);
  }
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but not at ${CHROMIUM_PATH}`);
}

export async function launchChromium(): Promise<Browser> {
  await ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
