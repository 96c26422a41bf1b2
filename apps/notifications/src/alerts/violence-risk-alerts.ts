import { Inject, Injectable, Logger } from '@nestjs/common';
import { toStoredCode, ViolenceRiskAssessedV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { DELIVERY_POLICY, fanOut, type DeliveryPolicy } from '../deliveries/create-deliveries';
import { renderViolenceRiskMessage } from '../messages/render';

/**
 * 民转刑风险预警: an assessment that finds a risk of violence alerts the station that made it, on
 * every enabled channel of that station, once per assessment (a replay or a second message with the
 * same assessment adds nothing). Sending is the delivery worker's, as for SLA warnings.
 */
@Injectable()
export class ViolenceRiskAlerts {
  private readonly logger = new Logger(ViolenceRiskAlerts.name);

  constructor(@Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy) {}

  @DurableEventHandler({
    event: ViolenceRiskAssessedV1,
    name: 'violence-risk-assessed',
    filter: (e: ViolenceRiskAssessedV1) => e.violenceRisk,
  })
  async onAssessed(e: ViolenceRiskAssessedV1, { manager }: EventContext): Promise<void> {
    const age = Date.now() - Date.parse(e.assessedAt);
    if (age > this.policy.maxEventAgeMs) {
      this.logger.log(`not alerting assessment ${e.assessmentId}: made ${Math.round(age / 60000)} min ago`);
      return;
    }
    await fanOut(manager, {
      sourceId: `violence_risk:${e.assessmentId}`,
      kind: 'violence_risk',
      agencyId: e.agencyId,
      clockId: null,
      clockKind: null,
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      jurisdictionCode: toStoredCode(e.jurisdictionCode),
      level: 'red',
      message: renderViolenceRiskMessage(e),
      everyChannel: true,
    });
  }
}
