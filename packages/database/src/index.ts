export {
  createServiceDataSource,
  openAndMigrate,
  findDrift,
  type ServiceDataSourceOptions,
} from './data-source';
export {
  ensureDatabase,
  dropDatabase,
  createScratchDatabase,
  databaseName,
  type ScratchDatabase,
} from './databases';
export { pageWindow } from './paging';
export { runDatabaseCli } from './cli';
