import { runAgencySeed } from '@fengqiao/agency-kit';
import { peopleMediation } from '../service';
import { seedDemoCommittees } from './demo-committees';

/** `node apps/people-mediation/dist/seed/seed-demo.cli.js`: the demo committees' profiles and mediators. */
runAgencySeed(peopleMediation, "the people's committees", async (dataSource, cipher) => {
  const added = await seedDemoCommittees(dataSource, cipher);
  return `people's committees seeded: ${added.profiles} profiles and ${added.mediators} mediators added (the rest already there)`;
});
