import { useState, type FormEvent } from 'react';
import type { PlaygroundSettings } from '../playground-settings';
import { purposesFor, type Identity } from './identity';

interface IdentityBarProps {
  settings: PlaygroundSettings;
  identity: Identity;
  onChange(identity: Identity): void;
}

/** Who the playground sends requests as: a development role or a pasted token, and a purpose. */
export function IdentityBar({ settings, identity, onChange }: IdentityBarProps) {
  const purposes = purposesFor(identity, settings);
  return (
    <header className="jembatan-identity-bar">
      <strong className="jembatan-identity-title">Jembatan playground</strong>
      {identity.kind === 'development' ? (
        <label>
          Role
          <select
            id="playground-role"
            value={identity.role}
            onChange={(event) => {
              const role = event.target.value;
              const allowed = settings.developmentTokens?.rolePurposes[role] ?? [];
              const purpose = identity.purpose !== null && allowed.includes(identity.purpose) ? identity.purpose : null;
              onChange({ kind: 'development', role, purpose: purpose ?? allowed[0] ?? null });
            }}
          >
            {Object.keys(settings.developmentTokens?.rolePurposes ?? {}).map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <PastedToken token={identity.token} onUse={(token) => onChange({ ...identity, token })} />
      )}
      <label>
        Purpose
        <select
          id="playground-purpose"
          value={identity.purpose ?? ''}
          onChange={(event) =>
            onChange({ ...identity, purpose: event.target.value === '' ? null : event.target.value })
          }
        >
          <option value="">none (directory and aggregates)</option>
          {purposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {purpose}
            </option>
          ))}
        </select>
      </label>
      <span className="jembatan-identity-hint">
        {identity.kind === 'development'
          ? 'Development tokens: this gateway signs a short-lived token for the role you pick.'
          : 'Paste a token your identity provider issued; it stays in this page only.'}
      </span>
    </header>
  );
}

/** Takes the token on submit, not per keystroke: each change of identity reloads the schema. */
function PastedToken({ token, onUse }: { token: string; onUse(token: string): void }) {
  const [draft, setDraft] = useState(token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onUse(draft.trim());
  };
  return (
    <form className="jembatan-pasted-token" onSubmit={submit}>
      <label>
        Token
        <input
          id="playground-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="eyJ…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <button type="submit">Use token</button>
    </form>
  );
}
