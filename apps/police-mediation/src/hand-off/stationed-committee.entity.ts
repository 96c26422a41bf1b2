import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 驻所人民调解室: the people's mediation committee whose mediators sit at a station (one per station). */
@Entity({ name: 'stationed_committees' })
export class StationedCommittee {
  @PrimaryColumn('uuid', { name: 'station_agency_id' })
  stationAgencyId!: string;

  @Column('uuid', { name: 'committee_agency_id' })
  committeeAgencyId!: string;

  /** As dispatch named it when it was set, for showing without asking dispatch again. */
  @Column('varchar', { name: 'committee_name', length: 200 })
  committeeName!: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt!: Date;

  @Column('varchar', { name: 'set_by_id', length: 64 })
  setById!: string;

  @Column('varchar', { name: 'set_by_name', length: 100 })
  setByName!: string;
}
