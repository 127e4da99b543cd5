import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The node's Prometheus metrics; one registry per node, so several nodes can share a process. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'spe_http_requests_total',
    help: 'HTTP requests served, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'spe_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly grpcRequests = new Counter({
    name: 'spe_grpc_requests_total',
    help: 'gRPC calls served, by method, calling peer and status',
    labelNames: ['method', 'peer', 'code'] as const,
    registers: [this.registry],
  });

  readonly grpcDuration = new Histogram({
    name: 'spe_grpc_request_duration_seconds',
    help: 'gRPC call latency as served',
    labelNames: ['method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly tlsRefusals = new Counter({
    name: 'spe_grpc_tls_refusals_total',
    help: 'TLS handshakes refused on the gRPC port (no or untrusted client certificate)',
    registers: [this.registry],
  });

  readonly peerCalls = new Counter({
    name: 'spe_peer_calls_total',
    help: 'Outbound calls to peer nodes, by peer, method and outcome (gRPC status)',
    labelNames: ['peer', 'method', 'code'] as const,
    registers: [this.registry],
  });

  readonly peerCallDuration = new Histogram({
    name: 'spe_peer_call_duration_seconds',
    help: 'Outbound peer call latency',
    labelNames: ['peer', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly auditAlerts = new Counter({
    name: 'spe_audit_alerts_total',
    help: "Peers' tree heads that did not follow the heads they signed before, by node and kind",
    labelNames: ['node', 'kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'spe_' });
  }
}
