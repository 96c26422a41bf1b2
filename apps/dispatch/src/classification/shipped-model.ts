// The model trained offline by training/train.ts and committed next to this file. Imported (not read with
// fs) so that `tsc` (resolveJsonModule) copies model.json into dist with the code that needs it.
import modelJson from './model.json';
import { assertNaiveBayesModel, type NaiveBayesModel } from './naive-bayes';

let validated: NaiveBayesModel | undefined;

/** The committed model, validated once per process. */
export function shippedModel(): NaiveBayesModel {
  if (validated === undefined) {
    const candidate: unknown = modelJson;
    assertNaiveBayesModel(candidate);
    validated = candidate;
  }
  return validated;
}
