/** `%text%` for ILIKE with the user's own % and _ taken literally (ESCAPE '\'). */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
