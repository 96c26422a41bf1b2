export {
  HubError,
  notFound,
  conflict,
  forbidden,
  unprocessable,
  unprocessableAll,
  serviceUnavailable,
  internalError,
  type ErrorBody,
  type ErrorCode,
  type FieldProblem,
} from './hub-error';
export { toFieldProblems, validationFailed, assertValid } from './validation';
