import { fileURLToPath } from "node:url";
import type { ReportReview } from "../core";
import { ReviewLoader } from "../node/review";

/**
 * `.govreport-review.json` beside a saved report, read as `check` reads it
 * (node/review.ts), once per folder until a review file changes (`reload()`).
 * An untitled document has none.
 */
export class ReviewFiles {
  private loader = new ReviewLoader();

  constructor(private readonly onProblem: (message: string) => void) {}

  forDocument(uri: string): ReportReview | undefined {
    if (!uri.startsWith("file:")) return undefined;
    return this.loader.reviewOf(fileURLToPath(uri), this.onProblem);
  }

  reload(): void {
    this.loader = new ReviewLoader();
  }
}
