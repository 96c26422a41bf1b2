import { IsInt, Max, Min } from 'class-validator';
import { loadConfig, PersonalDataServiceEnv } from '@fengqiao/config';

/** An agency service keeps parties' and mediators' personal data, so it reads the PII keys too. */
export class AgencyEnv extends PersonalDataServiceEnv {
  /** 一事一回访: how many whole days after a resolved referral is closed its follow-up is planned for. */
  @IsInt()
  @Min(0)
  @Max(90)
  FOLLOW_UP_AFTER_DAYS: number = 7;
}

export const loadAgencyConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(AgencyEnv, env);
