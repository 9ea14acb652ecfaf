/** How big the national register is: the figures the generator makes exact. */
export interface NationalSize {
  /** Participants with at least one open enrolment, DKI's included. */
  activeParticipants: number;
  /** Registered employers, DKI's included. */
  employers: number;
}

/** The article's national figures, end of February 2016: 19.2 million and 311,552 (domain.md §1). */
export const NATIONAL_2016: NationalSize = { activeParticipants: 19_200_000, employers: 311_552 };
