import { seedLedgerMigrations } from '@jembatan/kit';
import { CreateSocialSecurityLedger1732406400200 } from './1732406400200-CreateSocialSecurityLedger';

/** In order of application; a released migration is never edited, only followed by a new one. */
export const bpjsMigrations = [...seedLedgerMigrations, CreateSocialSecurityLedger1732406400200];
