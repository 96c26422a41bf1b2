export { signAccessToken, verifyAccessToken, InvalidAccessToken, type AccessClaims } from './access-token';
