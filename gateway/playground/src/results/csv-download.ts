import { csvParametersOf } from './page-variables';

export interface CsvRequest {
  csvPath: string;
  operationName: string;
  variables: string | null | undefined;
  /** The list the table was cut from, when it is not the operation's first one. */
  table: string | null;
  headers: Record<string, string>;
}

/** Why the gateway made no file: its error code and message. */
export class CsvRefusedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Asks the gateway's `GET /csv` for a saved operation's table with the page's token and purpose,
 * and hands the file to the browser as a download named after the operation. The token goes in
 * a header, so the file cannot be fetched by a plain link.
 */
export async function downloadCsv({ csvPath, operationName, variables, table, headers }: CsvRequest): Promise<void> {
  const parameters = csvParametersOf(variables);
  parameters.set('operation', operationName);
  if (table) parameters.set('table', table);
  const response = await fetch(`${csvPath}?${parameters}`, { headers: { ...headers, accept: 'text/csv' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: { message?: string; extensions?: { code?: string } }[];
    } | null;
    const error = body?.errors?.[0];
    throw new CsvRefusedError(
      error?.message ?? `The gateway answered HTTP ${response.status}`,
      error?.extensions?.code ?? 'ERROR',
    );
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `${operationName}.csv`;
    link.click();
  } finally {
    // The click has started the download; the URL is no longer needed once it is read.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
