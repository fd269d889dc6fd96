package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * Where a ward field landed: a 5-digit code or {@code UNKNOWN}; {@code method} is {@code code},
 * {@code name}, {@code legacy_name} or {@code none}; {@code flag} is null when resolved, else the
 * quality-flag code ({@code ward_empty}, {@code ward_unknown}, {@code ward_ambiguous_legacy}).
 */
public record WardResolution(String wardCode, String method, String flag) implements Serializable {

  public boolean resolved() {
    return flag == null;
  }
}
