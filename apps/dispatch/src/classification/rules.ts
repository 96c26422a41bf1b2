// Explicit keyword rules, for the cases where a registrar's wording settles the type better than a
// bag-of-words model trained on a few hundred examples (宅基地 is a land dispute, whatever else is said).
//
// - `override` rules decide the type outright. They are checked in list order and the first match wins,
//   so the more specific rules come first (a 工伤 claim after a road accident is a work-injury case;
//   a dispute over inheriting a 拆迁 flat is an inheritance case).
// - `boost` rules only add log-odds to their type before the model's posterior is normalised: the words
//   are indicative but ambiguous (医院 also appears in a neighbour quarrel that ended at the hospital).
//
// Each rule's hit rate and precision on the training split are stored in model.json by the training
// script; an override's confidence is never below that measured precision.
import type { DisputeTypeCode } from './dispute-types';

export interface DisputeRule {
  /** Stable identifier, reported in `DisputeTypeSuggestion.rule`. */
  name: string;
  disputeType: DisputeTypeCode;
  effect: 'override' | 'boost';
  pattern: RegExp;
  /** The rule does not fire when this matches too (the known confusable context). */
  unless?: RegExp;
  /** For boost rules: log-odds added to the type (after temperature scaling). */
  boost?: number;
}

const ESTATE = /遗嘱|遗产|继承|遗赠/;

export const DISPUTE_RULES: readonly DisputeRule[] = [
  {
    name: 'work-injury-terms',
    disputeType: 'work_injury',
    effect: 'override',
    pattern: /工伤|职业病|尘肺|工亡|停工留薪|伤残(?:就业)?补助金/,
  },
  {
    name: 'estate-terms',
    disputeType: 'inheritance',
    effect: 'override',
    pattern: ESTATE,
    // 借款人去世后…在继承遗产范围内偿还借款: the dispute is over the loan.
    unless: /借款|借条|欠条/,
  },
  {
    name: 'expropriation-terms',
    disputeType: 'expropriation',
    effect: 'override',
    pattern: /拆迁|征收|征地|征用|棚户区|棚改|安置房|回迁/,
  },
  {
    name: 'land-terms',
    disputeType: 'land',
    effect: 'override',
    pattern: /宅基地|承包地|土地承包|承包经营权|责任田|自留地|林权|土地流转|流转费|土地确权|界桩/,
  },
  {
    name: 'traffic-collision',
    disputeType: 'traffic_accident',
    effect: 'override',
    pattern: /追尾|交通事故|交警|肇事|交强险|剐蹭|相撞|碰撞|撞(?:倒|伤|死|坏|上)/,
  },
  {
    name: 'medical-malpractice',
    disputeType: 'medical',
    effect: 'override',
    pattern: /医疗事故|医疗纠纷|医疗损害|医患|误诊|漏诊|病历/,
  },
  {
    name: 'loan-instruments',
    disputeType: 'private_lending',
    effect: 'override',
    pattern: /借条|欠条|借款|借钱|月息|年息|套路贷|民间借贷/,
  },
  {
    name: 'property-fee-and-owners-bodies',
    disputeType: 'property_management',
    effect: 'override',
    pattern: /物业费|物业服务|业委会|业主委员会|业主大会|维修基金|维修资金/,
  },
  {
    name: 'unpaid-wages-and-contract',
    disputeType: 'labour',
    effect: 'override',
    pattern:
      /(?:拖欠|克扣|扣发|停发|不发|没发).{0,10}工资|欠薪|讨薪|劳动合同|劳动仲裁|劳动关系|经济补偿|加班费|加班工资/,
  },
  {
    name: 'marriage-terms',
    disputeType: 'marriage_family',
    effect: 'override',
    pattern: /彩礼|离婚|抚养费|抚养权|赡养|探视|家暴|家庭暴力|人身安全保护令/,
  },
  {
    name: 'campus-terms',
    disputeType: 'campus',
    effect: 'override',
    pattern: /校园欺凌|霸凌|班主任|幼儿园|学籍|在校期间/,
  },
  {
    name: 'medical-setting',
    disputeType: 'medical',
    effect: 'boost',
    boost: 1,
    pattern: /医院|卫生院|诊所|手术|医生|护士/,
  },
  {
    name: 'tenancy-terms',
    disputeType: 'tenancy',
    effect: 'boost',
    boost: 1,
    pattern: /房东|租客|房租|退租|转租|二房东|承租/,
  },
  {
    name: 'property-company',
    disputeType: 'property_management',
    effect: 'boost',
    boost: 1,
    pattern: /物业/,
  },
  {
    name: 'school-setting',
    disputeType: 'campus',
    effect: 'boost',
    boost: 1,
    pattern: /学校|老师|同学|课间|校内/,
  },
  {
    name: 'debt-collection',
    disputeType: 'private_lending',
    effect: 'boost',
    boost: 1,
    pattern: /讨债|催债|债主|还钱|欠款/,
  },
  {
    name: 'pollution-terms',
    disputeType: 'environment',
    effect: 'boost',
    boost: 1,
    pattern: /油烟|粉尘|扬尘|废气|废水|污水|排污|污染|恶臭|臭味|噪声/,
  },
  {
    name: 'consumer-terms',
    disputeType: 'consumer',
    effect: 'boost',
    boost: 1,
    pattern: /消费者|商家|退货|退款|售后|假货|办卡|预付|[三十]倍赔偿|退一赔/,
  },
];

/** The rules whose pattern matches and whose `unless` does not, in priority order. */
export function matchRules(text: string, rules: readonly DisputeRule[] = DISPUTE_RULES): DisputeRule[] {
  return rules.filter((rule) => rule.pattern.test(text) && !(rule.unless?.test(text) ?? false));
}
