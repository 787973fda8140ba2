// Plain script on purpose: this page must work when the app itself does not.
document.getElementById('reset').addEventListener('click', async () => {
  const out = document.getElementById('result');
  try {
    const regs = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
    await Promise.all(regs.map((r) => r.unregister()));
    const all = document.getElementById('library').checked;
    // The library's pages and images go only with the library.
    const library = ['folio-pages', 'folio-images'];
    const keys = (window.caches ? await caches.keys() : []).filter((k) => all || !library.includes(k));
    await Promise.all(keys.map((k) => caches.delete(k)));
    if (all && window.indexedDB) {
      await new Promise((ok) => { const r = indexedDB.deleteDatabase('folio'); r.onsuccess = r.onerror = r.onblocked = ok; });
    }
    out.textContent = `Done: ${regs.length} service worker(s) and ${keys.length} cache(s) removed. Opening Folio…`;
    setTimeout(() => { location.href = './'; }, 1500);
  } catch (e) {
    out.textContent = 'Reset failed: ' + e;
  }
});
