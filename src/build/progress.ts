/**
 * Progress of a long build, reported as plain lines (one per report, no carriage-return
 * animation), so a CI log of a 9,000-post build shows it is alive and how far it got.
 */

/** How often a build reports while it works, unless told otherwise. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;

/** The name of the event the page-writing plugin emits on Eleventy's configuration for each page on disk. */
export const PAGE_WRITTEN_EVENT = "transcripts:page-written";

/** What the build is doing, in the words of a progress line. */
export type BuildPhase = "reading posts" | "writing pages" | "copying assets" | "indexing search";

/** Counts a build keeps while it works, and lines that report them. */
export class BuildProgress {
  private phaseName: BuildPhase = "reading posts";
  private postsRead: number | undefined;
  private pagesWritten = 0;
  private searchParts: { done: number; total: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly started: number;
  private lastReport: number;

  /**
   * @param log where each line goes
   * @param intervalMs the longest time between two lines while the build works (at least 1 ms)
   * @param now a clock in milliseconds (tests may pass their own)
   */
  constructor(
    private readonly log: (line: string) => void,
    private readonly intervalMs = DEFAULT_PROGRESS_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = this.lastReport = now();
  }

  /** Start reporting on a timer. The timer never keeps the process alive. */
  start(): void {
    this.stop();
    // Checked ten times an interval and reported a tenth early, so no gap is longer than the interval.
    this.timer = setInterval(() => this.reportIfDue(), Math.max(1, this.intervalMs / 10));
    this.timer.unref();
  }

  /** Stop reporting. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The build moved on to `phase`. */
  phase(phase: BuildPhase): void {
    this.phaseName = phase;
    this.reportIfDue();
  }

  /** All posts' front matter has been read. */
  postsDone(count: number): void {
    this.postsRead = count;
    this.reportIfDue();
  }

  /** One more page is on disk. */
  pageWritten(): void {
    this.pagesWritten++;
    // Rendering can keep the event loop too busy for the timer: writing pages checks the clock too.
    this.reportIfDue();
  }

  /** `done` of `total` search index parts are written. */
  searchPart(done: number, total: number): void {
    this.searchParts = { done, total };
    this.reportIfDue();
  }

  /** The progress line for now: `progress 12 s: writing pages; posts read 9000, pages written 4210, search index parts 0/18`. */
  line(): string {
    const seconds = Math.round((this.now() - this.started) / 1000);
    const facts = [
      `posts read ${this.postsRead ?? "…"}`,
      `pages written ${this.pagesWritten}`,
      ...(this.searchParts ? [`search index parts ${this.searchParts.done}/${this.searchParts.total}`] : []),
    ];
    return `progress ${seconds} s: ${this.phaseName}; ${facts.join(", ")}`;
  }

  private reportIfDue(): void {
    if (this.timer && this.now() - this.lastReport >= this.intervalMs * 0.9) this.report();
  }

  private report(): void {
    this.lastReport = this.now();
    this.log(this.line());
  }
}
