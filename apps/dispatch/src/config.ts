import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PersonalDataServiceEnv, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'dispatch';
export const SCHEMA = 'dispatch';

export class DispatchEnv extends PersonalDataServiceEnv {
  /** 重复件: a case repeats an earlier one of the same party or address registered within this many days. */
  @IsInt()
  @Min(1)
  @Max(3650)
  REPEAT_WINDOW_DAYS: number = 180;

  /** 推诿扯皮: this many returns on one case flag it as ping-pong. */
  @IsInt()
  @Min(2)
  @Max(20)
  PING_PONG_RETURNS: number = 2;

  /** 签收 target in wall-clock hours, for an agency's on-time record in routing (SLA clocks refine it). */
  @IsInt()
  @Min(1)
  @Max(720)
  ACCEPT_TARGET_HOURS: number = 2;

  /** 吹哨 紧急: summoned units 报到 within this many minutes (wall-clock). */
  @IsInt()
  @Min(1)
  @Max(1440)
  WHISTLE_RESPOND_URGENT_MINUTES: number = 30;

  /** 吹哨 一般: summoned units 报到 within this many hours (wall-clock). */
  @IsInt()
  @Min(1)
  @Max(720)
  WHISTLE_RESPOND_NORMAL_HOURS: number = 24;

  /** The SLA timer engine sweeps in this replica ('off' only where something else drives it, e.g. a test). */
  @IsIn(['on', 'off'])
  SLA_TIMER: string = 'on';

  /** How often an idle replica looks for due clocks; a breach is noticed within about this long. */
  @IsInt()
  @Min(20)
  @Max(60000)
  SLA_TIMER_POLL_MS: number = 200;

  /** Clocks claimed per sweep transaction. */
  @IsInt()
  @Min(1)
  @Max(10000)
  SLA_TIMER_BATCH: number = 500;
}

export const loadDispatchConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(DispatchEnv, env);
