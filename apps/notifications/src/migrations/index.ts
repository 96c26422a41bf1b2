import { Notifications1795475393062 } from './1795475393062-notifications';
import { ViolenceRiskAlerts1795479600000 } from './1795479600000-violence-risk-alerts';
import { DropKnownCases1795481000000 } from './1795481000000-drop-known-cases';

/** This service's migrations, in order, as class references. */
export const MIGRATIONS: Function[] = [
  Notifications1795475393062,
  ViolenceRiskAlerts1795479600000,
  DropKnownCases1795481000000,
];
