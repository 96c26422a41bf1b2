import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, PartyPersonalDataView } from '@fengqiao/contracts';
import { HubError, notFound } from '@fengqiao/errors';
import { PersonalDataCipher } from '@fengqiao/pii';
import { Referral } from '../referrals/referral.entity';
import { CaseParty } from './case-party.entity';
import { Case } from './case.entity';
import { caseScopeOf, isInCaseScope } from './case-scope';

/**
 * A party's ID and phone in clear, for whoever must reach them: a coordinator whose 辖区 holds the
 * case, or staff of an agency the case is referred to (open referral). Leaders and reporters see
 * masked values only. The handler is @Audited: every clear read is in the audit log.
 */
@Injectable()
export class RevealParty {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalDataCipher,
  ) {}

  async execute(actor: Actor, caseId: string, position: number): Promise<PartyPersonalDataView> {
    const kase = await this.dataSource.getRepository(Case).findOneBy({ id: caseId });
    const openAgencies = kase
      ? (
          await this.dataSource
            .getRepository(Referral)
            .find({ where: { caseId }, select: { agencyId: true, status: true } })
        )
          .filter((r) => r.status !== 'closed')
          .map((r) => r.agencyId)
      : [];
    if (!kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, openAgencies))
      throw notFound('case', '案件', caseId);
    if (!['coordinator', 'agency_staff', 'mediator'].includes(actor.role)) {
      throw new HubError(
        403,
        'FORBIDDEN',
        'this role sees personal data masked only',
        '该角色只能查看脱敏后的个人信息',
      );
    }
    const party = await this.dataSource.getRepository(CaseParty).findOneBy({ caseId, position });
    if (!party) throw notFound('party', '当事人', `${caseId}#${position}`);
    return {
      name: party.name,
      idNumber: party.idNumberCipher ? this.personalData.decrypt(party.idNumberCipher) : undefined,
      phone: party.phoneCipher ? this.personalData.decrypt(party.phoneCipher) : undefined,
    };
  }
}
