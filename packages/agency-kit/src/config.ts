import { CommonEnv, loadConfig } from '@fengqiao/config';

export class AgencyEnv extends CommonEnv {}

export const loadAgencyConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(AgencyEnv, env);
