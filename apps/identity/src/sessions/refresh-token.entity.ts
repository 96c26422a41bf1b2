import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token, stored as its SHA-256 only. Tokens rotate: each refresh revokes the one used
 * and issues the next in the same family; presenting a revoked token revokes the whole family
 * (it was stolen, or replayed).
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshToken {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Index()
  @Column('uuid')
  family!: string;

  @Column('char', { name: 'token_hash', length: 64, unique: true })
  tokenHash!: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
