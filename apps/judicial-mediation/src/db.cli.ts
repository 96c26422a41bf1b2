import { runAgencyDatabaseCli } from '@fengqiao/agency-kit';
import { judicialMediation } from './service';

runAgencyDatabaseCli(judicialMediation);
