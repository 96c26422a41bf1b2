/**
 * A firm's name as stored and compared: the conflict check matches firms by name, so
 * "山东正和（青州）律师事务所" typed with half-width brackets or stray spaces is the same firm.
 */
export const normaliseFirm = (firm: string): string => firm.normalize('NFKC').trim().replace(/\s+/g, ' ');
