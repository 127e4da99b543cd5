import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerOf } from '../../../database/typeorm-unit-of-work';
import { Transaction } from '../../../shared/transaction';
import { DictionaryDraft, DictionaryDrafts } from '../application/dictionary-drafts.port';
import { DataDictionary } from '../domain/data-dictionary';

interface DraftRow {
  dataset_id: string;
  version: string;
  dictionary: DataDictionary;
  created_by: string;
  created_at: Date;
}

@Injectable()
export class SqlDictionaryDrafts extends DictionaryDrafts {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async save(draft: DictionaryDraft, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `INSERT INTO dataset_dictionary_draft (dataset_id, version, dictionary, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dataset_id, version) DO UPDATE SET dictionary = $3, created_by = $4, created_at = $5`,
      [
        draft.datasetId,
        draft.version,
        JSON.stringify(draft.dictionary),
        draft.createdBy,
        draft.createdAt,
      ],
    );
  }

  async get(
    datasetId: string,
    version: string,
    tx?: Transaction,
  ): Promise<DictionaryDraft | undefined> {
    const [row] = (await managerOf(this.dataSource, tx).query(
      `SELECT * FROM dataset_dictionary_draft WHERE dataset_id = $1 AND version = $2`,
      [datasetId, version],
    )) as DraftRow[];
    return (
      row && {
        datasetId: row.dataset_id,
        version: row.version,
        dictionary: row.dictionary,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }
    );
  }

  async delete(datasetId: string, version: string, tx: Transaction): Promise<void> {
    await managerOf(this.dataSource, tx).query(
      `DELETE FROM dataset_dictionary_draft WHERE dataset_id = $1 AND version = $2`,
      [datasetId, version],
    );
  }
}
