import { useEffect } from 'react';
import { pick, useGraphiQL } from '@graphiql/react';
import { operationNameFor } from '../operation-name';

/**
 * Reports the name of the active tab's operation to the page around GraphiQL (which cannot
 * read GraphiQL's state itself); renders nothing. Named from the document, like a run is.
 */
export function ActiveOperationReporter({ onChange }: { onChange(name: string | null): void }) {
  const { tabs, activeTabIndex } = useGraphiQL(pick('tabs', 'activeTabIndex'));
  const tab = tabs[activeTabIndex];
  const name = tab ? (operationNameFor(tab.query ?? '', tab.operationName) ?? null) : null;
  useEffect(() => onChange(name), [name, onChange]);
  return null;
}
