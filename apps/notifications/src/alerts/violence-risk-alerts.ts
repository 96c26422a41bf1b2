import { Inject, Injectable, Logger } from '@nestjs/common';
import { ViolenceRiskAssessedV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { KnownCase } from '../case-directory/known-case.entity';
import { DELIVERY_POLICY, fanOut, type DeliveryPolicy } from '../deliveries/create-deliveries';
import { renderViolenceRiskMessage } from '../messages/render';

/** Deliveries of the case's registration may still be on their way: retry this many times first. */
const WAIT_FOR_CASE_ATTEMPTS = 4;

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
  async onAssessed(e: ViolenceRiskAssessedV1, { manager, deliveryCount }: EventContext): Promise<void> {
    const age = Date.now() - Date.parse(e.assessedAt);
    if (age > this.policy.maxEventAgeMs) {
      this.logger.log(`not alerting assessment ${e.assessmentId}: made ${Math.round(age / 60000)} min ago`);
      return;
    }
    const known = await manager.findOneBy(KnownCase, { caseId: e.caseId });
    if (!known && deliveryCount < WAIT_FOR_CASE_ATTEMPTS) {
      throw new Error(`case ${e.caseId} not known yet; waiting for its registration`);
    }
    // Better an alert naming the case by id (seen by admins only) than none.
    await fanOut(manager, {
      sourceId: `violence_risk:${e.assessmentId}`,
      kind: 'violence_risk',
      agencyId: e.agencyId,
      clockId: null,
      clockKind: null,
      caseId: e.caseId,
      caseNumber: known?.caseNumber ?? e.caseId,
      jurisdictionCode: known?.jurisdictionCode ?? '',
      level: 'red',
      message: renderViolenceRiskMessage(e, known?.caseNumber ?? e.caseId),
      everyChannel: true,
    });
  }
}
