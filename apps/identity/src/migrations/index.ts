import { Identity1795464601613 } from './1795464601613-identity';

/** This service's migrations, in order, as class references. */
export const MIGRATIONS: Function[] = [Identity1795464601613];
