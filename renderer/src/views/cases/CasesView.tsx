import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { VerifyPage } from './VerifyPage';

/** #/cases → list, #/cases/verify → bundle verifier, #/cases/<id> → one case. */
export function CasesView({ rest }: { rest: string[] }) {
  if (rest[0] === 'verify') return <VerifyPage />;
  if (rest[0]) return <CasePage caseId={rest[0]} />;
  return <CaseListPage />;
}
