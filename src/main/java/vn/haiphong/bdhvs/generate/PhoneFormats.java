package vn.haiphong.bdhvs.generate;

import java.util.SplittableRandom;

/** The mix of phone spellings in exports, and writing one with its quirk tallied. */
final class PhoneFormats {

  private PhoneFormats() {
  }

  static WeightedChoice<PhoneFormat> mix() {
    return new WeightedChoice<PhoneFormat>()
        .add(PhoneFormat.PLAIN, 40).add(PhoneFormat.SPACED, 20).add(PhoneFormat.INTERNATIONAL, 10)
        .add(PhoneFormat.COUNTRY_CODE, 8).add(PhoneFormat.BARE_NINE, 7).add(PhoneFormat.PRE_2018, 15);
  }

  /** The phone as typed, or empty when the person gave none. */
  static String write(String phone, WeightedChoice<PhoneFormat> mix, SplittableRandom random, QuirkPlan quirks) {
    if (phone == null) {
      quirks.quirk("phone_empty");
      return "";
    }
    PhoneFormat format = mix.draw(random);
    if (format == PhoneFormat.PRE_2018 && !PhoneFormat.hasPre2018Form(phone)) {
      format = PhoneFormat.PLAIN;
    }
    quirks.quirk(format.quirkName());
    return format.format(phone);
  }
}
