// Kneadtime's service worker. scripts/post-build.mjs fills in the version and
// the precache list from each release build.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `kneadtime-${VERSION}`;
// The home page (prerendered), and the frame alone (no screen's content), which stands in
// for every other address: the app renders its screen.
const HOME = '/index.html';
const FRAME = '/404.html';

self.addEventListener('install', (event) => {
  // Wait (do not skip waiting): the page decides when to switch, never mid-session.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('kneadtime-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page, deep link and share link opens from the cache, offline and fast: home
    // as home, any other address as the frame, never with another address's screen.
    event.respondWith(
      caches
        .match(url.pathname === '/' ? HOME : FRAME, { cacheName: CACHE })
        .then((page) => page || fetch(request)),
    );
    return;
  }
  // Hashed assets and icons: cache first. Anything else from the network, never
  // caching an HTML fallback in place of a missing file.
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});
