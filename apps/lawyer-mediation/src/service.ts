import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';

/** 律师调解（律师调解工作室）: the kit's inbox; this service's own features join here as they are built. */
export const lawyerMediation: AgencyServiceDefinition = { kind: 'lawyer' };
