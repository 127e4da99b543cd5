import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Transaction, UnitOfWork } from '../shared/transaction';

interface TypeOrmTransaction extends Transaction {
  readonly manager: EntityManager;
}

@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({ kind: 'transaction', manager } as TypeOrmTransaction),
    );
  }
}

/** The entity manager of `tx`, or the data source's own when outside a transaction. */
export function managerOf(dataSource: DataSource, tx?: Transaction): EntityManager {
  return tx ? (tx as TypeOrmTransaction).manager : dataSource.manager;
}
