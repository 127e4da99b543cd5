import { z } from 'zod';
import { NODE_ID_PATTERN } from '../../../config/env.schema';
import { EEA_COUNTRIES } from '../../../config/countries';

const BASE64URL_ED25519 = /^[A-Za-z0-9_-]{43}$/;

export const publicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(BASE64URL_ED25519, 'must be a base64url Ed25519 public key'),
  kid: z.string().min(1).max(128),
  alg: z.literal('EdDSA').default('EdDSA'),
  use: z.literal('sig').default('sig'),
});

export const privateJwkSchema = publicJwkSchema.extend({
  d: z.string().regex(BASE64URL_ED25519, 'must be a base64url Ed25519 private key'),
});

const pemCertificate = z
  .string()
  .regex(
    /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/,
    'must be a PEM certificate',
  );

/** registry.json: the federation's members, shared by every HDAB. */
export const registryFileSchema = z
  .strictObject({
    trustDomain: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, 'must be a DNS-like SPIFFE trust domain'),
    nodes: z
      .array(
        z.strictObject({
          id: z.string().regex(NODE_ID_PATTERN),
          country: z.enum(EEA_COUNTRIES),
          grpcAddress: z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port'),
          httpUrl: z.url({ protocol: /^https?$/ }),
          ca: pemCertificate,
          jwks: z.strictObject({ keys: z.array(publicJwkSchema).min(1) }),
        }),
      )
      .min(1),
  })
  .refine((r) => new Set(r.nodes.map((n) => n.id)).size === r.nodes.length, {
    message: 'node ids must be unique',
  });

export type RegistryFile = z.infer<typeof registryFileSchema>;
