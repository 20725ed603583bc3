import type { ReportModel, Section } from "../model";

/** The first heading of a section (by its index 1..6), if the report has it. */
export const sectionHeading = (model: ReportModel, index: number): Section | undefined => model.sections.find((s) => s.spec.index === index);

/** The paragraphs of a section, joined: what the report says in it outside its tables. */
export const sectionText = (model: ReportModel, index: number): string =>
  model.paragraphs
    .filter((p) => p.section === index)
    .map((p) => p.text.trim())
    .join("\n");
