package vn.haiphong.bdhvs.generate;

/**
 * The makers of person-level fields shared by every source that writes people (contest, city-lms,
 * MOOC): one pool of synthetic persons, so CCCDs and phones stay unique across sources, and the
 * resolver-checked ward and target-group spellings.
 */
record PersonFields(SyntheticPeople people, WardFields wards, TargetGroupFields groups) {
}
