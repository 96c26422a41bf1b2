/** Turns page/pageSize (already validated) into LIMIT/OFFSET. */
export function pageWindow(q: { page?: number; pageSize?: number }): {
  page: number;
  pageSize: number;
  skip: number;
} {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize };
}
