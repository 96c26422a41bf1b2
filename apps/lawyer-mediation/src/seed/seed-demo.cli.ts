import { runAgencySeed } from '@fengqiao/agency-kit';
import { lawyerMediation } from '../service';
import { seedDemoLawyers } from './demo-lawyers';

/** `node apps/lawyer-mediation/dist/seed/seed-demo.cli.js`: the demo studios' lawyers (律师名录). */
runAgencySeed(lawyerMediation, 'the lawyer roster', async (dataSource, cipher) => {
  const added = await seedDemoLawyers(dataSource, cipher);
  return `lawyer roster seeded: ${added.lawyers} lawyers and ${added.representations} prior representations added (the rest already there)`;
});
