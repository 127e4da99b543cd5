/**
 * The normal and Student t distributions, to double precision (relative
 * error about 1e-14 or better, see the spec), for the tests and intervals
 * of the regression kinds. Pure functions; no dependency.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const MAX_ITERATIONS = 100_000;
/** Relative change below which a series or continued fraction has converged. */
const EPSILON = 1e-16;
/** A number near the smallest double, keeping Lentz's method away from division by 0. */
const FP_MIN = 1e-300;

/** Φ(x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const tail = 0.5 * erfcOfScaled(Math.abs(x));
  return x < 0 ? tail : 1 - tail;
}

/** P(|Z| ≥ |z|) for a standard normal Z, accurate in the far tail as well. */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return erfcOfScaled(Math.abs(z));
}

/**
 * Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS 241
 * (PPND16, Applied Statistics 37 (1988) 477–484), accurate to about 1e-16:
 * the algorithm R's qnorm uses. −Infinity at 0, Infinity at 1.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    value = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -value : value;
}

/**
 * P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df > 0, not
 * necessarily whole): the regularized incomplete beta I_x(df/2, 1/2) at
 * x = df / (df + t²), as R's pt(-|t|, df) * 2.
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // x and 1 − x computed apart, so neither loses digits when the other is tiny.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  // With many degrees of freedom x is near 1, where the continued fraction
  // loses digits in proportion to df; the asymptotic expansion does not.
  return df >= 100 && t2 < df ? betaLargeAHalfB(x, y, df / 2) : betaRegularized(x, y, df / 2, 0.5);
}

/** I_x(a, b), the regularized incomplete beta function, for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || x < 0 || x > 1 || !(a > 0) || !(b > 0)) return NaN;
  return betaRegularized(x, 1 - x, a, b);
}

/** ln Γ(x) for x > 0: Lanczos (g = 7, 9 terms) below 10, Stirling's series with its correction above. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b), without the cancellation of large ln Γ values (as R's lbeta). */
function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (small >= 10) {
    const correction =
      stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(small + large);
    return (
      -0.5 * Math.log(large) +
      LN_SQRT_2PI +
      correction +
      (small - 0.5) * Math.log(small / (small + large)) +
      large * Math.log1p(-small / (small + large))
    );
  }
  if (large >= 10) return logGamma(small) + logGammaRatio(large, small);
  return logGamma(small) + logGamma(large) - logGamma(small + large);
}

/** ln Γ(a) − ln Γ(a + b) for a ≥ 10, without cancelling two large numbers (R's algdiv). */
function logGammaRatio(a: number, b: number): number {
  return (
    stirlingCorrection(a) -
    stirlingCorrection(a + b) +
    b -
    b * Math.log(a + b) +
    (a - 0.5) * Math.log1p(-b / (a + b))
  );
}

/** I_x(a, b) given x and y = 1 − x, each accurate (Numerical Recipes' betai). */
function betaRegularized(x: number, y: number, a: number, b: number): number {
  if (x === 0) return 0;
  if (y === 0) return 1;
  const logX = y < 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = x < 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/** The continued fraction of the incomplete beta function by the modified Lentz method (Numerical Recipes' betacf). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  d = 1 / (Math.abs(d) < FP_MIN ? FP_MIN : d);
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < FP_MIN ? FP_MIN : d);
    c = 1 + aa / c;
    if (Math.abs(c) < FP_MIN) c = FP_MIN;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    d = 1 / (Math.abs(d) < FP_MIN ? FP_MIN : d);
    c = 1 + aa / c;
    if (Math.abs(c) < FP_MIN) c = FP_MIN;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return h;
  }
  throw new Error(`The incomplete beta fraction did not converge (a = ${a}, b = ${b}, x = ${x})`);
}

/**
 * I_x(a, ½) for a large and x > ½, by Didonato and Morris's asymptotic
 * expansion in 1/a (BGRAT of ACM TOMS 708, which R's pbeta uses), with
 * b = ½ so that its incomplete gamma ratio is an erfc: accurate to about
 * 1e-14 where x = 1 − y is near 1.
 */
function betaLargeAHalfB(x: number, y: number, a: number): number {
  const b = 0.5;
  const bm1 = b - 1;
  const nu = a + bm1 * 0.5;
  const lnx = y <= 0.375 ? Math.log1p(-y) : Math.log(x);
  const z = -nu * lnx;
  // u = e^(−z) z^b / Γ(b) · Γ(a + b) / (Γ(a) ν^b), in logs so that only a true underflow gives 0.
  const logU = -z + b * Math.log(z) - Math.log(SQRT_PI) - logGammaRatio(a, b) - b * Math.log(nu);
  // j = Q(b, z) / (e^(−z) z^b / Γ(b)): the continued fraction itself where it applies.
  let j =
    z >= 1.5625
      ? gammaHalfFraction(z)
      : (erfcOfScaled(Math.sqrt(2 * z)) * SQRT_PI) / (Math.exp(-z) * Math.sqrt(z));
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  const c: number[] = [];
  const d: number[] = [];
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coefficient = b - n;
    for (let i = 1; i < n; i++) {
      s += coefficient * c[i - 1] * d[n - i - 1];
      coefficient += b;
    }
    d.push(bm1 * cn + s / n);
    const dj = d[n - 1] * j;
    sum += dj;
    if (Math.abs(dj) <= EPSILON * sum) break;
  }
  return Math.exp(logU) * sum;
}

/**
 * erfc(x / √2) for x ≥ 0, i.e. 2·(1 − Φ(x)): 1 − the series of erf below
 * x/√2 = 1.25, the continued fraction of Γ(½, x²/2) above it. The factor
 * e^(−x²/2) is computed from x split in two (as Cody's and R's pnorm), so
 * rounding x² and x/√2 costs no digits in the far tail.
 */
function erfcOfScaled(x: number): number {
  const z = x / Math.SQRT2;
  if (z < 1.25) {
    // erf(z) = 2/√π · e^(−z²) · Σ (2z²)ⁿ z / (1·3·…·(2n+1)): every term positive.
    const z2 = z * z;
    let term = z;
    let sum = z;
    for (let n = 1; n <= MAX_ITERATIONS && term > sum * EPSILON; n++) {
      term *= (2 * z2) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-z2) * sum;
  }
  const h = gammaHalfFraction(z * z);
  const high = Math.trunc(x * 16) / 16;
  const rest = (x - high) * (x + high);
  return (Math.exp(-0.5 * high * high) * Math.exp(-0.5 * rest) * z * h) / SQRT_PI;
}

/**
 * h(s) with Q(½, s) = e^(−s) s^½ / Γ(½) · h(s), for s ≥ 1.5625: the continued
 * fraction 1 / (s + ½ − 1·½ / (s + 5/2 − 2·3/2 / (s + 9/2 − …))) by the
 * modified Lentz method (Numerical Recipes' gcf with a = ½).
 */
function gammaHalfFraction(s: number): number {
  const a = 0.5;
  let b = s + 1 - a;
  let c = 1 / FP_MIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FP_MIN) d = FP_MIN;
    c = b + an / c;
    if (Math.abs(c) < FP_MIN) c = FP_MIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return h;
}

/** ln Γ(x) − Stirling's approximation, for x ≥ 10: Σ B₂ₖ / (2k(2k−1) x^(2k−1)), to below 1e-17. */
function stirlingCorrection(x: number): number {
  const inverse2 = 1 / (x * x);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * inverse2 + STIRLING[k];
  return sum / x;
}

/** Σ cᵢ rⁱ by Horner's rule, c in ascending powers. */
function polynomial(coefficients: readonly number[], r: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * r + coefficients[i];
  return sum;
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

// AS 241's coefficients, in ascending powers, with the digits published (Wichura 1988).
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];
