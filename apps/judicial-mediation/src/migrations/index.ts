import { JudicialOffice1795480641943 } from './1795480641943-judicial-office';

/** judicial_mediation's own tables, after the kit's (see service.ts). */
export const JUDICIAL_MIGRATIONS: Function[] = [JudicialOffice1795480641943];
