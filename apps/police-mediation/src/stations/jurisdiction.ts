/** The district (county-level) a code belongs to: its first six digits. */
export const districtOf = (code: string) => code.slice(0, 6);
