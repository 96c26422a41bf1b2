import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity's table, schema-qualified and quoted, for the few statements written as SQL (an
 * upsert with arithmetic, subqueries in a report): the service's schema is not on the search path.
 */
export function tableOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource
    .getMetadata(entity)
    .tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
}
