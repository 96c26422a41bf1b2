import { PoliceOwnWork1795480479989 } from './1795480479989-police-own-work';

/** This service's own migrations (schema police_mediation), run after the kit's. */
export const POLICE_MIGRATIONS: Function[] = [PoliceOwnWork1795480479989];
