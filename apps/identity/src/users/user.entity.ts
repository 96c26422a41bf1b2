import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@fengqiao/contracts';

/** Someone who signs in: a coordinator, an agency clerk, a mediator, a reporter, a leader or an admin. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 64, unique: true })
  username!: string;

  @Column('varchar', { name: 'display_name', length: 100 })
  displayName!: string;

  @Column('varchar', { length: 16 })
  role!: Role;

  /** The 辖区 a coordinator, reporter or leader works within (12-digit code). */
  @Column('varchar', { name: 'jurisdiction_code', length: 12, nullable: true })
  jurisdictionCode!: string | null;

  /** The agency an agency clerk or mediator belongs to. */
  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  /** argon2id; the clear password is never stored or logged. */
  @Column('varchar', { name: 'password_hash', length: 200 })
  passwordHash!: string;

  @Column('integer', { name: 'failed_logins', default: 0 })
  failedLogins!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
