import { Transform } from 'class-transformer';

/** A boolean query parameter: the strings "true"/"false" become booleans; anything else fails IsBoolean. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
