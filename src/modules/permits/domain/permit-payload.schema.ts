import { z } from 'zod';
import { PURPOSES } from './purposes';
import type { PermitPayload } from './permit-payload';
import type { GeneralJws } from './permit';

const nodeId = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/);
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const instant = z.iso.datetime();

/** Parts shared by the permit and the application it comes from. */
export const permitParts = {
  nodeId,
  purpose: z.enum(Object.keys(PURPOSES) as [keyof typeof PURPOSES]),
  title: z.string().min(1).max(300),
  datasets: z
    .array(
      z.strictObject({
        node: nodeId,
        dataset: identifier,
        variables: z.array(identifier).min(1).max(500),
      }),
    )
    .min(1)
    .max(100),
  namedUser: z.strictObject({
    issuer: z.string().min(1).max(300),
    subject: z.string().min(1).max(300),
  }),
};

/** A decoded permit payload; anything else in a permit is refused. */
export const permitPayloadSchema = z.strictObject({
  permitId: z.uuid(),
  lead: nodeId,
  participants: z.array(nodeId).min(1).max(30),
  purpose: permitParts.purpose,
  title: permitParts.title,
  datasets: permitParts.datasets,
  users: z.array(permitParts.namedUser).min(1).max(200),
  analysisKinds: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/))
    .min(1)
    .max(50),
  pseudonymised: z.boolean(),
  outputChecking: z.strictObject({ profile: z.string().min(1).max(60) }),
  validFrom: instant,
  validUntil: instant,
}) satisfies z.ZodType<PermitPayload>;

const b64url = z.string().regex(/^[A-Za-z0-9_-]{1,100000}$/);

/** A permit as a JWS in General JSON Serialization, as it travels between nodes. */
export const generalJwsSchema = z.strictObject({
  payload: b64url,
  signatures: z
    .array(z.strictObject({ protected: b64url, signature: b64url }))
    .min(1)
    .max(50),
}) satisfies z.ZodType<GeneralJws>;
