import { runAgencyService } from '@fengqiao/agency-kit';
import { policeMediation } from './service';

runAgencyService(policeMediation);
