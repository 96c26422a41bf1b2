import { loadConfig, PersonalDataServiceEnv } from '@fengqiao/config';

/** An agency service keeps parties' and mediators' personal data, so it reads the PII keys too. */
export class AgencyEnv extends PersonalDataServiceEnv {}

export const loadAgencyConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(AgencyEnv, env);
