import { z } from 'zod';
import { DecorumError, expectString, shown } from '../errors.js';
import { lazily } from '../schemas/lazy.js';
import { LABELS } from '../types.js';
import { SIGNAL_NAMES } from './signals.js';

export const MODEL_FORMAT = 'decorum-naive-bayes';
export const MODEL_VERSION = 1;

/**
 * An array whose every element passes `ok`, checked in one loop: the model's arrays hold
 * thousands of entries, and a zod parse per element (in code not yet optimised, before a
 * moderator's first verdict) was a sixth of cold start. The first bad element is named by index.
 */
function arrayOf<T>(what: string, ok: (x: unknown) => x is T) {
  return z.custom<T[]>((v) => Array.isArray(v), { message: `expected an array of ${what}` }).superRefine((v, ctx) => {
    for (let i = 0; i < v.length; i++) {
      if (!ok(v[i])) {
        ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${shown(v[i])}`, path: [i] });
        return;
      }
    }
  });
}
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isString = (x: unknown): x is string => typeof x === 'string';

/** The schema of a model file, built on first use (see ../schemas/lazy.ts). */
function buildModelFileSchema() {
  const counts = arrayOf('non-negative integers', isCount);

  /** Per label: how many training comments carry it, and in how many of them each feature occurs. */
  const LabelStatsSchema = z.strictObject({
    docs: z.number().int().nonnegative(),
    counts,
    /**
     * The combiner: logistic regression over the signals named in `names` (naive-Bayes log-odds,
     * rule hits, topic), fitted on held-out folds of the training set so the result is calibrated.
     */
    combiner: z.strictObject({ names: z.array(z.string()), weights: z.array(z.number()), bias: z.number() }),
  });

  /**
   * The saved model. Features are one sorted array shared by all labels; each label stores
   * aligned counts, so the file is compact and the same fixtures give a byte-identical file.
   */
  return z
    .strictObject({
      format: z.literal(MODEL_FORMAT),
      version: z.literal(MODEL_VERSION),
      /** Laplace smoothing constant. */
      alpha: z.number().positive(),
      docs: z.number().int().positive(),
      features: arrayOf('strings', isString),
      /** Documents containing each feature, over the whole training set (for IDF and the negative class). */
      df: counts,
      labels: z.strictObject({
        slur: LabelStatsSchema,
        insult: LabelStatsSchema,
        partisan_epithet: LabelStatsSchema,
        off_topic: LabelStatsSchema,
      }),
    })
    .refine((m) => m.df.length === m.features.length && Object.values(m.labels).every((l) => l.counts.length === m.features.length), {
      message: 'features, df and every label\'s counts must have the same length',
    });
}

export const modelFileSchema = lazily(buildModelFileSchema);
export type ModelFile = z.infer<ReturnType<typeof buildModelFileSchema>>;

/**
 * Reads a model file, refusing anything that is not exactly this format and version:
 * a model from another version would score silently wrong, which is worse than failing.
 */
export function parseModel(json: unknown, source = 'model'): ModelFile {
  // `source` names the model in every message below.
  expectString(source, 'parseModel(json, source)', 'source');
  // The model as serializeModel wrote it (its text), or that text already parsed.
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new DecorumError('MODEL_FORMAT', `${source}: not valid JSON (${(cause as Error).message})`, { file: source }, { cause });
    }
  }
  const obj = value as { format?: unknown; version?: unknown } | null;
  if (obj === null || typeof obj !== 'object') {
    throw new DecorumError('MODEL_FORMAT', `${source}: not a decorum model (expected a JSON object)`, { file: source });
  }
  if (obj.format !== MODEL_FORMAT) {
    throw new DecorumError('MODEL_FORMAT', `${source}: format is ${shown(obj.format)}, expected "${MODEL_FORMAT}"`, { file: source, field: 'format' });
  }
  if (obj.version !== MODEL_VERSION) {
    throw new DecorumError(
      'MODEL_FORMAT',
      `${source}: model version ${shown(obj.version)} is not supported; this decorum reads version ${MODEL_VERSION}. Retrain with \`decorum train\`.`,
      { file: source, field: 'version' },
    );
  }
  const parsed = modelFileSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(root)';
    throw new DecorumError('MODEL_FORMAT', `${source}: field "${field}": ${issue.message}`, { file: source, field });
  }
  for (const label of LABELS) {
    const names = parsed.data.labels[label].combiner.names;
    const expected = SIGNAL_NAMES[label];
    if (names.join(',') !== expected.join(',') || parsed.data.labels[label].combiner.weights.length !== expected.length) {
      throw new DecorumError(
        'MODEL_FORMAT',
        `${source}: the ${label} combiner uses signals [${names.join(', ')}], this decorum computes [${expected.join(', ')}]. Retrain with \`decorum train\`.`,
        { file: source, field: `labels.${label}.combiner` },
      );
    }
  }
  return parsed.data;
}

/**
 * Serialises deterministically: fixed key order, no whitespace variance, trailing newline. The
 * model is checked as parseModel checks one (MODEL_FORMAT naming the field), so what is written
 * can be read back.
 */
export function serializeModel(model: ModelFile): string {
  model = parseModel(model, 'serializeModel(model)');
  const ordered = {
    format: model.format,
    version: model.version,
    alpha: model.alpha,
    docs: model.docs,
    labels: Object.fromEntries(
      (['slur', 'insult', 'partisan_epithet', 'off_topic'] as const).map((l) => {
        const s = model.labels[l];
        return [l, { docs: s.docs, combiner: { names: s.combiner.names, weights: s.combiner.weights, bias: s.combiner.bias }, counts: s.counts }];
      }),
    ),
    features: model.features,
    df: model.df,
  };
  return JSON.stringify(ordered) + '\n';
}
