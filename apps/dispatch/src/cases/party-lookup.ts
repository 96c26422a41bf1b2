import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CasePartyLookupView } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { PersonalDataCipher } from '@fengqiao/pii';
import { Referral } from '../referrals/referral.entity';
import { assertRole } from '../roles';
import { CaseParty } from './case-party.entity';

/**
 * A case's parties as an agency holding a referral on it (in any status) may compare them, e.g. a
 * lawyer studio's conflict-of-interest check: names with keyed lookup hashes, never a clear ID or
 * phone number. Every service hashes with the same PII_HASH_KEY, so the agency compares hashes with
 * its own records. A case the agency never held reads as "not found".
 */
@Injectable()
export class PartyLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalDataCipher,
  ) {}

  async execute(actor: Actor, caseId: string): Promise<CasePartyLookupView> {
    assertRole(
      actor,
      ['agency_staff', 'mediator'],
      'look up parties for a conflict check',
      '查询当事人比对信息',
    );
    const held =
      !!actor.agencyId &&
      (await this.dataSource.getRepository(Referral).existsBy({ caseId, agencyId: actor.agencyId }));
    if (!held) throw notFound('case', '案件', caseId);
    const parties = await this.dataSource
      .getRepository(CaseParty)
      .find({ where: { caseId }, order: { position: 'ASC' } });
    return {
      caseId,
      parties: parties.map((p) => ({
        position: p.position,
        name: p.name,
        kind: p.kind as CasePartyLookupView['parties'][number]['kind'],
        role: p.role as CasePartyLookupView['parties'][number]['role'],
        nameHash: this.personalData.lookupHash(p.name),
        // Stored at registration with the same lookupHash of the ID number.
        ...(p.idNumberHash ? { idNumberHash: p.idNumberHash } : {}),
      })),
    };
  }
}
