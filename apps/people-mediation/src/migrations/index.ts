import { PeopleCommitteesHearings1795480291219 } from './1795480291219-people-committees-hearings';

/** The people-mediation service's own migrations, run after the kit's in its schema. */
export const PEOPLE_MIGRATIONS: Function[] = [PeopleCommitteesHearings1795480291219];
