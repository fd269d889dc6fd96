package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/** A target-group code for a label; {@code flag} is {@code target_group_unknown} when the label was not recognised. */
public record TargetGroupResolution(String code, String flag) implements Serializable {

  public boolean resolved() {
    return flag == null;
  }
}
