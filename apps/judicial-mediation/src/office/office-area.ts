import { Injectable } from '@nestjs/common';
import { DispatchClient } from '@fengqiao/agency-kit';
import {
  DispatchSubjects,
  MAX_PAGE_SIZE,
  type Actor,
  type AgencyView,
  type ListAgenciesQuery,
  type Page,
} from '@fengqiao/contracts';

/** Far more committees than any office's area holds; a bound so a bad answer cannot loop forever. */
const MAX_PAGES = 50;

/**
 * The office's area as dispatch knows it: dispatch owns the agencies and the 辖区 tree, so the
 * committees an office supervises are asked for each time, never copied here.
 */
@Injectable()
export class OfficeArea {
  constructor(private readonly dispatch: DispatchClient) {}

  /** The judicial office itself (its name and jurisdiction); 404 for any other kind of agency. */
  office(actor: Actor, agencyId: string): Promise<AgencyView> {
    return this.dispatch.agencyOfKind(actor, agencyId, 'judicial', { en: 'judicial office', zh: '司法所' });
  }

  /**
   * The people's mediation committees in the office's jurisdiction and below it, in dispatch's
   * order; with `within`, only those also inside that part of the area.
   */
  async committees(actor: Actor, office: AgencyView, within?: string): Promise<AgencyView[]> {
    const all = await this.peopleCommitteesIn(actor, office.jurisdictionCode);
    if (!within) return all;
    const inPart = new Set((await this.peopleCommitteesIn(actor, within)).map((c) => c.id));
    return all.filter((c) => inPart.has(c.id));
  }

  private async peopleCommitteesIn(actor: Actor, jurisdictionCode: string): Promise<AgencyView[]> {
    const found: AgencyView[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query: ListAgenciesQuery = { kind: 'people', jurisdictionCode, page, pageSize: MAX_PAGE_SIZE };
      const batch = await this.dispatch.request<Page<AgencyView>>(DispatchSubjects.agencyList, actor, query);
      found.push(...batch.items);
      if (batch.items.length < MAX_PAGE_SIZE || found.length >= batch.total) break;
    }
    return found;
  }
}
