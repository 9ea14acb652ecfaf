import type { Identity } from '../identity/identity';
import { savedOperationNamed } from './saved-tabs';

interface TabCallerProps {
  operationName: string | null;
  identity: Identity;
  onSwitch(identity: Identity): void;
}

/** Which role and purpose the active saved tab is written for, and a click to send as them. */
export function TabCaller({ operationName, identity, onSwitch }: TabCallerProps) {
  const caller = savedOperationNamed(operationName)?.caller;
  if (!caller) return null;
  const { role, purpose } = caller;
  // A pasted token's roles are the identity provider's: only the purpose can be switched here.
  const matches = identity.purpose === purpose && (identity.kind === 'pasted' || identity.role === role);
  const switchTo = (): Identity =>
    identity.kind === 'development' ? { kind: 'development', role, purpose } : { ...identity, purpose };
  return (
    <p className="jembatan-tab-caller" data-role={role} data-purpose={purpose}>
      <strong>{operationName}</strong> is written for role <code>{role}</code> with purpose <code>{purpose}</code>
      {matches ? (
        <span className="jembatan-tab-caller-ok"> — that is who you send as.</span>
      ) : (
        <button type="button" className="jembatan-tab-caller-switch" onClick={() => onSwitch(switchTo())}>
          {identity.kind === 'development' ? `Switch to ${role} · ${purpose}` : `Declare ${purpose}`}
        </button>
      )}
    </p>
  );
}
