import { useState, type FormEvent } from 'react';
import type { PlaygroundSettings } from '../playground-settings';
import { TabCaller } from '../tabs/tab-caller';
import { AuditNotice } from './audit-notice';
import { purposesFor, type Identity } from './identity';

interface IdentityBarProps {
  settings: PlaygroundSettings;
  identity: Identity;
  onChange(identity: Identity): void;
  /** The subject of the token last sent, as the audit trails record it. */
  subject: string | null;
  /** The active tab's operation, to say whom it is written for. */
  activeOperation: string | null;
}

/**
 * Who the playground sends requests as (a development role or a pasted token, and a purpose),
 * in words as well as names, what the active tab needs, and that personal reads are recorded.
 */
export function IdentityBar({ settings, identity, onChange, subject, activeOperation }: IdentityBarProps) {
  const purposes = purposesFor(identity, settings);
  const { roles: roleWords, purposes: purposeWords } = settings.descriptions;
  return (
    <header className="jembatan-identity-bar">
      <div className="jembatan-identity-row">
        <strong className="jembatan-identity-title">Jembatan playground</strong>
        {identity.kind === 'development' ? (
          <label title="Development tokens: the gateway signs a short-lived one for the role you pick.">
            Role
            <select
              id="playground-role"
              value={identity.role}
              onChange={(event) => {
                const role = event.target.value;
                const allowed = settings.developmentTokens?.rolePurposes[role] ?? [];
                const purpose =
                  identity.purpose !== null && allowed.includes(identity.purpose) ? identity.purpose : null;
                onChange({ kind: 'development', role, purpose: purpose ?? allowed[0] ?? null });
              }}
            >
              {Object.keys(settings.developmentTokens?.rolePurposes ?? {}).map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            <span className="jembatan-description" id="playground-role-description">
              {roleWords[identity.role] ?? ''}
            </span>
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
          <span className="jembatan-description" id="playground-purpose-description">
            {identity.purpose === null
              ? 'No purpose: the unit directory and totals only, no personal data.'
              : (purposeWords[identity.purpose] ?? '')}
          </span>
        </label>
        {identity.kind === 'pasted' && (
          <span className="jembatan-identity-hint">
            Paste a token your identity provider issued; it stays in this page only.
          </span>
        )}
      </div>
      <div className="jembatan-identity-row">
        <TabCaller operationName={activeOperation} identity={identity} onSwitch={onChange} />
        <AuditNotice subject={subject} />
      </div>
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
