import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/clock';
import { DomainError } from '../../../shared/errors';
import { Transaction, UnitOfWork } from '../../../shared/transaction';
import { AuditService } from '../../audit/application/audit.service';
import { AuditActor, AuditChannel } from '../../audit/domain/audit-entry';
import {
  DataDictionary,
  datasetVariables,
  defaultVersion,
  registrationConflict,
} from '../domain/data-dictionary';
import { Dataset } from '../domain/dataset';
import { DatasetStore } from './dataset-store.port';
import { DictionaryDraft, DictionaryDrafts } from './dictionary-drafts.port';
import {
  CsvUpload,
  FlatDatasetStore,
  LoadedFile,
  RegistrationProgress,
} from './flat-dataset-store.port';

/** Who registers: an operator at the command line, or an hdab-admin over REST. */
export interface Registrant {
  readonly channel: AuditChannel;
  readonly actor: AuditActor;
}

export interface RegisteredDataset extends LoadedFile {
  readonly dataset: Dataset;
  readonly previousVersion?: string;
}

type OnProgress = (progress: RegistrationProgress) => void;

/**
 * Registers a person-level file with its data dictionary as a dataset, all
 * or nothing: the previous version stays in use until the new one is
 * complete, then both the table and the register row change in one
 * transaction, with the audit entry.
 */
@Injectable()
export class RegisterDatasetService {
  constructor(
    private readonly flat: FlatDatasetStore,
    private readonly datasets: DatasetStore,
    private readonly drafts: DictionaryDrafts,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The file and its dictionary together; without a version, the next one. */
  register(
    request: { id: string; version?: string; dictionary: DataDictionary; file: CsvUpload },
    by: Registrant,
    onProgress: OnProgress = () => undefined,
  ): Promise<RegisteredDataset> {
    return this.unitOfWork.run(async (tx) => {
      await this.flat.lock(request.id, tx);
      return this.registerLocked(request, by, tx, onProgress);
    });
  }

  /** The dictionary of a version first; its file follows with `registerDrafted`. */
  draft(
    id: string,
    version: string,
    dictionary: DataDictionary,
    by: Registrant,
  ): Promise<DictionaryDraft> {
    return this.unitOfWork.run(async (tx) => {
      const conflict = registrationConflict(id, version, await this.current(id, tx));
      if (conflict) throw conflict;
      const draft = {
        datasetId: id,
        version,
        dictionary,
        createdBy: 'id' in by.actor ? by.actor.id : by.actor.kind,
        createdAt: this.clock.now(),
      };
      await this.drafts.save(draft, tx);
      await this.audit.record(
        {
          ...by,
          action: 'dataset.dictionary',
          outcome: 'success',
          details: { dataset: id, version, variables: dictionary.variables.map((v) => v.name) },
        },
        tx,
      );
      return draft;
    });
  }

  /** The file of a version whose dictionary was sent before. */
  registerDrafted(
    id: string,
    version: string,
    file: CsvUpload,
    by: Registrant,
    onProgress: OnProgress = () => undefined,
  ): Promise<RegisteredDataset> {
    return this.unitOfWork.run(async (tx) => {
      await this.flat.lock(id, tx);
      const draft = await this.drafts.get(id, version, tx);
      if (!draft) {
        throw new DomainError(
          'DATASET.NOT_FOUND',
          `No dictionary waits for dataset ${id} version ${version}: send it first`,
        );
      }
      return this.registerLocked(
        { id, version, dictionary: draft.dictionary, file },
        by,
        tx,
        onProgress,
      );
    });
  }

  private async registerLocked(
    request: { id: string; version?: string; dictionary: DataDictionary; file: CsvUpload },
    by: Registrant,
    tx: Transaction,
    onProgress: OnProgress,
  ): Promise<RegisteredDataset> {
    const { id, dictionary, file } = request;
    const current = await this.current(id, tx);
    const version = request.version ?? defaultVersion(current);
    const conflict = registrationConflict(id, version, current);
    if (conflict) throw conflict;
    const loaded = await this.flat.replace(id, dictionary, file, tx, onProgress);
    const now = this.clock.now();
    const dataset: Dataset = {
      id,
      title: dictionary.title,
      description: dictionary.description,
      keywords: dictionary.keywords,
      variables: datasetVariables(dictionary),
      origin: {
        kind: 'csv',
        file: file.name,
        bytes: loaded.bytes,
        sha256: loaded.sha256,
        identifier: dictionary.identifier.name,
      },
      version,
      personCount: loaded.rows,
      definedAt: current?.definedAt ?? now,
      refreshedAt: now,
    };
    await this.datasets.save(dataset, tx);
    await this.drafts.delete(id, version, tx);
    await this.audit.record(
      {
        ...by,
        action: 'dataset.register',
        outcome: 'success',
        details: {
          dataset: id,
          version,
          ...(current?.version ? { previousVersion: current.version } : {}),
          file: file.name,
          bytes: loaded.bytes,
          sha256: loaded.sha256,
          variables: dictionary.variables.map((v) => v.name),
        },
      },
      tx,
    );
    return {
      dataset,
      ...loaded,
      ...(current?.version ? { previousVersion: current.version } : {}),
    };
  }

  private async current(id: string, tx: Transaction): Promise<Dataset | undefined> {
    return (await this.datasets.list(tx)).find((d) => d.id === id);
  }
}
