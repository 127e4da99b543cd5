import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditConfig, NodeConfig } from '../../../config/app-config';
import { parseInput } from '../../../shared/validation';
import { Roles } from '../../identity/transport/access.decorators';
import { AuditTreeService } from '../application/audit-tree.service';
import { AuditService } from '../application/audit.service';
import { HeadGossipService } from '../application/head-gossip.service';
import {
  consistencyQuerySchema,
  entriesQuerySchema,
  inclusionQuerySchema,
  leavesQuerySchema,
  nodeIdSchema,
} from './audit.http.schemas';
import { alertView, hashesView, headView, heldHeadView, leafView, placedView } from './audit.views';

/** The auditor's API: read-only queries of this node's log, its signed tree heads and proofs. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/audit')
export class AuditHttpController {
  constructor(
    private readonly audit: AuditService,
    private readonly tree: AuditTreeService,
    private readonly gossip: HeadGossipService,
    private readonly node: NodeConfig,
    private readonly config: AuditConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The log at a glance: its size, latest signed head, retention and peers' alerts",
  })
  async overview() {
    const oldest = await this.audit.oldestEntryAt();
    return {
      node: this.node.id,
      treeSize: await this.tree.size(),
      latestHead: headView(await this.tree.latestHead()),
      retention: { minimumYears: this.config.retentionYears, oldestEntryAt: oldest?.toISOString() },
      alerts: (await this.gossip.alerts()).length,
    };
  }

  @Get('entries')
  @ApiOperation({
    summary:
      'Entries by permit, person (issuer#subject), peer, action, outcome and time [from, to), in seq order; ' +
      'a page of `limit` with `next` to pass as `after`, or with format=jsonl every match as JSON lines',
  })
  @ApiQuery({ name: 'permit', required: false })
  @ApiQuery({ name: 'person', required: false })
  @ApiQuery({ name: 'peer', required: false })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'outcome', required: false, enum: ['success', 'denied', 'invalid', 'error'] })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601, exclusive' })
  @ApiQuery({ name: 'after', required: false, description: 'the `next` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1-1000, default 100' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'jsonl'] })
  async entries(@Query() query: unknown, @Res() res: Response): Promise<void> {
    const q = parseInput(entriesQuerySchema, query, 'query');
    const filter = {
      permitId: q.permit,
      person: q.person,
      peer: q.peer,
      action: q.action,
      outcome: q.outcome,
      from: q.from,
      to: q.to,
    };
    if (q.format === 'json') {
      const page = await this.audit.search(filter, { after: q.after, limit: q.limit });
      res.json({ entries: page.entries.map(placedView), next: page.next ?? null });
      return;
    }
    res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-${this.node.id}.jsonl"`);
    try {
      for await (const page of this.audit.export(filter)) {
        res.write(page.map((p) => `${JSON.stringify(placedView(p))}\n`).join(''));
      }
      res.end();
    } catch (error) {
      // Too late for an error response: cut the transfer so that no one takes it as complete.
      res.destroy(error as Error);
    }
  }

  @Get('tree/head')
  @ApiOperation({ summary: 'The latest signed tree head (a compact JWS, EdDSA)' })
  async head() {
    return headView(await this.tree.latestHead());
  }

  @Post('tree/head')
  @ApiOperation({ summary: 'Takes in every committed entry and signs a new tree head now' })
  async signHead() {
    return headView(await this.tree.signHead());
  }

  @Get('tree/leaves')
  @ApiOperation({
    summary: 'Leaves [start, end) in tree order, at most 1000, each with the entry it hashes',
  })
  @ApiQuery({ name: 'start', required: true })
  @ApiQuery({ name: 'end', required: true })
  async leaves(@Query() query: unknown) {
    const q = parseInput(leavesQuerySchema, query, 'query');
    const page = await this.tree.leaves(q.start, q.end);
    return { treeSize: page.treeSize, leaves: page.leaves.map(leafView) };
  }

  @Get('tree/inclusion-proof')
  @ApiOperation({
    summary: 'The proof that an entry (by `index` or `seq`) is in the tree of `treeSize` leaves',
  })
  @ApiQuery({ name: 'index', required: false })
  @ApiQuery({ name: 'seq', required: false })
  @ApiQuery({ name: 'treeSize', required: false, description: 'default: the latest signed head' })
  async inclusionProof(@Query() query: unknown) {
    const q = parseInput(inclusionQuerySchema, query, 'query');
    const proof = await this.tree.inclusionProof(
      'seq' in q ? { seq: q.seq } : { index: q.index },
      q.treeSize,
    );
    return {
      index: proof.index,
      ...(proof.seq ? { seq: proof.seq } : {}),
      treeSize: proof.treeSize,
      leafHash: proof.leafHash.toString('base64'),
      proof: hashesView(proof.path),
    };
  }

  @Get('tree/consistency-proof')
  @ApiOperation({ summary: 'The proof that the tree of `first` leaves is a prefix of `second`' })
  @ApiQuery({ name: 'first', required: true })
  @ApiQuery({ name: 'second', required: true })
  async consistencyProof(@Query() query: unknown) {
    const q = parseInput(consistencyQuerySchema, query, 'query');
    return {
      first: q.first,
      second: q.second,
      proof: hashesView(await this.tree.consistencyProof(q.first, q.second)),
    };
  }

  @Get('peers/:node/heads')
  @ApiOperation({
    summary:
      "A peer's signed tree heads this node fetched, oldest first: give them to `spe audit verify --heads`",
  })
  async peerHeads(@Param('node') node: string) {
    const id = parseInput(nodeIdSchema, node, 'node id');
    return { node: id, heads: (await this.gossip.heldHeads(id)).map(heldHeadView) };
  }

  @Get('alerts')
  @ApiOperation({
    summary: 'Peers whose new tree head did not follow one they signed before, with both heads',
  })
  async alerts() {
    return { alerts: (await this.gossip.alerts()).map(alertView) };
  }
}
