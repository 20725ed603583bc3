import type { Rule } from "./types";
import {
  conversionArtifactRule,
  notAReportRule,
  sectionDuplicateRule,
  sectionMissingRule,
  sectionNumberingRule,
  sectionOrderRule,
  sectionTitleVariantRule,
  subsectionNumberingRule,
  titleMissingRule,
  titleYearMissingRule,
} from "./structure";
import {
  tableCellCountRule,
  tableUnreadableRule,
  tableCellEmptyRule,
  tableCellFormatRule,
  tableCellInvalidRule,
  tableMissingRule,
  tableRowMissingRule,
} from "./tables";
import { balanceMismatchRule, reviewTotalMismatchRule, totalColumnMismatchRule, totalRowMismatchRule } from "./relations";
import { templateVersionRule } from "./templateVersion";
import { templatePlaceholderRule } from "./templatePlaceholder";
import { narrativeSumMismatchRule } from "./narrativeSum";
import { narrativeTableMismatchRule } from "./narrativeTable";
import { percentageMismatchRule } from "./percentage";
import { yearMismatchRule } from "./yearMismatch";
import { citationNumberRule } from "./citation";
import { regulationAuthorityRule } from "./regulationAuthority";
import { activeCountContinuityRule, carryoverMismatchRule, copiedTextRule } from "./crossYear";
import { publicationDeadlineRule } from "./publicationDeadline";
import { contentCoverageRule } from "./contentCoverage";
import { feeConsistencyRule } from "./feeConsistency";
import { preambleRule } from "./preamble";
import { repeatedTextRule } from "./repeatedText";
import { aggregateMismatchRule } from "./aggregateMismatch";

export type { Rule, Finding, Fix, RuleContext, UnitReport } from "./types";

/** Every rule, in documentation order. */
export const RULES: Rule[] = [
  notAReportRule,
  titleMissingRule,
  titleYearMissingRule,
  sectionMissingRule,
  sectionOrderRule,
  sectionDuplicateRule,
  sectionNumberingRule,
  sectionTitleVariantRule,
  subsectionNumberingRule,
  conversionArtifactRule,
  templatePlaceholderRule,
  tableMissingRule,
  tableRowMissingRule,
  tableCellCountRule,
  tableUnreadableRule,
  tableCellEmptyRule,
  tableCellInvalidRule,
  tableCellFormatRule,
  templateVersionRule,
  totalRowMismatchRule,
  totalColumnMismatchRule,
  balanceMismatchRule,
  reviewTotalMismatchRule,
  narrativeSumMismatchRule,
  narrativeTableMismatchRule,
  percentageMismatchRule,
  yearMismatchRule,
  publicationDeadlineRule,
  preambleRule,
  contentCoverageRule,
  feeConsistencyRule,
  repeatedTextRule,
  citationNumberRule,
  regulationAuthorityRule,
  carryoverMismatchRule,
  activeCountContinuityRule,
  copiedTextRule,
  aggregateMismatchRule,
];

export const ruleById = (id: string): Rule | undefined => RULES.find((r) => r.id === id);
