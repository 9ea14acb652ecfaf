import type { GraphiQLProps } from 'graphiql';

type GraphiqlStorage = NonNullable<GraphiQLProps['storage']>;

/** Where GraphiQL keeps the tabs in its storage (its `graphiql` namespace and `tabState` key). */
const GRAPHIQL_TABS_KEY = 'graphiql:tabState';

/** FNV-1a: a short, stable fingerprint of the saved tabs; not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * GraphiQL keeps the user's tabs in localStorage and opens the default tabs only when none are
 * stored. Keyed by the saved operations themselves, a bundle with new or changed operations
 * opens them, while edits made to the current ones survive a reload.
 */
export function savedTabStorage(tabs: readonly unknown[]): GraphiqlStorage {
  const prefix = `jembatan-playground:${fingerprint(JSON.stringify(tabs))}:`;
  const owned = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => owned().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return owned().length;
    },
  };
}

/** True until GraphiQL has stored tabs, i.e. on a first visit with these saved operations. */
export function isFirstVisit(storage: GraphiqlStorage): boolean {
  return storage.getItem(GRAPHIQL_TABS_KEY) === null;
}
