package vn.haiphong.bdhvs.generate;

/**
 * The makers of person-level fields shared by every source that writes people (contest, city-lms,
 * MOOC): one pool of synthetic persons, so CCCDs and phones stay unique across sources, and the
 * resolver-checked ward and target-group spellings.
 */
record PersonFields(SyntheticPeople people, WardFields wards, TargetGroupFields groups) {

  /**
   * A person of the group a record's label resolves to: pupils and students are 10 to 22 years
   * old (so that the plans' age limits, from 15 and from 16, have minors to leave out; the
   * youngest have no CCCD), everyone else an adult.
   */
  SyntheticPeople.Person personOf(TargetGroupFields.LabelField group, boolean withCccd, boolean withPhone) {
    return group.code().equals("student") ? people.nextAged(10, 22, withCccd, withPhone) : people.next(withCccd, withPhone);
  }
}
