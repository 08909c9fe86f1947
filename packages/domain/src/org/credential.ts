import { DomainError } from '../errors';
import { isIsoDate } from '../time/china-time';

export type CredentialPeriod = { validFrom: string; validTo: string };

/** ORG-2: a credential is valid on each day from validFrom through validTo, both inclusive. */
export const isCredentialValidOn = (credential: CredentialPeriod, day: string): boolean =>
  credential.validFrom <= day && day <= credential.validTo;

export const assertCredentialPeriod = (period: CredentialPeriod): void => {
  if (!isIsoDate(period.validFrom) || !isIsoDate(period.validTo) || period.validTo < period.validFrom) {
    throw new DomainError('INVALID_CREDENTIAL_PERIOD', period);
  }
};
