package vn.haiphong.bdhvs.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.TargetGroupResolution;
import vn.haiphong.bdhvs.reference.VietText;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/**
 * Reads a person's pseudonymous key and non-identifying attributes from a record (docs/specification.md §3–4):
 * the CCCD, phone and birth date are used here and never leave; the ward and target group are
 * resolved, and anything unresolved is flagged, never dropped.
 */
public final class PersonResolver implements Serializable {
  private final PersonKeys keys;
  private final WardDirectory wards;
  private final TargetGroupLabels groups;

  public PersonResolver(PersonKeys keys, WardDirectory wards, TargetGroupLabels groups) {
    this.keys = keys;
    this.wards = wards;
    this.groups = groups;
  }

  /**
   * The attributes kept of a person: no name, CCCD, phone or full birth date. The identifier hashes are what
   * the linkage joins records of one person on across sources (docs/specification.md §4); null where absent.
   */
  public record Person(String personKey, String keyBasis, String cccdHash, String cmndHash, String phoneHash,
      String wardCode, String targetGroup, String gender, Integer birthYear) {}

  /**
   * Reads the columns named {@code cccd}, {@code cmnd}, {@code phone}, {@code birth_date}, {@code gender},
   * {@code ward} and {@code target_group} when the contract has them. A 9-digit number in the CCCD column is
   * the old card's (CMND), as the {@code cmnd} column holds.
   */
  public Person read(RecordFields f, String platform, String platformId) {
    String cccd = f.text("cccd");
    String phone = f.text("phone");
    WardResolution ward = ward(f.text("ward"));
    f.flag(ward.flag());
    String group = targetGroup(f, f.text("target_group"));
    LocalDate birth = f.optionalDate("birth_date");
    String cmnd = f.text("cmnd");
    return new Person(
        keys.personKey(cccd, phone, platform, platformId),
        keys.basis(cccd, phone, platform, platformId),
        keys.cccdHash(cccd),
        keys.cmndHash(cmnd != null ? cmnd : cccd),
        keys.phoneHash(phone),
        ward.wardCode(),
        group,
        gender(f),
        birth == null ? null : birth.getYear());
  }

  public WardResolution ward(String raw) {
    return wards.resolve(raw);
  }

  public String targetGroup(RecordFields f, String label) {
    TargetGroupResolution g = groups.resolve(label);
    f.flag(g.flag());
    return g.code();
  }

  /** The person key of docs/specification.md §4 from whatever identifiers a source has (null where it has none). */
  public String keyOf(String cccd, String phone, String platform, String platformId) {
    return keys.personKey(cccd, phone, platform, platformId);
  }

  public String basisOf(String cccd, String phone, String platform, String platformId) {
    return keys.basis(cccd, phone, platform, platformId);
  }

  public String cccdHash(String cccd) {
    return keys.cccdHash(cccd);
  }

  public String pseudonym(String namespace, String id) {
    return keys.pseudonym(namespace, id);
  }

  private static String gender(RecordFields f) {
    String g = f.text("gender");
    if (g == null) {
      return null;
    }
    // Exports write these two spellings almost always; fold only the rest.
    String folded = g.equals("Nam") ? "nam" : g.equals("Nữ") ? "nu" : VietText.fold(g);
    return switch (folded) {
      case "nam" -> "male";
      case "nu" -> "female";
      default -> {
        f.flag(QualityFlag.BAD_VALUE.code() + ":gender");
        yield null;
      }
    };
  }
}
