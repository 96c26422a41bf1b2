import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';

/** 人民调解（人民调解委员会）: the kit's inbox; this service's own features join here as they are built. */
export const peopleMediation: AgencyServiceDefinition = { kind: 'people' };
