import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isHeldOut, parseTsv, readTsv, splitExamples, type LabelledExample } from './dataset';
import { DisputeClassifier } from './dispute-classifier';
import { DISPUTE_TYPE_CODES } from './dispute-types';
import { argmax } from './naive-bayes';
import { shippedModel } from './shipped-model';
import { segment, tokenize } from './tokenizer';
import { DATASET_PATH, trainDisputeModel } from './training/train';

const classifier = new DisputeClassifier();

describe('tokenizer', () => {
  it('segments a registrar sentence into words with jieba', () => {
    expect(segment('村民因宅基地界址发生纠纷')).toEqual(['村民', '因', '宅基地', '界址', '发生', '纠纷']);
  });

  it('keeps content words and drops stopwords, punctuation, numbers and anonymised names', () => {
    expect(tokenize('王某家楼上卫生间漏水，把天花板泡坏了，索赔2000元。')).toEqual([
      '楼上',
      '卫生间',
      '漏水',
      '天花板',
      '泡坏',
      '索赔',
    ]);
    expect(tokenize('李某与张某发生纠纷')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('keeps the single characters that carry the type', () => {
    expect(tokenize('他的车被撞了')).toEqual(['车', '撞']);
  });
});

describe('training data and split', () => {
  const { examples, rejected } = readTsv(DATASET_PATH);

  it('ships at least 40 examples of every type and no unreadable line', () => {
    expect(rejected).toEqual([]);
    for (const code of DISPUTE_TYPE_CODES) {
      expect(examples.filter((e) => e.disputeType === code).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('splits deterministically by text, about 80/20', () => {
    const { train, heldOut } = splitExamples(examples);
    expect(
      splitExamples([...examples].reverse())
        .heldOut.map((e) => e.text)
        .sort(),
    ).toEqual(heldOut.map((e) => e.text).sort());
    expect(heldOut.length / examples.length).toBeGreaterThan(0.15);
    expect(heldOut.length / examples.length).toBeLessThan(0.25);
    expect(train.length + heldOut.length).toBe(examples.length);
  });

  it('parses a corrections export: header, escapes, unknown codes', () => {
    const parsed = parseTsv('dispute_type\ttext\nland\t宅基地\\t边界\\n有争议\nnope\tx\nother\t\n');
    expect(parsed.examples).toEqual([{ disputeType: 'land', text: '宅基地\t边界\n有争议' }]);
    expect(parsed.rejected.map((r) => r.line)).toEqual([3, 4]);
  });
});

describe('shipped model', () => {
  const model = shippedModel();
  const { heldOut } = splitExamples(readTsv(DATASET_PATH).examples);

  it('was trained on the same split the tests recompute', () => {
    expect(model.counts.heldOutExamples).toBe(heldOut.length);
    expect(statSync(join(__dirname, 'model.json')).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  // Recomputed here from the TSV and the split, not read from model.json. Achieved by the shipped model:
  // 0.854 (model alone) and 0.869 (model + rules), on 198 held-out examples; the bounds sit a little
  // below, to absorb a retrain with corrections, and above the 0.80 requirement.
  it('classifies the held-out examples with accuracy >= 0.85 (model alone >= 0.83)', () => {
    let modelCorrect = 0;
    let correct = 0;
    for (const example of heldOut) {
      const posterior = classifier.modelPosterior(tokenize(example.text));
      if (model.classes[argmax(posterior)] === example.disputeType) modelCorrect += 1;
      if (classifier.suggest(example.text).disputeType === example.disputeType) correct += 1;
    }
    expect(correct / heldOut.length).toBeGreaterThanOrEqual(0.85);
    expect(modelCorrect / heldOut.length).toBeGreaterThanOrEqual(0.83);
  });
});

describe('DisputeClassifier.suggest', () => {
  it.each([
    ['land-terms', 'land', '两家因为宅基地边界问题吵了好几年，都说对方多占了地。'],
    ['land-terms', 'land', '承包地被同组村民种上了玉米，要求退还。'],
    ['work-injury-terms', 'work_injury', '工人在厂里被机器轧伤，老板不给申请工伤认定。'],
    ['work-injury-terms', 'work_injury', '员工确诊职业病，公司不承认。'],
    ['expropriation-terms', 'expropriation', '拆迁补偿款一直没有发到位，被拆迁户来反映。'],
    ['expropriation-terms', 'expropriation', '房屋征收评估价太低，居民不愿签字。'],
    ['medical-malpractice', 'medical', '家属认为是医疗事故，要求赔偿。'],
    ['medical-malpractice', 'medical', '孩子发烧被误诊为感冒，耽误了治疗。'],
    ['traffic-collision', 'traffic_accident', '在路口被后面的车追尾，对方不肯赔。'],
    ['traffic-collision', 'traffic_accident', '骑电动车被小货车撞倒，腿骨折了。'],
    ['loan-instruments', 'private_lending', '他拿着借条来要钱，借款人说早还了。'],
    ['loan-instruments', 'private_lending', '去年借钱给老同学三万，一直不还。'],
    ['estate-terms', 'inheritance', '爸爸走了以后，几个子女为遗产怎么分吵起来了。'],
    ['property-fee-and-owners-bodies', 'property_management', '业主拒交物业费，物业公司上门催收。'],
    ['unpaid-wages-and-contract', 'labour', '老板拖欠了我们三个月的工资。'],
    ['marriage-terms', 'marriage_family', '女方要求退还彩礼，男方不同意。'],
    ['campus-terms', 'campus', '孩子在学校遭受校园欺凌，班主任不管。'],
  ])('rule %s decides %s: %s', (rule, disputeType, text) => {
    const s = classifier.suggest(text);
    expect(s.disputeType).toBe(disputeType);
    expect(s.rule).toBe(rule);
    expect(s.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('lets a more specific rule win: a commuting accident claimed as 工伤 is a work injury', () => {
    const s = classifier.suggest('下班路上骑车被撞伤，想申请工伤认定，单位不配合。');
    expect(s.disputeType).toBe('work_injury');
    expect(s.rule).toBe('work-injury-terms');
  });

  it('tells a leaking-flat neighbour quarrel from a 物业费 dispute', () => {
    const neighbour = classifier.suggest('楼上邻居家卫生间漏水，把楼下天花板泡坏了，楼上不愿意赔偿。');
    expect(neighbour.disputeType).toBe('neighbour');
    expect(neighbour.rule).toBeUndefined();
    const fee = classifier.suggest('物业服务太差，业主拒交物业费，物业公司要起诉业主。');
    expect(fee.disputeType).toBe('property_management');
  });

  it('reports the words that drove the suggestion', () => {
    const s = classifier.suggest('村民李某与邻居因宅基地界址发生争执，对方建房时多占了半米。');
    expect(s.disputeType).toBe('land');
    expect(s.drivingWords.map((w) => w.word)).toContain('宅基地');
    expect(s.drivingWords.length).toBeLessThanOrEqual(5);
    const weights = s.drivingWords.map((w) => w.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.every((w) => w > 0)).toBe(true);
  });

  it('returns a calibrated confidence and two alternatives, most probable first', () => {
    for (const text of [
      '小区旁边的饭店油烟直排，熏得居民不敢开窗。',
      '公司把员工辞退了也不给补偿。',
      '两个人在菜市场为了摊位吵了起来。',
    ]) {
      const s = classifier.suggest(text);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(Number.isInteger(s.confidence * 1000)).toBe(true);
      expect(s.alternatives).toHaveLength(2);
      expect(s.alternatives.map((a) => a.disputeType)).not.toContain(s.disputeType);
      const confidences = [s.confidence, ...s.alternatives.map((a) => a.confidence)];
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      expect(s.modelVersion).toBe(shippedModel().version);
    }
  });

  it('a boost does not claim a decision it did not change', () => {
    const s = classifier.suggest('房东不退押金，租客要求退还三千元押金。');
    expect(s.disputeType).toBe('tenancy');
    expect(s.rule).toBeUndefined();
  });

  it.each(['', '   ', '纠纷', '你好'])('falls back to other with low confidence for %p', (text) => {
    const s = classifier.suggest(text);
    expect(s.disputeType).toBe('other');
    expect(s.confidence).toBeLessThan(0.1);
    expect(s.drivingWords).toEqual([]);
  });
});

describe('training with corrections', () => {
  // A third of the data keeps this a unit test (CV + training take seconds on the full set); the merge
  // rules do not depend on size.
  it('adds corrections to the training split, never to the held-out one', () => {
    const dataset = readTsv(DATASET_PATH).examples.filter((_, i) => i % 3 === 0);
    const heldOutText = dataset.find((e) => isHeldOut(e.text))?.text as string;
    const shipped = dataset.find((e) => !isHeldOut(e.text) && e.disputeType !== 'other') as LabelledExample;
    const { model, report } = trainDisputeModel({
      dataset,
      corrections: [
        { disputeType: 'other', text: '无人机在小区上空航拍，居民认为偷拍了自家阳台。' },
        { disputeType: 'other', text: heldOutText },
        { disputeType: 'other', text: shipped.text },
      ],
    });
    expect(model.counts.correctionsUsed).toBe(2);
    expect(model.vocabulary).toContain('无人机');
    expect(model.counts.heldOutExamples).toBe(splitExamples(dataset).heldOut.length);
    // The relabelled example replaced the shipped one rather than being counted twice.
    expect(model.counts.trainExamples).toBe(splitExamples(dataset).train.length + 1);
    expect(report.join('\n')).toContain("1 change a shipped example's label, 1 skipped");
  }, 60_000);
});
