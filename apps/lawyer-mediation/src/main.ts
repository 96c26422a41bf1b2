import { runAgencyService } from '@fengqiao/agency-kit';
import { lawyerMediation } from './service';

runAgencyService(lawyerMediation);
