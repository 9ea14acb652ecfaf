import { useState } from 'react';
import { downloadCsv } from './csv-download';

interface CsvButtonProps {
  csvPath: string;
  operationName: string;
  variables: string | null | undefined;
  table: string | null;
  requestHeaders(): Promise<Record<string, string>>;
}

/** Downloads the saved operation's table from `GET /csv`, as the page's identity and purpose. */
export function CsvButton({ csvPath, operationName, variables, table, requestHeaders }: CsvButtonProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await downloadCsv({ csvPath, operationName, variables, table, headers: await requestHeaders() });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      setProblem(`${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="jembatan-csv">
      <button
        type="button"
        className="jembatan-csv-button"
        disabled={busy}
        title={`Download ${operationName}'s table as CSV, every page, with your token and purpose (GET ${csvPath})`}
        onClick={() => void download()}
      >
        {busy ? 'Preparing CSV…' : 'Download CSV'}
      </button>
      {problem && (
        <span className="jembatan-csv-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
