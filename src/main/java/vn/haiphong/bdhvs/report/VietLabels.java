package vn.haiphong.bdhvs.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * What an official reads for the codes the data keeps: one table per kind of code (reject reasons,
 * sources, run statuses), keyed by the code; and times in Hải Phòng's clock. A code without a label
 * reads as a Vietnamese "unnamed" phrase rather than the code itself.
 */
final class VietLabels {
  static final ZoneId HAI_PHONG = ZoneId.of("Asia/Ho_Chi_Minh");

  /** By {@code rejects.reason_code} (the codes of codes.RejectReason). */
  static final Map<String, String> REJECT_REASONS = Map.ofEntries(
      Map.entry("file_empty", "Tệp rỗng hoặc chỉ có dòng tiêu đề"),
      Map.entry("file_not_utf8", "Tệp không lưu theo bảng mã Unicode (UTF-8)"),
      Map.entry("file_missing_columns", "Tệp thiếu cột bắt buộc"),
      Map.entry("file_corrupt", "Tệp hỏng, không mở được"),
      Map.entry("file_invalid_json", "Tệp sai định dạng dữ liệu"),
      Map.entry("file_unexpected", "Tệp không đúng quy định đặt tên, đặt thư mục"),
      Map.entry("file_changed", "Tệp thay đổi trong lúc đọc, sẽ đọc lại lần sau"),
      Map.entry("file_too_large", "Tệp vượt quá dung lượng cho phép (kể cả sau khi giải nén)"),
      Map.entry("file_not_regular", "Không phải tệp dữ liệu thông thường (liên kết hỏng, thư mục liên kết, ống dẫn…)"),
      Map.entry("wrong_field_count", "Dòng thừa hoặc thiếu cột"),
      Map.entry("missing_required", "Thiếu thông tin bắt buộc"),
      Map.entry("bad_date", "Ngày, giờ sai hoặc không có thật"),
      Map.entry("bad_value", "Giá trị sai kiểu hoặc ngoài phạm vi"),
      Map.entry("field_too_long", "Nội dung dài bất thường"),
      Map.entry("invalid_json", "Dòng sai định dạng dữ liệu"),
      Map.entry("unknown_verb", "Hoạt động học tập không thuộc loại được ghi nhận"),
      Map.entry("bad_period", "Kỳ báo cáo không khớp loại kỳ"),
      Map.entry("unknown_unit", "Phê duyệt cho đơn vị không có trong danh mục"),
      Map.entry("unknown_version", "Phê duyệt cho bản báo cáo chưa từng được gửi"),
      Map.entry("future_period", "Phê duyệt cho kỳ báo cáo chưa bắt đầu"));

  /** By the landing's source folder. */
  static final Map<String, String> SOURCES = Map.of(
      "course", "Nền tảng học tập",
      "contest", "Cuộc thi trực tuyến",
      "telecom", "Số liệu viễn thông",
      "unit-reports", "Báo cáo của các đơn vị",
      "landing", "Tệp ngoài quy định");

  /** By a run manifest's {@code status}. */
  static final Map<String, String> RUN_STATUSES = Map.of(
      "published", "đã cập nhật số liệu",
      "succeeded", "hoàn thành",
      "failed", "bị lỗi, số liệu giữ như lần trước");

  /** By the cube's {@code unit}: the "Đơn vị tính" of a table. */
  static final Map<String, String> UNITS = Map.of(
      "percent", "%",
      "count", "số lượng",
      "mbps", "Mbps",
      "ratio", "tỷ số");

  /** By a ward's {@code unit_type} (reference/wards.csv): the word before its name. */
  static final Map<String, String> WARD_TYPES = Map.of(
      "phuong", "Phường",
      "xa", "Xã",
      "dac_khu", "Đặc khu");

  /** By a reporting unit's {@code kind} (reference/reporting_units.csv). */
  static final Map<String, String> UNIT_KINDS = Map.of(
      "department", "Sở, ban, ngành",
      "ward", "Xã, phường, đặc khu",
      "school", "Trường học");

  /** By the state of a report due from a unit (report/UnitReporting). */
  static final Map<String, String> REPORT_STATES = Map.of(
      "not_received", "Chưa nộp",
      "late", "Nộp muộn",
      "on_time", "Đúng hạn");

  /** By {@code report_outliers.method} (quality/ReportOutliers): why a reported value stands out. */
  static final Map<String, String> OUTLIER_METHODS = Map.of(
      "z_score", "Lệch xa mức thường thấy của đơn vị (điểm chuẩn z vượt 3)",
      "modified_z_score", "Lệch xa trung vị các kỳ của đơn vị (điểm z hiệu chỉnh vượt 3,5)",
      "min_max", "Ngoài khoảng giá trị hợp lý",
      "cumulative_fall", "Số lũy kế giảm so với kỳ trước");

  /** By a validation rule's {@code importance}. */
  static final Map<String, String> RULE_IMPORTANCE = Map.of(
      "high", "mức độ cao",
      "medium", "mức độ trung bình",
      "low", "mức độ thấp");

  /** By the table a data test checked (schemas/): the tables officials hear of. */
  static final Map<String, String> DATA_TABLES = Map.of(
      "indicator_cube", "Bảng chỉ tiêu",
      "learning_cube", "Bảng hoạt động học tập",
      "telecom_cube", "Bảng hạ tầng viễn thông",
      "skill_gaps", "Bảng so sánh số báo cáo và số đo",
      "source_months", "Bảng tình trạng nguồn dữ liệu theo tháng",
      "target_projection", "Bảng dự báo thời điểm đạt mục tiêu",
      "validation_violations", "Bảng vi phạm quy tắc kiểm tra báo cáo",
      "report_outliers", "Bảng giá trị bất thường trong báo cáo",
      "rejects", "Bảng bản ghi bị loại");

  /** By a data test's {@code kind}: what a failing row breaks, when the test has no label of its own. */
  static final Map<String, String> DATA_TEST_KINDS = Map.of(
      "not_null", "Thiếu giá trị bắt buộc",
      "accepted", "Giá trị ngoài danh mục cho phép",
      "range", "Giá trị ngoài khoảng hợp lệ",
      "references", "Mã không có trong danh mục",
      "pattern", "Giá trị sai định dạng",
      "check", "Các cột của dòng không khớp nhau");

  /** By {@code <table>.<expectation>}: every data test of severity warn (a test checks it), in words. */
  static final Map<String, String> DATA_TESTS = Map.of(
      "indicator_cube.numerator_within_denominator", "Tỷ lệ có tử số lớn hơn mẫu số (được đánh dấu cần kiểm tra số liệu)",
      "indicator_cube.figures_placed_in_a_ward", "Số liệu chưa xác định được xã, phường (chỉ tính vào số liệu toàn thành phố)");

  /** By a data test's {@code severity}. */
  static final Map<String, String> DATA_TEST_SEVERITIES = Map.of(
      "error", "Lỗi: dừng cập nhật, không công bố số liệu",
      "warn", "Cảnh báo");

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private VietLabels() {}

  static String rejectReason(String code) {
    return REJECT_REASONS.getOrDefault(code, "Lý do khác (chưa đặt tên)");
  }

  static String source(String code) {
    return SOURCES.getOrDefault(code, "Nguồn khác");
  }

  static String runStatus(String code) {
    return RUN_STATUSES.getOrDefault(code, "không rõ");
  }

  static String unit(String code) {
    return UNITS.getOrDefault(code, "");
  }

  static String reportState(String code) {
    return REPORT_STATES.getOrDefault(code, "Không rõ");
  }

  static String outlierMethod(String code) {
    return OUTLIER_METHODS.getOrDefault(code, "Giá trị bất thường");
  }

  static String ruleImportance(String code) {
    return RULE_IMPORTANCE.getOrDefault(code, "mức độ chưa xác định");
  }

  /** "Phường Thành Đông", "Đặc khu Bạch Long Vĩ": a ward as a title names it. */
  static String unitTypeName(vn.haiphong.bdhvs.reference.Ward ward) {
    String type = WARD_TYPES.get(ward.unitType());
    return type == null ? ward.name() : type + " " + ward.name();
  }

  static String dataTable(String table) {
    return DATA_TABLES.getOrDefault(table, "Bảng dữ liệu trung gian");
  }

  /** A data test in words: its own label, else what its kind of test checks. */
  static String dataTest(String table, String expectation, String kind) {
    return DATA_TESTS.getOrDefault(table + "." + expectation, DATA_TEST_KINDS.getOrDefault(kind, "Quy tắc kiểm tra khác"));
  }

  static String dataTestSeverity(String code) {
    return DATA_TEST_SEVERITIES.getOrDefault(code, "Không rõ");
  }

  static String unitKind(String code) {
    return UNIT_KINDS.getOrDefault(code, "Đơn vị khác");
  }

  /** A cube's target group: its label of docs/specification.md §3.3, "ALL" as every group. */
  static String targetGroup(String code) {
    if (DimensionMember.ALL.equals(code)) {
      return "Mọi nhóm đối tượng";
    }
    try {
      return TargetGroup.byCode(code).labelVi();
    } catch (IllegalArgumentException e) {
      return "Nhóm đối tượng khác";
    }
  }

  /** A cube's ward: its name, "ALL" as the whole city, a code outside the directory (UNKNOWN) as unplaced. */
  static String ward(String code, WardDirectory wards) {
    if (DimensionMember.ALL.equals(code)) {
      return "Toàn thành phố";
    }
    return wards.byCode(code).map(w -> w.name()).orElse("Chưa xác định xã, phường");
  }

  /** An ISO instant as {@code 05:10 ngày 02/12/2026} in Hải Phòng; a dash when it is missing or unreadable. */
  static String time(String isoInstant) {
    if (isoInstant == null) {
      return "—";
    }
    try {
      return CLOCK.format(Instant.parse(isoInstant).atZone(HAI_PHONG));
    } catch (DateTimeParseException e) {
      return "—";
    }
  }
}
