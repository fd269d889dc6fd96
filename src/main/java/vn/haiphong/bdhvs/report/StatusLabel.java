package vn.haiphong.bdhvs.report;

/** The cube's {@code status} as the plans' reports name it, with a CSS class for its colour. */
enum StatusLabel {
  ACHIEVED("achieved", "Đạt"),
  ON_TRACK("on_track", "Đúng tiến độ"),
  AT_RISK("at_risk", "Có nguy cơ"),
  OFF_TRACK("off_track", "Chậm tiến độ"),
  CHECK_DATA("check_data", "Cần kiểm tra số liệu"),
  NO_DATA("no_data", "Chưa có số liệu"),
  NO_TARGET("no_target", "Chưa có mục tiêu");

  final String code;
  final String vi;

  StatusLabel(String code, String vi) {
    this.code = code;
    this.vi = vi;
  }

  static StatusLabel of(String code) {
    for (StatusLabel s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + code + "' in the indicator cube, expected one of "
        + java.util.Arrays.stream(values()).map(s -> s.code).toList());
  }

  String cssClass() {
    return "st-" + code.replace('_', '-');
  }

  String html() {
    return "<span class=\"status " + cssClass() + "\">" + vi + "</span>";
  }
}
