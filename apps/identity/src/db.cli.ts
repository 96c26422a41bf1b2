import 'reflect-metadata';
import { runDatabaseCli } from '@fengqiao/database';
import { makeIdentityDataSource } from './data-source';

runDatabaseCli(makeIdentityDataSource).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
