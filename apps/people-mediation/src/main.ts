import { runAgencyService } from '@fengqiao/agency-kit';
import { peopleMediation } from './service';

runAgencyService(peopleMediation);
