import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { projectVersion } from '../shared/project-root';

/** OpenAPI document at /docs-json, browsable at /docs. */
export function setupOpenApi(app: INestApplication, nodeId: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`EHDS secure processing environment — node ${nodeId}`)
      .setDescription(
        'REST API of one HDAB node of the federated multi-country secure processing environment. ' +
          'Nodes talk to each other over gRPC with mutual TLS (proto/spe/v1), not over this API.',
      )
      .setVersion(projectVersion())
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
