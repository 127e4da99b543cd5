import { credentials, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadProtos } from '../../src/grpc/proto';
import type { GetNodeInfoResponse__Output } from '../../src/generated/proto/spe/v1/GetNodeInfoResponse';
import type { PeerServiceClient } from '../../src/generated/proto/spe/v1/PeerService';

/** A bare grpc-js client with whatever TLS material a test gives it (or none). */
export function peerServiceClient(
  address: string,
  tls: { caPem: string; certPem?: string; keyPem?: string },
): PeerServiceClient {
  const proto = loadProtos();
  const channel = credentials.createSsl(
    Buffer.from(tls.caPem),
    tls.keyPem ? Buffer.from(tls.keyPem) : null,
    tls.certPem ? Buffer.from(tls.certPem) : null,
  );
  return new proto.spe.v1.PeerService(address, channel, {
    'grpc.ssl_target_name_override': 'localhost',
  });
}

export function getNodeInfo(
  client: PeerServiceClient,
  metadata = new Metadata(),
): Promise<GetNodeInfoResponse__Output> {
  return new Promise((resolve, reject) =>
    client.getNodeInfo({}, metadata, { deadline: Date.now() + 5000 }, (error, response) =>
      error ? reject(error) : resolve(response!),
    ),
  );
}

/** The error a call failed with, or a test failure if it succeeded. */
export async function refusalOf(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('The call was expected to be refused, but it succeeded');
}
