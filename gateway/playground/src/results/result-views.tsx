import { useMemo, useState } from 'react';
import { pick, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { operationNameFor } from '../operation-name';
import { savedOperationNamed } from '../tabs/saved-tabs';
import { answerTableOf } from './answer-table';
import { chartSeriesOf } from './chart-series';
import { CsvButton } from './csv-button';
import { ErrorSummary } from './error-summary';
import { answerOf } from './graphql-answer';
import { isLaterPage, takesAfterCursor, withAfterCursor } from './page-variables';
import { ResultTableView } from './result-table-view';
import { StatisticsChart } from './statistics-chart';

type View = 'json' | 'table' | 'chart';

interface ResultViewsProps {
  csvPath: string;
  requestHeaders(): Promise<Record<string, string>>;
}

/**
 * Above the response: the answer's errors in short, and the answer as JSON (GraphiQL's own
 * editor), as a table (its list flattened as the CSV export flattens it) or as a bar chart (its
 * statistics), with the saved operation's CSV a click away.
 */
export function ResultViews({ csvPath, requestHeaders }: ResultViewsProps) {
  const { tabs, activeTabIndex, variableEditor } = useGraphiQL(pick('tabs', 'activeTabIndex', 'variableEditor'));
  const { run } = useGraphiQLActions();
  const [view, setView] = useState<View>('json');
  const [listPath, setListPath] = useState<string | null>(null);
  const tab = tabs[activeTabIndex];
  const answer = useMemo(() => answerOf(tab?.response), [tab?.response]);
  const shown = useMemo(() => (answer?.data ? answerTableOf(answer.data, listPath) : null), [answer, listPath]);
  const series = useMemo(() => (shown ? chartSeriesOf(shown.table) : null), [shown]);
  const saved = savedOperationNamed(tab ? operationNameFor(tab.query ?? '', tab.operationName) : null);

  const runWithAfter = (after: string | null) => {
    variableEditor?.setValue(withAfterCursor(variableEditor.getValue(), after));
    run();
  };
  const pages = tab && shown && takesAfterCursor(tab.query ?? '');
  const nextCursor = shown?.list.nextPage?.hasNextPage ? shown.list.nextPage.endCursor : null;
  const views: { view: View; label: string; disabled: boolean; title: string }[] = [
    { view: 'json', label: 'JSON', disabled: false, title: 'The answer as the gateway sent it' },
    { view: 'table', label: 'Table', disabled: !shown, title: 'The answer’s list as rows, as the CSV export cuts it' },
    {
      view: 'chart',
      label: 'Chart',
      disabled: !series,
      title: series ? 'The statistics as a bar chart' : 'A chart needs a list of labelled numbers, such as byProgram',
    },
  ];
  const current = views.find((candidate) => candidate.view === view && !candidate.disabled)?.view ?? 'json';

  return (
    <div className="jembatan-results" data-view={current}>
      <div className="jembatan-result-toolbar">
        <div className="jembatan-view-switch" role="tablist" aria-label="Show the answer as">
          {views.map(({ view: option, label, disabled, title }) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={current === option}
              disabled={disabled}
              title={title}
              onClick={() => setView(option)}
            >
              {label}
            </button>
          ))}
        </div>
        {shown && shown.paths.length > 1 && current !== 'json' && (
          <label className="jembatan-list-pick">
            List
            <select value={shown.list.path} onChange={(event) => setListPath(event.target.value)}>
              {shown.paths.map((path) => (
                <option key={path} value={path}>
                  {path}
                </option>
              ))}
            </select>
          </label>
        )}
        {saved?.isQuery && (
          <CsvButton
            csvPath={csvPath}
            operationName={saved.name}
            variables={tab?.variables}
            table={shown && shown.paths.length > 1 ? shown.list.path : null}
            requestHeaders={requestHeaders}
          />
        )}
      </div>
      <ErrorSummary errors={answer?.errors} />
      {current === 'table' && shown && (
        <ResultTableView
          table={shown.table}
          path={shown.list.path}
          totalCount={shown.totalCount}
          paging={{
            onFirst: pages && isLaterPage(tab.variables) ? () => runWithAfter(null) : null,
            onNext: pages && nextCursor ? () => runWithAfter(nextCursor) : null,
          }}
        />
      )}
      {current === 'chart' && series && <StatisticsChart series={series} />}
    </div>
  );
}
