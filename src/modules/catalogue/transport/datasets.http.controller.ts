import { Body, Controller, HttpCode, Logger, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../../shared/errors';
import { parseInput } from '../../../shared/validation';
import { type Person, personId } from '../../identity/domain/person';
import { CurrentPerson, Roles } from '../../identity/transport/access.decorators';
import { Registrant, RegisterDatasetService } from '../application/register-dataset.service';
import { dictionaryBodySchema, parseDataDictionary } from './data-dictionary.schema';
import { datasetVersionPathSchema, uploadFileName } from './dataset-registration.schemas';

/**
 * Registering a person-level CSV file as a dataset, in two requests: the
 * data dictionary (JSON), then the file itself as a `text/csv` body, which
 * streams into the database and is never held in memory whole.
 */
@ApiTags('datasets')
@Controller('v1/datasets/:id/versions/:version')
export class DatasetsHttpController {
  private readonly logger = new Logger(DatasetsHttpController.name);

  constructor(private readonly registering: RegisterDatasetService) {}

  @Put('dictionary')
  @HttpCode(201)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Send the data dictionary of a version of a dataset registered from a CSV file (step 1 of 2)',
  })
  @ApiBody({
    description:
      '{ title, description, keywords, variables: [{ name, type (identifier, integer, number, boolean, date, category), description, unit, levels, missingAllowed }] }, or the columns as CSV text in dictionaryCsv',
  })
  async dictionary(@CurrentPerson() person: Person, @Param() path: unknown, @Body() body: unknown) {
    const { id, version } = parseInput(datasetVersionPathSchema, path, 'dataset version');
    const dictionary = parseDataDictionary(
      parseInput(dictionaryBodySchema, body, 'data dictionary'),
      'the dictionary',
    );
    await this.registering.draft(id, version, dictionary, registrant(person));
    return {
      dataset: id,
      version,
      status: 'AWAITING_DATA',
      identifier: dictionary.identifier.name,
      variables: dictionary.variables.map((v) => v.name),
      data: `/v1/datasets/${id}/versions/${version}/data`,
    };
  }

  @Put('data')
  @HttpCode(201)
  @Roles('hdab-admin')
  @ApiBearerAuth()
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary:
      'Send the CSV file (header row, one row per person) of a version whose dictionary was sent (step 2 of 2): checked and registered all or nothing',
  })
  async data(@CurrentPerson() person: Person, @Param() path: unknown, @Req() request: Request) {
    const { id, version } = parseInput(datasetVersionPathSchema, path, 'dataset version');
    if (!request.is('text/csv')) {
      throw new DomainError('REQUEST.INVALID', 'Send the file as the body, Content-Type: text/csv');
    }
    const length = Number(request.header('content-length'));
    try {
      const registered = await this.registering.registerDrafted(
        id,
        version,
        {
          name: uploadFileName(request.header('content-disposition')) ?? 'upload.csv',
          content: request,
          ...(Number.isSafeInteger(length) ? { bytes: length } : {}),
        },
        registrant(person),
        (p) => {
          if (p.phase !== 'load') this.logger.log(`Dataset ${id} ${version}: ${p.phase} done`);
        },
      );
      return {
        dataset: id,
        version,
        ...(registered.previousVersion ? { previousVersion: registered.previousVersion } : {}),
        persons: registered.dataset.personCount,
        variables: registered.dataset.variables.map((v) => v.name),
        bytes: registered.bytes,
        sha256: registered.sha256,
      };
    } catch (error) {
      // Let the client finish sending, so it reads the refusal rather than a reset connection.
      request.resume();
      throw error;
    }
  }
}

function registrant(person: Person): Registrant {
  return { channel: 'http', actor: { kind: 'user', id: personId(person), role: 'hdab-admin' } };
}
