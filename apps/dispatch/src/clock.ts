import { Injectable } from '@nestjs/common';

/**
 * The time whistles and conferences are stamped with and their deadlines are judged by. One seam,
 * so a test can stand a whistle 31 minutes in the past instead of waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

// Built once: timeline summaries call it on every step.
const BEIJING_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A moment as a Beijing-time reader expects it, e.g. 2026-11-23 09:30 (for timelines and messages). */
export function beijingTime(d: Date): string {
  return BEIJING_MINUTE.format(d);
}

/** 1小时5分, 12分钟, 40秒. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  if (h > 0) return `${h}小时${min > 0 ? `${min}分` : ''}`;
  if (min > 0) return `${min}分钟`;
  return `${seconds}秒`;
}
