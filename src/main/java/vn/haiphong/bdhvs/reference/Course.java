package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * A course or class of a learning platform. {@code targetGroup} is a target-group code or null
 * (meant for everyone); {@code certification} marks the course whose {@code passed} certifies the
 * learner on VNeID ("Khóa xác nhận VNeID").
 */
public record Course(String code, String platform, String title, String topic, String targetGroup,
    boolean certification) implements Serializable {

  public static final String CITY_LMS = "city-lms";
  public static final String NATIONAL_MOOC = "national-mooc";
}
