package vn.haiphong.bdhvs.reference;

/** The six target groups of docs/specification.md §3.3; {@code reference/target_groups.csv} must list the same codes and labels. */
public enum TargetGroup {
  PUBLIC_SECTOR("public_sector", "Cán bộ, công chức, viên chức, người lao động khu vực công"),
  STUDENT("student", "Học sinh, sinh viên"),
  ENTERPRISE_WORKER("enterprise_worker", "Người lao động trong doanh nghiệp, hợp tác xã"),
  RESIDENT("resident", "Người dân"),
  PARENT("parent", "Phụ huynh học sinh"),
  COMMUNITY_TECH_TEAM("community_tech_team", "Thành viên Tổ công nghệ số cộng đồng");

  private final String code;
  private final String labelVi;

  TargetGroup(String code, String labelVi) {
    this.code = code;
    this.labelVi = labelVi;
  }

  public String code() {
    return code;
  }

  public String labelVi() {
    return labelVi;
  }

  /** The group a reference row names in {@code column}, failing with the row's file and line. */
  static TargetGroup inRow(ReferenceTable.Row row, String column) {
    try {
      return byCode(row.text(column));
    } catch (IllegalArgumentException e) {
      throw row.error(column, "a target-group code of docs/specification.md §3.3");
    }
  }

  public static TargetGroup byCode(String code) {
    for (TargetGroup group : values()) {
      if (group.code.equals(code)) {
        return group;
      }
    }
    throw new IllegalArgumentException("unknown target group '" + code + "', expected one of "
        + java.util.Arrays.stream(values()).map(TargetGroup::code).toList());
  }
}
