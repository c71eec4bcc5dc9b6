// The release build in dist/, served as the e2e tests serve it (sirv, unknown paths get
// the 404.html app shell), behind a small front that can go "offline" (refuse every
// connection) and, for engines without page events, puts an error recorder in each page.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';

/** Where the in-page recorder keeps what it saw: per window, kept across reloads. */
export const PROBLEMS_KEY = 'kneadtime-engines.problems';

/**
 * @typedef {object} Site
 * @property {string} origin   the front's http://127.0.0.1:<port>
 * @property {() => Promise<void>} offline  refuses connections, as a network that is down
 * @property {() => Promise<void>} online
 * @property {() => Promise<void>} close
 */

/**
 * Runs in the page, first of all its scripts: notes page errors, unhandled rejections, CSP
 * violations and console errors (a panic among them) in sessionStorage, for an engine whose
 * driver reports no page events (WebKitWebDriver speaks classic WebDriver only). Being the
 * first script, it sees everything the page does, offline too (the service worker caches
 * this shell); not what the service worker itself throws.
 * @param {string} key
 */
function recordProblems(key) {
  /** @param {'error' | 'note'} kind @param {string} text */
  const note = (kind, text) => {
    const list = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    list.push({ kind, text: `${location.pathname}: ${text}` });
    sessionStorage.setItem(key, JSON.stringify(list));
  };
  addEventListener('error', (event) => note('error', `page error: ${event.message}`));
  // WebKit's stack has no message: both.
  addEventListener('unhandledrejection', (event) => note('error', `unhandled rejection: ${event.reason} ${event.reason?.stack ?? ''}`));
  addEventListener('securitypolicyviolation', (event) => note('error', `CSP blocked ${event.blockedURI} (${event.violatedDirective})`));
  const consoleError = console.error;
  console.error = (/** @type {unknown[]} */ ...args) => {
    const text = args.map(String).join(' ');
    note(text.includes('panicked at') ? 'error' : 'note', `console.error: ${text}`);
    consoleError.apply(console, args);
  };
}

/**
 * Runs in the page: what the recorder noted in this window since the last call.
 * @param {string} key  PROBLEMS_KEY
 * @returns {{ kind: 'error' | 'note', text: string }[]}
 */
export function takeRecorded(key) {
  const list = JSON.parse(sessionStorage.getItem(key) ?? '[]');
  sessionStorage.removeItem(key);
  return list;
}

const RECORDER = `(${recordProblems})(${JSON.stringify(PROBLEMS_KEY)});`;
const RECORDER_HASH = `'sha256-${createHash('sha256').update(RECORDER).digest('base64')}'`;
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;

/**
 * The app shell with the recorder as its first script. The page's own policy stays in
 * force: it only gains the recorder's hash, as post-build.mjs adds those of the app's scripts.
 * @param {string} html
 */
function withRecorder(html) {
  if (!CSP_META.test(html) || !html.includes("script-src 'self'")) {
    throw new Error('the app shell has no Content-Security-Policy <meta> with script-src: has its layout changed?');
  }
  return html
    .replace("script-src 'self'", `script-src 'self' ${RECORDER_HASH}`)
    .replace(CSP_META, (meta) => `${meta}\n    <script>${RECORDER}</script>`);
}

/**
 * Starts sirv on `port`, exactly the e2e suite's server, and waits until it answers.
 * @param {number} port
 * @returns {Promise<() => void>} stops it
 */
export async function startSirv(port) {
  const sirv = spawn('node_modules/.bin/sirv', ['dist', '--single', '404.html', '--host', '127.0.0.1', '--port', String(port), '--quiet'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.on('exit', () => sirv.kill());
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (sirv.exitCode !== null) throw new Error(`sirv exited with ${sirv.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return () => sirv.kill();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`sirv did not answer on port ${port}: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A front on `port` passing every request to the sirv on `upstream`; with `recorder`,
 * HTML comes back with the recorder in it (the service worker then caches that shell, so
 * pages opened offline are watched too).
 * @param {{ port: number, upstream: number, recorder: boolean }} options
 * @returns {Promise<Site>}
 */
export async function openSite({ port, upstream, recorder }) {
  if (recorder) withRecorder(readFileSync('dist/index.html', 'utf8'));
  const server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, 'accept-encoding': 'identity' };
    const forward = request({ host: '127.0.0.1', port: upstream, path: incoming.url, method: incoming.method, headers }, (answer) => {
      const html = recorder && String(answer.headers['content-type']).startsWith('text/html');
      if (!html) {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        return;
      }
      /** @type {Buffer[]} */
      const chunks = [];
      answer.on('data', (chunk) => chunks.push(chunk));
      answer.on('end', () => {
        const { 'content-length': _length, ...rest } = answer.headers;
        outgoing.writeHead(answer.statusCode ?? 502, rest);
        outgoing.end(withRecorder(Buffer.concat(chunks).toString('utf8')));
      });
    });
    forward.on('error', (error) => outgoing.writeHead(502).end(String(error)));
    incoming.pipe(forward);
  });
  const listen = () => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
  await listen();
  return { origin: `http://127.0.0.1:${port}`, offline: stop, online: listen, close: stop };
}
