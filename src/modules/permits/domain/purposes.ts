/** EHDS Art 53(1): the purposes data may be processed for. */
export const PURPOSES = {
  'public-interest-health': 'Art 53(1)(a) public interest in public and occupational health',
  'policy-making': 'Art 53(1)(b) policy making and regulatory activities',
  'official-statistics': 'Art 53(1)(c) official statistics',
  education: 'Art 53(1)(d) education or teaching in health or care',
  'scientific-research':
    'Art 53(1)(e) scientific research, including innovation and AI training and testing',
  'improving-care': 'Art 53(1)(f) improving the delivery of care and treatment',
} as const;

export type Purpose = keyof typeof PURPOSES;

/** Art 53(1)(a)-(c) are for public-sector bodies only. */
export const PUBLIC_SECTOR_PURPOSES: readonly Purpose[] = [
  'public-interest-health',
  'policy-making',
  'official-statistics',
];

/** EHDS Art 54: uses that are refused whatever else the application says. */
export const PROHIBITED_USES = {
  'detrimental-decisions':
    'Art 54(a) decisions detrimental to a person or group based on their health data',
  'insurance-or-credit-exclusion':
    'Art 54(b) excluding people from insurance or credit, or changing their terms',
  'advertising-or-marketing': 'Art 54(c) advertising or marketing',
  'harmful-products': 'Art 54(d) developing products or services that may harm people or society',
  'prohibited-by-law': 'Art 54(e) activities contrary to ethical provisions of national law',
} as const;

export type ProhibitedUse = keyof typeof PROHIBITED_USES;

export function isPurpose(value: string): value is Purpose {
  return Object.hasOwn(PURPOSES, value);
}

export function isProhibitedUse(value: string): value is ProhibitedUse {
  return Object.hasOwn(PROHIBITED_USES, value);
}
