// The two astronomical quantities the lunisolar calendar is built on: the
// instant of each new moon and the sun's apparent longitude.
//
// Formulas follow Meeus, "Astronomical Algorithms" (2nd ed.), chapters 25 and
// 49. Their accuracy (well under a minute for new moons, ~0.01° for the sun)
// is far finer than the calendar's one-day resolution; only moons within
// minutes of local midnight could be misplaced, which is the same limit the
// published Vietnamese calendars live with.

const RAD = Math.PI / 180;

/** Mean length of a lunation, in days. */
export const SYNODIC_MONTH = 29.530588861;

/** JDE of the mean new moon of lunation 0 (2000-01-06). */
export const LUNATION_ZERO_JDE = 2451550.09766;

function sinDeg(degrees: number): number {
  return Math.sin(degrees * RAD);
}

function normalizeDegrees(degrees: number): number {
  const d = degrees % 360;
  return d < 0 ? d + 360 : d;
}

/**
 * ΔT = TT − UT in seconds (Espenak & Meeus polynomial fits). Dynamical time
 * drifts from clock time by about a minute nowadays; ignoring it would shift
 * new moons by that much around midnight.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y < 1900) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

function decimalYearOfJd(jd: number): number {
  return 2000 + (jd - 2451545.0) / 365.25;
}

export function terrestrialToUniversal(jde: number): number {
  return jde - deltaTSeconds(decimalYearOfJd(jde)) / 86400;
}

export function universalToTerrestrial(jd: number): number {
  return jd + deltaTSeconds(decimalYearOfJd(jd)) / 86400;
}

// Periodic terms of the true new moon: [coefficient, power of E, M, M', F, Ω].
// E corrects for the decreasing eccentricity of the Earth's orbit.
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary perturbations: [coefficient, phase at k=0, degrees per lunation].
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number]> = [
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** JDE (terrestrial time) of the true new moon of lunation k (k = 0 in January 2000). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  let jde = LUNATION_ZERO_JDE + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;

  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const mPrime = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  for (const [coefficient, ePower, cm, cmPrime, cf, cOmega] of NEW_MOON_TERMS) {
    const argument = cm * m + cmPrime * mPrime + cf * f + cOmega * omega;
    jde += coefficient * e ** ePower * sinDeg(argument);
  }

  jde += 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2);
  for (const [coefficient, phase, rate] of PLANETARY_TERMS) {
    jde += coefficient * sinDeg(phase + rate * k);
  }
  return jde;
}

/** Apparent geocentric longitude of the sun, degrees in [0, 360), at a JDE. */
export function sunApparentLongitude(jde: number): number {
  const t = (jde - 2451545.0) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly) +
    0.000289 * sinDeg(3 * meanAnomaly);
  const omega = 125.04 - 1934.136 * t;
  // Nutation and aberration turn the true longitude into the apparent one.
  return normalizeDegrees(meanLongitude + center - 0.00569 - 0.00478 * sinDeg(omega));
}
