import { Injectable } from '@nestjs/common';
import { CaseRegisteredV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { KnownCase } from './known-case.entity';

/** Keeps the number and 辖区 of every case dispatch registers (a case's number never changes). */
@Injectable()
export class CaseDirectory {
  @DurableEventHandler({ event: CaseRegisteredV1, name: 'case-registered' })
  async onRegistered(e: CaseRegisteredV1, { manager }: EventContext): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownCase)
      .values({
        caseId: e.caseId,
        caseNumber: e.caseNumber,
        jurisdictionCode: e.jurisdictionCode.padEnd(12, '0'),
        registeredAt: new Date(e.registeredAt),
      })
      .orIgnore()
      .execute();
  }
}
