import { Column, Entity, Index } from 'typeorm';
import type { ConflictSource, LawyerChoiceStatus } from '@fengqiao/contracts';
import { RecordedReferralRecord } from '@fengqiao/agency-kit';

/**
 * 自主选择: one choice of a lawyer by a referral's parties, kept as the studio's ledger: the one in
 * force (chosen), the ones a later choice replaced, and those refused for a conflict of interest.
 */
@Entity({ name: 'lawyer_choices' })
@Index('lawyer_choices_agency_recorded', ['agencyId', 'recordedAt'])
@Index('lawyer_choices_referral_recorded', ['referralId', 'recordedAt'])
// At most one choice in force per referral.
@Index('lawyer_choices_referral_chosen', ['referralId'], { unique: true, where: "status = 'chosen'" })
export class LawyerChoice extends RecordedReferralRecord {
  @Column('uuid', { name: 'lawyer_id' })
  lawyerId!: string;

  /** The lawyer's name and firm at the time of the choice. */
  @Column('varchar', { name: 'lawyer_name', length: 50 })
  lawyerName!: string;

  @Column('varchar', { length: 100 })
  firm!: string;

  @Column('smallint', { name: 'chosen_by_party_positions', array: true })
  chosenByPartyPositions!: number[];

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('varchar', { length: 10 })
  status!: LawyerChoiceStatus;

  @Column('varchar', { name: 'conflict_source', length: 8, nullable: true })
  conflictSource!: ConflictSource | null;

  @Column('smallint', { name: 'conflict_party_position', nullable: true })
  conflictPartyPosition!: number | null;

  /** Masked (王*): the ledger never needs the clear name of the party. */
  @Column('varchar', { name: 'conflict_party_name', length: 100, nullable: true })
  conflictPartyName!: string | null;

  @Column('uuid', { name: 'conflict_representation_id', nullable: true })
  conflictRepresentationId!: string | null;

  @Column('uuid', { name: 'replaced_by_choice_id', nullable: true })
  replacedByChoiceId!: string | null;

  @Column('timestamptz', { name: 'replaced_at', nullable: true })
  replacedAt!: Date | null;
}
