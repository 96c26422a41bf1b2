import { isIdentityCard, registerDecorator, type ValidationArguments } from 'class-validator';

/** 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a mod-31 check. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_ALPHABET.indexOf(value[i]) * w, 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] === value[17];
}

/**
 * A party's identity number, checked by the party's kind: a person's 居民身份证号 (GB 11643) or an
 * organisation's 统一社会信用代码 (GB 32100), each with its checksum.
 */
export function IsPartyIdNumber() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPartyIdNumber',
      target: target.constructor,
      propertyName,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string') return false;
          const kind = (args.object as { kind?: string }).kind;
          return kind === 'organisation' ? isSocialCreditCode(value) : isIdentityCard(value, 'zh-CN');
        },
        defaultMessage(args: ValidationArguments) {
          return (args.object as { kind?: string }).kind === 'organisation'
            ? 'idNumber must be a valid unified social credit code (GB 32100)'
            : 'idNumber must be a valid resident identity card number (GB 11643)';
        },
      },
    });
}
