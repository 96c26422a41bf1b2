import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';

/** 公安调解（派出所）: the kit's inbox; this service's own features join here as they are built. */
export const policeMediation: AgencyServiceDefinition = { kind: 'police' };
