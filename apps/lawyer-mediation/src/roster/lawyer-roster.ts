import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, RegisterLawyerCommand, UpdateLawyerCommand } from '@fengqiao/contracts';
import { assertKeepsRoster, MediatorRoster } from '@fengqiao/agency-kit';
import { conflict } from '@fengqiao/errors';
import { normaliseFirm } from './firm';
import { LawyerProfile } from './lawyer-profile.entity';
import { getStudioLawyer } from './studio-lawyers';

const licenceTaken = (licenceNumber: string) =>
  conflict(
    `licence number ${licenceNumber} is already on the roster`,
    `执业证号 ${licenceNumber} 已在律师名录中，不能重复登记`,
  );

/**
 * 律师名录: a lawyer joins a studio as one of its mediators (category lawyer, through the kit's
 * roster, with its event) and a lawyer profile beside it, in one transaction; the studio publishes
 * them for the parties to choose from, or not. Kept by the studio's own staff.
 */
@Injectable()
export class LawyerRoster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mediators: MediatorRoster,
  ) {}

  /** Returns the new lawyer's id (their mediator id). */
  async register(actor: Actor, input: RegisterLawyerCommand): Promise<string> {
    const { agencyId, firm, licenceNumber, languages, yearsOfPractice, published, ...asMediator } = input;
    assertKeepsRoster(actor, agencyId);
    try {
      return await this.dataSource.transaction(async (m) => {
        if (await m.existsBy(LawyerProfile, { licenceNumber })) throw licenceTaken(licenceNumber);
        const mediator = await this.mediators.registerIn(m, actor, agencyId, {
          ...asMediator,
          category: 'lawyer',
        });
        await m.insert(LawyerProfile, {
          mediatorId: mediator.id,
          firm: normaliseFirm(firm),
          licenceNumber,
          languages,
          yearsOfPractice,
          published,
          publishedAt: published ? new Date() : null,
        });
        return mediator.id;
      });
    } catch (e) {
      // Two studios registering the same licence at once: the unique index decides.
      if (isUniqueViolation(e, 'lawyer_profiles_licence')) throw licenceTaken(licenceNumber);
      throw e;
    }
  }

  /** Publish or unpublish, duty, specialties, languages and the rest; absent fields stay. */
  async update(actor: Actor, input: UpdateLawyerCommand): Promise<void> {
    const { agencyId, lawyerId, published, languages, firm, yearsOfPractice, ...asMediator } = input;
    assertKeepsRoster(actor, agencyId);
    await this.dataSource.transaction(async (m) => {
      const profile = await getStudioLawyer(m, agencyId, lawyerId, true);
      // Saved on its own: the kit's roster changes the mediator (and says so).
      delete profile.mediator;
      if (published && !profile.published) profile.publishedAt = new Date();
      if (published !== undefined) profile.published = published;
      if (languages !== undefined) profile.languages = languages;
      if (firm !== undefined) profile.firm = normaliseFirm(firm);
      if (yearsOfPractice !== undefined) profile.yearsOfPractice = yearsOfPractice;
      await m.save(profile);
      await this.mediators.updateIn(m, actor, agencyId, lawyerId, asMediator);
    });
  }
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  return (
    (err.driverError?.code ?? err.code) === '23505' &&
    (err.driverError?.constraint ?? err.constraint) === constraint
  );
}
