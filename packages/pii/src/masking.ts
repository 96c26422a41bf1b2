import { normalise } from './personal-data-cipher';

/** 3201**********1234: region and last four stay, the birth date and sequence do not. */
export function maskIdNumber(idNumber: string): string {
  const v = normalise(idNumber);
  return `${v.slice(0, 4)}${'*'.repeat(Math.max(v.length - 8, 0))}${v.slice(-4)}`;
}

/** 138****5678. */
export function maskPhone(phone: string): string {
  const v = normalise(phone);
  return `${v.slice(0, 3)}${'*'.repeat(Math.max(v.length - 7, 0))}${v.slice(-4)}`;
}
