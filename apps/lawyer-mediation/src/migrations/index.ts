import { LawyerRoster1795480441140 } from './1795480441140-lawyer-roster';

/** lawyer-mediation's own tables, beside the kit's (which every agency service runs first). */
export const LAWYER_MIGRATIONS: Function[] = [LawyerRoster1795480441140];
