import {
  logGamma,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  regularizedIncompleteBeta,
  studentTTwoSidedP,
} from './distributions';

// Reference values: mpmath 1.3.0 at 40 significant digits (ncdf; √2·erfinv(2p − 1), or
// findroot on ln ncdf in the far tail; betainc(df/2, 1/2, 0, df/(df + t²), regularized=True),
// which is R's 2 * pt(-|t|, df); loggamma), rounded to 17 digits.

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  if (!(error <= tolerance)) {
    throw new Error(`${actual} differs from ${expected} by ${error.toExponential(2)} (relative)`);
  }
}

describe('distributions', () => {
  it.each([
    [-38, 2.8854283600687843e-316],
    [-20, 2.7536241186062337e-89],
    [-10, 7.619853024160526e-24],
    [-5, 2.8665157187919391e-7],
    [-3, 0.0013498980316300945],
    [-1.96, 0.024997895148220434],
    [-1.25, 0.10564977366685526],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.61791142218895264],
    [1, 0.84134474606854295],
    [1.7675, 0.9614277354938763],
    [2.5, 0.99379033467422386],
  ])('normalCdf(%p) = %p', (x, expected) => {
    // Subnormal results carry fewer digits.
    expectRelative(normalCdf(x), expected, x < -37 ? 1e-9 : 1e-14);
  });

  it('gives 1 − tiny above and 0 below the range of doubles, and a two-sided tail without cancellation', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expectRelative(normalTwoSidedP(-10), 2 * 7.619853024160526e-24, 1e-14);
    expectRelative(normalTwoSidedP(1.96), 2 * 0.024997895148220434, 1e-14);
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it.each([
    [1e-300, -37.047096299361199],
    [1e-100, -21.273453560965324],
    [1e-20, -9.2623400897984076],
    [1e-10, -6.3613409024040562],
    [1e-5, -4.2648907939228246],
    [0.001, -3.0902323061678135],
    [0.025, -1.9599639845400542],
    [0.075, -1.4395314709384559],
    [0.1, -1.281551565544600467],
    [0.3, -0.52440051270804078],
    [0.7, 0.52440051270804078],
    [0.924, 1.4325027208258116],
    [0.975, 1.9599639845400542],
    [0.99999, 4.2648907939228246],
  ])('normalQuantile(%p) = %p', (p, expected) => {
    // Near 1, p itself holds only about 1e-16 / (1 − p) of relative precision.
    expectRelative(normalQuantile(p), expected, p > 0.9999 ? 1e-10 : 1e-14);
  });

  it('gives the quantile at the ends and at the middle, and inverts the distribution function', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    for (const x of [-8, -4.2, -1, -0.01, 0.7, 2.2, 5]) {
      expectRelative(normalQuantile(normalCdf(x)), x, x > 4 ? 1e-9 : 1e-13);
    }
  });

  it.each([
    [0.5, 1, 0.70483276469913345],
    [2, 2, 0.18350341907227397],
    [2, 3, 0.13932596855884318],
    [25, 5, 1.9106777843954234e-6],
    [1.5, 7.5, 0.17448057058646423],
    [3.2, 10, 0.0094916957953038504],
    [-2.1, 25, 0.045984284190813853],
    [0.01, 40, 0.99207099695994486],
    [12, 60, 1.3786322641817738e-17],
    [40, 200, 2.2487396535202507e-97],
    [1.96, 1000, 0.050273184955748714],
    [4.5, 12345, 6.8574677135886423e-6],
    [0.7, 1_000_000, 0.48392746728654142],
    [6, 998_877, 1.9738505708063244e-9],
    [2, 998_877, 0.045500534154819604],
  ])('studentTTwoSidedP(%p, df %p) = %p', (t, df, expected) => {
    expectRelative(studentTTwoSidedP(t, df), expected, 1e-13);
  });

  it('gives 1 at t = 0, 0 at an infinite t, and NaN without degrees of freedom', () => {
    expect(studentTTwoSidedP(0, 12)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 12)).toBe(0);
    expect(studentTTwoSidedP(1, 0)).toBeNaN();
  });

  it.each([
    [0.3, 2, 3, 0.3483],
    [0.9, 0.5, 0.5, 0.79516723530086655],
    [0.001, 30, 40, 3.0455315861394307e-71],
    [0.55, 200, 150, 0.2084878008596249],
  ])('regularizedIncompleteBeta(%p, %p, %p) = %p', (x, a, b, expected) => {
    expectRelative(regularizedIncompleteBeta(x, a, b), expected, 1e-12);
  });

  it.each([
    [0.1, 2.252712651734206],
    [0.5, 0.57236494292470009],
    [2.5, 0.28468287047291916],
    [9.99, 12.779315214350193],
    [10, 12.80182748008147],
    [12.3, 18.238983407092242],
    [1000.5, 5908.6741758486775],
    [1e6, 12815504.569147612],
  ])('logGamma(%p) = %p', (x, expected) => {
    expectRelative(logGamma(x), expected, 1e-14);
  });
});
