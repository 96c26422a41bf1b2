import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  agencySubjects,
  LedgerExportCommand,
  type AgencyKind,
  type LedgerExportView,
} from '@fengqiao/contracts';
import { assertMayRead, coordinatorArea } from '../mediators/agency-access';
import { LedgerExport } from './ledger-export';

/** 工作台账 on this agency kind's own subject. */
export function createLedgerHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class LedgerHandlers {
    constructor(readonly ledger: LedgerExport) {}

    /** A bulk read of the agency's work (party names included): audited like a command. */
    @MessagePattern(subjects.ledgerExport)
    @Audited()
    export(
      @Payload('actor') actor: Actor,
      @Payload('body') body: LedgerExportCommand,
    ): Promise<LedgerExportView> {
      assertMayRead(actor, body.agencyId);
      return this.ledger.export(body, coordinatorArea(actor));
    }
  }
  return LedgerHandlers;
}
