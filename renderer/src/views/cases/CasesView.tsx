import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { VerifyPage } from './VerifyPage';

/** #/cases → list, #/cases/verify → bundle verifier, #/cases/<id> → one case. */
export function CasesView({ rest }: { rest: string[] }) {
  if (rest[0] === 'verify') return <VerifyPage />;
  // Keyed by case: another case's page starts afresh (its error, forms and focus never carry over).
  if (rest[0]) return <CasePage key={rest[0]} caseId={rest[0]} />;
  return <CaseListPage />;
}
