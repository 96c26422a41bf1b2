// The dispute type codes the classifier may suggest. The taxonomy itself (labels, ordering, activation)
// lives in the database; these codes are fixed, and the model is trained on exactly this set.
export const DISPUTE_TYPE_CODES = [
  'neighbour',
  'marriage_family',
  'inheritance',
  'labour',
  'work_injury',
  'medical',
  'property_management',
  'tenancy',
  'land',
  'expropriation',
  'traffic_accident',
  'consumer',
  'private_lending',
  'environment',
  'campus',
  'enterprise',
  'other',
] as const;

export type DisputeTypeCode = (typeof DISPUTE_TYPE_CODES)[number];

/** The fallback when the text says too little to classify. */
export const FALLBACK_DISPUTE_TYPE: DisputeTypeCode = 'other';

const CODES: ReadonlySet<string> = new Set(DISPUTE_TYPE_CODES);

export function isDisputeTypeCode(value: string): value is DisputeTypeCode {
  return CODES.has(value);
}
