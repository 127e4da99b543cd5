import type { VariableType } from '../../catalogue/domain/dataset';
import { DomainError } from '../../../shared/errors';
import type { WorkspaceColumn } from './analysis-kind';

/** The workspace column a parameter names, if its type suits the parameter's role. */
export function columnOf(
  columns: readonly WorkspaceColumn[],
  name: string,
  allowedTypes: readonly VariableType[],
  role: string,
): WorkspaceColumn {
  const column = columns.find((c) => c.name === name);
  if (!column) {
    throw new DomainError('ANALYSIS.UNKNOWN_VARIABLE', `Unknown variable ${name}`, {
      variable: name,
    });
  }
  if (!allowedTypes.includes(column.type)) {
    throw new DomainError(
      'ANALYSIS.INVALID_PARAMS',
      `${role} needs ${withArticle(allowedTypes.join(' or '))} variable; ${name} is ${column.type}`,
      { variable: name, type: column.type, allowedTypes },
    );
  }
  return column;
}

function withArticle(phrase: string): string {
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}
