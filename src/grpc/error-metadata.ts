/** Trailing metadata key carrying the DomainError code of a failed call across nodes. */
export const ERROR_CODE_METADATA = 'x-error-code';
