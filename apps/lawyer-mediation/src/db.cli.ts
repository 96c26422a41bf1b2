import { runAgencyDatabaseCli } from '@fengqiao/agency-kit';
import { lawyerMediation } from './service';

runAgencyDatabaseCli(lawyerMediation);
