import 'reflect-metadata';
import { runDatabaseCli } from '@fengqiao/database';
import { makeDispatchDataSource } from './data-source';

runDatabaseCli(makeDispatchDataSource).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
