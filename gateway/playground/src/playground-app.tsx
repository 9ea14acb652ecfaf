import { useCallback, useEffect, useMemo, useState } from 'react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { authenticatedFetcher } from './authenticated-fetcher';
import { developmentTokens } from './identity/development-tokens';
import { initialIdentity, remember, type Identity } from './identity/identity';
import { IdentityBar } from './identity/identity-bar';
import { identityHeaders } from './identity/identity-headers';
import { subjectOfBearer } from './identity/token-subject';
import type { PlaygroundSettings } from './playground-settings';
import { ResultViews } from './results/result-views';
import { ActiveOperationReporter } from './tabs/active-operation';
import { SAVED_TABS } from './tabs/saved-tabs';
import { isFirstVisit, savedTabStorage } from './tabs/tab-storage';

/** GraphiQL's query history (its default) and the explorer, which builds queries by ticking fields. */
const PLUGINS = [HISTORY_PLUGIN, explorerPlugin()];
/** GraphiQL's built-in documentation explorer, open when the page loads. */
const DOCS_PLUGIN_TITLE = 'Documentation Explorer';
const DEFAULT_TABS = [...SAVED_TABS];
const TAB_STORAGE = savedTabStorage(SAVED_TABS);

export function PlaygroundApp({ settings }: { settings: PlaygroundSettings }) {
  const [identity, setIdentity] = useState<Identity>(() => initialIdentity(settings));
  // GraphiQL fills the first tab's variables editor from this prop only, not from the tab itself.
  const [firstTabVariables] = useState(() =>
    isFirstVisit(TAB_STORAGE) ? (SAVED_TABS[0]?.variables ?? undefined) : undefined,
  );
  const tokens = useMemo(
    () => (settings.developmentTokens ? developmentTokens(settings.developmentTokens.path) : null),
    [settings],
  );
  const [subject, setSubject] = useState<string | null>(null);
  const [activeOperation, setActiveOperation] = useState<string | null>(null);
  // Every request (GraphQL and CSV) goes with these; the token's subject is whom the audit trails name.
  const requestHeaders = useCallback(async () => {
    const headers = await identityHeaders(identity, tokens);
    setSubject(subjectOfBearer(headers.authorization));
    return headers;
  }, [identity, tokens]);
  // A new fetcher per identity: GraphiQL reloads the schema with it, as the new caller sees it.
  const fetcher = useMemo(() => authenticatedFetcher(settings.graphqlPath, requestHeaders), [requestHeaders, settings]);
  useEffect(() => remember(identity), [identity]);
  return (
    <div className="jembatan-playground">
      <IdentityBar
        settings={settings}
        identity={identity}
        onChange={setIdentity}
        subject={subject}
        activeOperation={activeOperation}
      />
      <div className="jembatan-playground-ide">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={DEFAULT_TABS}
          initialVariables={firstTabVariables}
          storage={TAB_STORAGE}
          plugins={PLUGINS}
          visiblePlugin={DOCS_PLUGIN_TITLE}
          defaultEditorToolsVisibility="variables"
          schemaDescription
        >
          <GraphiQL.Footer>
            <ActiveOperationReporter onChange={setActiveOperation} />
            <ResultViews csvPath={settings.csvPath} requestHeaders={requestHeaders} />
          </GraphiQL.Footer>
        </GraphiQL>
      </div>
    </div>
  );
}
