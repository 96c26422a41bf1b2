import { Notifications1795475393062 } from './1795475393062-notifications';

/** This service's migrations, in order, as class references. */
export const MIGRATIONS: Function[] = [Notifications1795475393062];
