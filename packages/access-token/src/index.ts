export {
  signAccessToken,
  verifyAccessToken,
  accessTokenSecret,
  InvalidAccessToken,
  DEVELOPMENT_ACCESS_TOKEN_SECRET,
  type AccessClaims,
} from './access-token';
