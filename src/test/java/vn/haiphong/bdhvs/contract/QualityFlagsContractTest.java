package vn.haiphong.bdhvs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.QualityFlag;

/** A quality_flags column's prose comes from the flags its contract declares and the enum's meanings. */
class QualityFlagsContractTest {

  @Test
  void everyQualityFlagsColumn_declaresItsFlags_andDescribesEachFromTheEnum() {
    int columns = 0;
    for (TableContract t : TableContract.all()) {
      for (ColumnContract c : t.columns()) {
        if (c.name().equals("quality_flags")) {
          columns++;
          assertTrue(c.flags() != null, t.id() + " declares no flags");
          for (String flag : c.flags()) {
            assertTrue(c.description().contains(flag + " — " + QualityFlag.of(flag).meaning()), t.id() + ": " + c.description());
          }
        }
      }
    }
    assertEquals(10, columns, "the staged tables that carry quality flags");
  }

  @Test
  void aFlagNoParserWrites_cannotBeDeclared() {
    assertThrows(IllegalArgumentException.class, () -> new ColumnContract("quality_flags", null, "array<string>", false, false,
        false, false, "notes", null, null, null, null, List.of("ward_unknwon")));
  }
}
