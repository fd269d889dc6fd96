package vn.haiphong.bdhvs;

import java.util.List;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * Made-up persons for parser tests. Identifiers are composed at run time so that no literal
 * CCCD- or phone-shaped number sits in the repository.
 */
public final class TestPeople {
  /** A person as an export shows them: everything here is personal data that must never reach an output. */
  public record Person(String name, String cccd, String phone, String birthDate, int birthYear) {
    /** The values to look for in outputs: the raw and digits-only forms. */
    public List<String> secrets() {
      String[] dmy = birthDate.split("/");
      return List.of(name, cccd, phone, phone.replaceAll("[^0-9]", "").substring(1), birthDate,
          dmy[2] + "-" + dmy[1] + "-" + dmy[0]);
    }
  }

  public static final Person AN = new Person("Phạm Thị Thử Nghiệm", "0" + "31" + "2".repeat(9),
      "0" + "91 234 " + "5678", "03/04/1991", 1991);
  public static final Person BINH = new Person("Lê Văn Giả Định", "0" + "31" + "3".repeat(9),
      "0" + "98 765 " + "4321", "12/11/1985", 1985);

  /** Resolves persons with the repository's reference data and the suite's fixed key. */
  public static PersonResolver resolver() {
    return Holder.RESOLVER;
  }

  private static final class Holder {
    static final PersonResolver RESOLVER =
        new PersonResolver(TestLanding.KEYS, WardDirectory.load(), TargetGroupLabels.load());
  }

  private TestPeople() {}
}
