import { runAgencyService } from '@fengqiao/agency-kit';
import { judicialMediation } from './service';

runAgencyService(judicialMediation);
