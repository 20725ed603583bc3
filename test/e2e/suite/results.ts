// How the extension-host suite hands its per-test results to the runner outside the editor:
// a JSON file named by an environment variable that the extension host inherits.
export const resultsFileVariable = "GOV_REPORT_E2E_RESULTS";

export interface TestResult {
  name: string;
  ok: boolean;
  error?: string;
}
