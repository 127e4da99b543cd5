import { Person } from '../domain/person';

/** Checks a bearer token; a bad one is REQUEST.UNAUTHENTICATED with the reason. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Person>;
}
