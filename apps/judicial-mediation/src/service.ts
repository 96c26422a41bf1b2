import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';

/** 司法调解（司法所）: the kit's inbox; this service's own features join here as they are built. */
export const judicialMediation: AgencyServiceDefinition = { kind: 'judicial' };
