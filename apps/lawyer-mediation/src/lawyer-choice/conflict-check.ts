import type { ConflictSource, PartyLookupEntry } from '@fengqiao/contracts';

/** What the check needs of a prior representation. */
export interface PriorClient {
  id: string;
  lawyerId: string;
  clientNameHash: string;
  clientIdNumberHash: string | null;
}

export interface ConflictOfInterest {
  source: ConflictSource;
  party: PartyLookupEntry;
  representationId: string;
}

/**
 * The same person (or organisation): by the ID number's hash when both sides have one; by the
 * name's hash when either side has none. Two different ID numbers are two people, whatever their names.
 */
export function isSameClient(party: PartyLookupEntry, prior: PriorClient): boolean {
  if (party.idNumberHash && prior.clientIdNumberHash) return party.idNumberHash === prior.clientIdNumberHash;
  return party.nameHash === prior.clientNameHash;
}

/**
 * The first party the lawyer, or else a lawyer of the same firm, acted for before: `priors` are the
 * representations of the lawyer and of the firm. The lawyer's own history is named before the firm's.
 */
export function findConflict(
  lawyerId: string,
  parties: readonly PartyLookupEntry[],
  priors: readonly PriorClient[],
): ConflictOfInterest | null {
  const ordered = [...priors].sort(
    (a, b) => Number(b.lawyerId === lawyerId) - Number(a.lawyerId === lawyerId),
  );
  for (const prior of ordered) {
    const party = parties.find((p) => isSameClient(p, prior));
    if (party)
      return { source: prior.lawyerId === lawyerId ? 'lawyer' : 'firm', party, representationId: prior.id };
  }
  return null;
}

/** 王* for a person, so the reason names the party without spelling the name out; organisations in full. */
export function maskPartyName(party: Pick<PartyLookupEntry, 'name' | 'kind'>): string {
  if (party.kind === 'organisation') return party.name;
  const chars = [...party.name.trim()];
  return chars.length <= 1 ? chars.join('') + '*' : chars[0] + '*'.repeat(chars.length - 1);
}
