export {
  signAccessToken,
  verifyAccessToken,
  accessTokenSecret,
  InvalidAccessToken,
  DEVELOPMENT_ACCESS_TOKEN_SECRET,
  type AccessClaims,
} from './access-token';
export {
  signRequest,
  signEvent,
  checkEvent,
  checkRequest,
  actorSigningKey,
  DEVELOPMENT_ACTOR_SIGNING_KEY,
  type SignedFields,
  type RequestCheck,
} from './signed-request';
