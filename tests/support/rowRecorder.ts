import { TableClient } from "@azure/data-tables";

/**
 * A table client that records the RowKey of every row storage sends back: what a read costs in
 * rows, which a round-trip count hides (one page holds up to 1,000 rows). Hand it to a
 * repository's factory to measure that repository's reads.
 */
export function rowRecordingTable(
  connectionString: string,
  tableName: string,
): { table: TableClient; rowKeys: string[] } {
  const rowKeys: string[] = [];
  const table = TableClient.fromConnectionString(connectionString, tableName, {
    allowInsecureConnection: true,
    additionalPolicies: [
      {
        position: "perCall",
        policy: {
          name: "recordRowKeys",
          async sendRequest(request, next) {
            const response = await next(request);
            // Queries answer JSON with the rows in `value`; batches answer multipart text.
            if (response.headers.get("content-type")?.includes("json") && response.bodyAsText) {
              const body = JSON.parse(response.bodyAsText) as { value?: { RowKey: string }[] };
              rowKeys.push(...(body.value ?? []).map((row) => row.RowKey));
            }
            return response;
          },
        },
      },
    ],
  });
  return { table, rowKeys };
}
