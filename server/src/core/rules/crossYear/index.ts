/** Rules that compare a report with last year's report of the same organ (FORMATS.md §5, across years). */
export { carryoverMismatchRule } from "./carryover";
export { activeCountContinuityRule } from "./activeCount";
export { copiedTextRule } from "./copiedText";
