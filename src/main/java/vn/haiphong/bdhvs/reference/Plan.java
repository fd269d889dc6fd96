package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.time.YearMonth;

/**
 * A plan that sets targets ({@code reference/plans.csv}): the trajectory of each of its targets
 * starts in {@code start} (docs/specification.md §5). {@code scope} is city, sector, ward (of {@code wardCode}) or template.
 */
public record Plan(String id, String nameVi, String issuingBody, String number, String issuedOn, String scope,
    String wardCode, YearMonth start) implements Serializable {}
