import { DatasetRequest } from './permit';

/** What a node publishes, as far as an application's check needs it. */
export interface PublishedDatasets {
  readonly id: string;
  readonly variables: readonly { readonly name: string }[];
}

/** Each dataset and variable asked for that its node does not publish, in words. */
export function unpublishedData(
  requests: readonly DatasetRequest[],
  publishedBy: (node: string) => readonly PublishedDatasets[],
): string[] {
  return requests.flatMap((request) => {
    const dataset = publishedBy(request.node).find((d) => d.id === request.dataset);
    if (!dataset) return [`${request.node} publishes no dataset ${request.dataset}`];
    const names = new Set(dataset.variables.map((v) => v.name));
    const missing = request.variables.filter((v) => !names.has(v));
    return missing.length > 0
      ? [`${request.node}/${request.dataset} has no variable ${missing.join(', ')}`]
      : [];
  });
}
