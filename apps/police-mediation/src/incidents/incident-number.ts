import { unprocessable } from '@fengqiao/errors';

const INCIDENT_NUMBER = /^[A-Z0-9-]{4,40}$/;

/**
 * A 110 警情编号 as it is stored and looked up: trimmed and in upper case, so "j3707…" and
 * "J3707…" are one incident. 4-40 letters, digits or dashes (what dispatch accepts too), else 422.
 */
export function incidentNumberOf(raw: string, field = 'incidentNumber'): string {
  const normalised = raw.trim().toUpperCase();
  if (!INCIDENT_NUMBER.test(normalised)) {
    throw unprocessable(
      field,
      `${raw} is not a 110 incident number (4-40 letters, digits or dashes)`,
      `${raw} 不是有效的110警情编号（4至40位字母、数字或连字符）`,
    );
  }
  return normalised;
}
