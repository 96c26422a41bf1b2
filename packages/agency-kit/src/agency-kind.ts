import type { AgencyKind } from '@fengqiao/contracts';

/** Which agency kind this process serves; injected wherever the kit needs to know. */
export class AgencyIdentity {
  constructor(
    readonly kind: AgencyKind,
    readonly serviceName: string,
  ) {}
}
