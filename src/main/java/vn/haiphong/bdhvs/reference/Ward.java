package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * One of Hải Phòng's 114 commune-level units. {@code unitType} is {@code phuong}, {@code xa} or
 * {@code dac_khu}; {@code population} is null where the published figure is unknown (never 0).
 */
public record Ward(String code, String name, String unitType, Long population, double areaKm2)
    implements Serializable {}
