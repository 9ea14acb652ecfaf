import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './playground.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundApp } from './playground-app';
import { loadPlaygroundSettings } from './playground-settings';

const root = createRoot(document.getElementById('playground')!);

loadPlaygroundSettings().then(
  (settings) =>
    root.render(
      <StrictMode>
        <PlaygroundApp settings={settings} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <p className="jembatan-playground-failure" role="alert">
        The playground could not start: {error instanceof Error ? error.message : String(error)}
      </p>,
    ),
);
