package vn.haiphong.bdhvs.report;

import java.time.YearMonth;

/** One row of the indicator cube (schemas/output/indicator_cube.json), as the report reads it. */
record CubeRow(YearMonth month, String wardCode, String targetGroup, String indicatorCode,
    Double numerator, Double denominator, Double value, String unit, Double targetValue,
    Integer targetYear, String status, boolean provisional) {}
