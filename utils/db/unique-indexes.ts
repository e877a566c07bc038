import { CURRENT_DB_VERSION, SCHEMA_VERSIONS, type TableName } from './schema';

/** The fields of `table` that carry a unique index ("&permalink"), read from the
 * current schema. IndexedDB leaves a record out of an index when the field is null,
 * so only non-null values must be unique. Compound unique indexes are not supported
 * (there are none). */
export function uniqueFields(table: TableName): string[] {
  return SCHEMA_VERSIONS[CURRENT_DB_VERSION][table]
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec.startsWith('&'))
    .map((spec) => spec.slice(1));
}
