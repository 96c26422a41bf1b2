import type { InboxReferral } from '@fengqiao/agency-kit';
import type { RecordHearingRequest, ScheduleHearingRequest } from '@fengqiao/contracts';
import type { FieldProblem } from '@fengqiao/errors';
import type { StoredParticipant } from './hearing.entity';

const problem = (field: string, reason: string, reasonZh: string): FieldProblem => ({
  field,
  reason,
  reasonZh,
});

/** A clock a minute ahead of ours is not the future yet. */
const CLOCK_SKEW_MS = 60_000;

/**
 * 听证调 needs a chair and at least two parties (each a different party of the case), and cannot be
 * set before the referral was in the committee's hands.
 */
export function scheduleProblems(req: ScheduleHearingRequest, referral: InboxReferral): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!req.chair) {
    problems.push(
      problem(
        'chair',
        'a hearing needs a chair (community police, party secretary, director or mediator)',
        '听证须有主持人',
      ),
    );
  }
  const positions = req.participants.flatMap((p, i) =>
    p.role === 'party' ? [[i, p.partyPosition] as const] : [],
  );
  const seen = new Set<number | undefined>();
  for (const [i, position] of positions) {
    if (seen.has(position)) {
      problems.push(
        problem(
          `participants[${i}].partyPosition`,
          `party ${position} is already listed`,
          `当事人（序号 ${position}）重复列入`,
        ),
      );
    }
    seen.add(position);
  }
  if (seen.size < 2) {
    problems.push(
      problem(
        'participants',
        `a hearing needs at least two parties among its participants, not ${seen.size}`,
        `听证须有至少两方当事人参加，现有${seen.size}方`,
      ),
    );
  }
  if (referral.acceptedAt && new Date(req.scheduledFor) < referral.acceptedAt) {
    problems.push(
      problem('scheduledFor', 'may not be before the referral was accepted', '听证时间不能早于签收时间'),
    );
  }
  return problems;
}

/**
 * The record of a held hearing: every statement's speaker is one of its participants, the
 * statements' order is unambiguous, and it was held neither in the future nor before acceptance.
 */
export function recordProblems(
  req: RecordHearingRequest,
  participants: StoredParticipant[],
  referral: InboxReferral,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const heldAt = new Date(req.heldAt);
  if (heldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push(problem('heldAt', 'may not be in the future', '听证时间不能晚于当前时间'));
  }
  if (referral.acceptedAt && heldAt < referral.acceptedAt) {
    problems.push(
      problem('heldAt', 'may not be before the referral was accepted', '听证时间不能早于签收时间'),
    );
  }
  const orders = new Set<number>();
  req.statements.forEach((s, i) => {
    if (s.participantIndex >= participants.length) {
      problems.push(
        problem(
          `statements[${i}].participantIndex`,
          `the hearing has ${participants.length} participants (0 to ${participants.length - 1}), not ${s.participantIndex}`,
          `发言人须为听证参加人（序号 0 至 ${participants.length - 1}），没有序号 ${s.participantIndex}`,
        ),
      );
    }
    if (orders.has(s.order)) {
      problems.push(
        problem(`statements[${i}].order`, `order ${s.order} is given twice`, `发言顺序 ${s.order} 重复`),
      );
    }
    orders.add(s.order);
  });
  return problems;
}
