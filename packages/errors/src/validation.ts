import { validate, type ValidationError } from 'class-validator';
import { HubError, type FieldProblem } from './hub-error';

// Chinese wording per class-validator constraint; constraint args fill the {n} slots.
const REASONS_ZH: Record<string, string> = {
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isUuid: '必须是有效的 UUID',
  isIso8601: '必须是 ISO 8601 日期时间',
  isIn: '取值必须是以下之一：{0}',
  isEnum: '取值不在允许范围内',
  maxLength: '长度不能超过 {0} 个字符',
  minLength: '长度不能少于 {0} 个字符',
  min: '不能小于 {0}',
  max: '不能大于 {0}',
  matches: '格式不正确',
  isArray: '必须是数组',
  arrayMinSize: '至少需要 {0} 项',
  arrayMaxSize: '最多 {0} 项',
  isObject: '必须是对象',
  whitelistValidation: '不是允许的字段',
  nestedValidation: '结构不正确',
  isIdentityCard: '不是有效的居民身份证号码',
  isMobilePhone: '不是有效的手机号码',
  isPartyIdNumber: '证件号码无效（个人为居民身份证号，组织为统一社会信用代码）',
};

function reasonZh(constraint: string, error: ValidationError): string {
  const template = REASONS_ZH[constraint] ?? '不符合要求';
  const args =
    (error.contexts?.[constraint]?.args as unknown[] | undefined) ?? extractArgs(error, constraint);
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args?.[Number(i)] ?? ''));
}

// class-validator does not expose constraint args on the error; read them back from the English text.
function extractArgs(error: ValidationError, constraint: string): unknown[] {
  const english = error.constraints?.[constraint] ?? '';
  if (constraint === 'isIn') return [english.replace(/^.*following values: /, '')];
  const n = english.match(/(\d+)/);
  return n ? [n[1]] : [];
}

/** Flattens nested errors into one problem per field path, e.g. `parties[0].name`. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path = prefix
      ? isIndex
        ? `${prefix}[${error.property}]`
        : `${prefix}.${error.property}`
      : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      field: path,
      reason: constraint === 'whitelistValidation' ? `${path} is not an allowed field` : reason,
      reasonZh: reasonZh(constraint, error),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], path)];
  });
}

export function validationFailed(problems: FieldProblem[]): HubError {
  const fields = [...new Set(problems.map((p) => p.field))];
  return new HubError(
    400,
    'VALIDATION_FAILED',
    `Invalid input: ${fields.join(', ')}`,
    `输入有误：${fields.join('、')}`,
    problems,
  );
}

/** Validates an already-transformed DTO instance; throws a 400 HubError naming every bad field. */
export async function assertValid(instance: object): Promise<void> {
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailed(toFieldProblems(errors));
}
