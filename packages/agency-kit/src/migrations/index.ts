import { KitInbox1795460609931 } from './1795460609931-kit-inbox';
import { KitAuditLog1795464248298 } from './1795464248298-kit-audit-log';
import { KitReferralLifecycle1795469617690 } from './1795469617690-kit-referral-lifecycle';
import { KitMediators1795479533734 } from './1795479533734-kit-mediators';
import { KitMediationWork1795480455392 } from './1795480455392-kit-mediation-work';
import { KitAgreements1795480514029 } from './1795480514029-kit-agreements';

/** The kit's migrations, shared by every agency service; each runs them in its own schema. */
export const KIT_MIGRATIONS: Function[] = [
  KitInbox1795460609931,
  KitAuditLog1795464248298,
  KitReferralLifecycle1795469617690,
  KitMediators1795479533734,
  KitMediationWork1795480455392,
  KitAgreements1795480514029,
];
