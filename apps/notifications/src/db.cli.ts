import 'reflect-metadata';
import { runDatabaseCli } from '@fengqiao/database';
import { makeNotificationsDataSource } from './data-source';

runDatabaseCli((url) => makeNotificationsDataSource(url)).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
