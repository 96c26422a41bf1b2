import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DispatchSubjects, type Actor, type AgencyKind, type AgencyView } from '@fengqiao/contracts';
import { DispatchClient } from '../dispatch-link/dispatch-client';
import { AgreementCounter } from './agreement.entity';
import { tableOf } from './table-path';

/** The kind's mark in an agreement's 字号: 黄楼人调字 (人民调解), 黄楼警调字 (公安调解) … */
const KIND_MARK: Record<AgencyKind, string> = { people: '人', judicial: '司', police: '警', lawyer: '律' };

/** What a place name ends with that its short form leaves out: 黄楼街道 → 黄楼, 卢李村委会 → 卢李. */
const PLACE_SUFFIX =
  /(社区居民委员会|居民委员会|村民委员会|街道办事处|村委会|居委会|街道|社区|村|镇|乡|市|区|县|旗)$/;

/** An agency's 字号: the short name of its place and its kind's mark (黄楼人). */
export function agreementShortCode(jurisdictionName: string, kind: AgencyKind): string {
  const place = jurisdictionName.replace(PLACE_SUFFIX, '') || jurisdictionName;
  return `${place}${KIND_MARK[kind]}`;
}

/** （2026）黄楼人调字第001号. */
export const formatAgreementNumber = (year: number, shortCode: string, sequence: number) =>
  `（${year}）${shortCode}调字第${String(sequence).padStart(3, '0')}号`;

/** Who issues an agreement: the agency's name at the seal and its 字号. */
export interface AgreementIssuer {
  name: string;
  shortCode: string;
}

/** The agency, as dispatch knows it (its name and place live there, not in this service). */
@Injectable()
export class AgreementIssuers {
  constructor(private readonly dispatch: DispatchClient) {}

  async of(actor: Actor, agencyId: string, kind: AgencyKind): Promise<AgreementIssuer> {
    const agency = await this.dispatch.request<AgencyView>(DispatchSubjects.agencyGet, actor, { agencyId });
    return { name: agency.name, shortCode: agreementShortCode(agency.jurisdictionName, kind) };
  }
}

/**
 * The agency's next number in a Beijing year, in the caller's transaction: the upsert locks the
 * counter row until commit, so parallel drafts queue on it and never share a number.
 */
export async function takeAgreementSequence(
  m: EntityManager,
  agencyId: string,
  year: number,
): Promise<number> {
  const table = tableOf(m.connection, AgreementCounter);
  const rows = await m.query<{ last_sequence: number }[]>(
    `INSERT INTO ${table} AS c (agency_id, year, last_sequence) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_sequence = c.last_sequence + 1
     RETURNING last_sequence`,
    [agencyId, year],
  );
  return rows[0].last_sequence;
}
