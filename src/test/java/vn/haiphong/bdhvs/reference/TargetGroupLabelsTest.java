package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGroupLabelsTest {

  private static final TargetGroupLabels LABELS = TargetGroupLabels.load();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CBCCVC|public_sector", "Cán bộ|public_sector", "Công chức|public_sector", "Giáo viên|public_sector",
      "Học sinh|student", "Sinh viên|student", "HSSV|student",
      "Người lao động|enterprise_worker", "Công nhân|enterprise_worker",
      "Người dân|resident", "Khác|resident",
      "Phụ huynh|parent",
      "Tổ CNSCĐ|community_tech_team", "Tổ công nghệ số cộng đồng|community_tech_team"})
  void resolve_variantsOfSpec(String label, String code) {
    assertEquals(new TargetGroupResolution(code, null), LABELS.resolve(label));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cbccvc", "  CÁN BỘ ", "can bo", "To CNSCD"})
  void resolve_ignoresCaseDiacriticsAndSpaces(String label) {
    assertTrue(LABELS.resolve(label).resolved(), label);
  }

  @Test
  void resolve_fullLabelOfEveryGroup() {
    for (TargetGroup group : TargetGroup.values()) {
      assertEquals(group.code(), LABELS.resolve(group.labelVi()).code());
    }
  }

  @Test
  void resolve_codeItself() {
    assertEquals("enterprise_worker", LABELS.resolve("enterprise_worker").code());
  }

  @Test
  void resolve_workerInPublicSectorIsNotEnterpriseWorker() {
    assertEquals("public_sector", LABELS.resolve("Người lao động khu vực công").code());
  }

  @Test
  void resolve_unknownLabelIsResidentWithFlag() {
    assertEquals(new TargetGroupResolution("resident", "target_group_unknown"), LABELS.resolve("Bộ đội"));
  }

  @Test
  void resolve_emptyLabelIsResidentWithFlag() {
    assertEquals(new TargetGroupResolution("resident", "target_group_unknown"), LABELS.resolve(""));
    assertEquals(new TargetGroupResolution("resident", "target_group_unknown"), LABELS.resolve(null));
  }

  @Test
  void variants_listedPerCode() {
    assertTrue(LABELS.variants("student").containsAll(java.util.List.of("Học sinh", "Sinh viên", "HSSV")));
  }

  @Test
  void variants_everyGroupHasSome() {
    Arrays.stream(TargetGroup.values()).forEach(g -> assertTrue(!LABELS.variants(g.code()).isEmpty(), g.code()));
  }

  @Test
  void byCode_unknownCodeNamesTheExpectedOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> TargetGroup.byCode("farmer"));
    assertTrue(e.getMessage().contains("public_sector"));
  }
}
