import { runAgencyDatabaseCli } from '@fengqiao/agency-kit';
import { policeMediation } from './service';

runAgencyDatabaseCli(policeMediation);
