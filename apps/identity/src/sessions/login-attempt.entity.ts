import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Login attempts by address, kept in Postgres so every replica counts the same attempts. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_origin_at', ['origin', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('varchar', { length: 100 })
  origin!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('boolean')
  succeeded!: boolean;
}
