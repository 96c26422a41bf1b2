export { PersonalDataCipher, normalise, type PersonalDataKeys } from './personal-data-cipher';
export { maskIdNumber, maskPhone } from './masking';
export { personalDataKeysFromEnv, type PersonalDataEnv } from './keys-from-env';
