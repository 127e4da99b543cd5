import { LocalQuery } from '../../analysis/domain/analysis-kind';

/** Runs a kind's one statement on the workspace, read-only, and returns its few aggregate rows. */
export abstract class AnalysisRunner {
  abstract run(query: LocalQuery): Promise<Record<string, unknown>[]>;
}
