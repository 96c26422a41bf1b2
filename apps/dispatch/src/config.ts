import { CommonEnv, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'dispatch';
export const SCHEMA = 'dispatch';

export class DispatchEnv extends CommonEnv {}

export const loadDispatchConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(DispatchEnv, env);
