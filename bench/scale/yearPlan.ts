// What one year of a province's one-stop centers looks like, as numbers the
// generator draws from. Sources: Hanoi's commune-level points received about
// 8,000 dossiers a calendar day in the second half of 2025 (≈ 3 million a
// year), about 60% of them online; the rest is this project's sample
// procedures (processes/) in a plausible commune-level mix.

/** One way through a sample procedure: which outcome each gateway takes. */
export interface PathSpec {
  /** test/fixtures/samples/<slug>.json: valid start and step data of the procedure. */
  slug: string;
  /** Share of all dossiers. */
  share: number;
  /** Step data variant per element (the fixture's `Element#variant` keys). */
  variants?: Record<string, string>;
  /** Start data overriding the fixture's (to steer a gateway decided on it). */
  startData?: Record<string, unknown>;
}

export const PATHS: PathSpec[] = [
  { slug: 'birth-residence-insurance', share: 0.35 },
  { slug: 'death-residence-funeral', share: 0.06 },
  { slug: 'death-residence-funeral', share: 0.04, startData: { deceasedHadSocialInsurance: false, requestFuneralSupport: true } },
  { slug: 'land-use-right-transfer', share: 0.22, variants: { Task_CheckDossierSendToTax: 'valid' } },
  { slug: 'land-use-right-transfer', share: 0.03, variants: { Task_CheckDossierSendToTax: 'invalid' } },
  { slug: 'enterprise-registration', share: 0.085, variants: { Task_ExamineDossier: 'valid' } },
  { slug: 'enterprise-registration', share: 0.015, variants: { Task_ExamineDossier: 'invalid' } },
  { slug: 'construction-permit-house', share: 0.17, variants: { Task_AppraiseDossier: 'approve' } },
  { slug: 'construction-permit-house', share: 0.03, variants: { Task_AppraiseDossier: 'reject' } },
];

/** Dossiers in a full year (SCALE overrides). */
export const FULL_YEAR_DOSSIERS = 3_000_000;

/** Hanoi's commune-level units after the 2025 reorganisation. */
export const FULL_YEAR_COMMUNES = 126;

/** Reception channels: online (public service portal), in person, by post. */
export const CHANNEL_SHARES = { online: 0.6, direct: 0.38, post: 0.02 } as const;

/**
 * How long a step takes: most steps use a good part of their allotment, some
 * are late (up to 2.5 times it), a few stay stuck for weeks (the backlog
 * every center carries). Tuned so that about 5% of a year's dossiers are
 * pending at its end, a fifth to a quarter of those past their promised date.
 */
export const STEP_TIMES = {
  /** An ordinary step takes this share of its allotment, plus up to `span` more. */
  from: 0.3,
  span: 0.7,
  lateShare: 0.05,
  stuckShare: 0.012,
  /** A stuck step takes 5 to 5 + this many working days, whatever its allotment. */
  stuckDays: 55,
} as const;

/** The citizen pays a tax notice (an uncounted step) within this share of its 30-day allotment. */
export const UNCOUNTED_SPAN = 0.6;

export const EVENT_SHARES = {
  /** Dossiers whose desk asked for a supplement (clocks restart when it comes). */
  supplement: 0.06,
  /** Late dossiers that got an apology letter with a new appointment before their promised date. */
  apologyOfLate: 0.35,
  /** Dossiers withdrawn by the citizen during their first step. */
  withdrawn: 0.003,
  /** Open steps an officer has claimed. */
  claimed: 0.3,
} as const;

/** Office hours of the working day the generator lays times on (08:00–17:00 Vietnam). */
export const WORKDAY_START_HOUR_VN = 8;
export const WORKDAY_HOURS = 9;
