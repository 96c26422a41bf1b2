import { runAgencyDatabaseCli } from '@fengqiao/agency-kit';
import { peopleMediation } from './service';

runAgencyDatabaseCli(peopleMediation);
