package vn.haiphong.bdhvs.generate;

/** The ways one mobile number ({@code 0xxxxxxxxx}) is typed into exports. */
enum PhoneFormat {
  PLAIN,          // 0912345678
  SPACED,         // 0912 345 678
  INTERNATIONAL,  // +84 912.345.678
  COUNTRY_CODE,   // 84912345678
  BARE_NINE,      // 912345678
  PRE_2018;       // 0168xxxxxxx for today's 038xxxxxxx

  /** Only 032–039 numbers had an 11-digit form (0162–0169); others fall back to plain. */
  static boolean hasPre2018Form(String phone) {
    return phone.startsWith("03") && phone.charAt(2) >= '2';
  }

  String format(String phone) {
    String rest = phone.substring(1);
    return switch (this) {
      case PLAIN -> phone;
      case SPACED -> phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
      case INTERNATIONAL -> "+84 " + rest.substring(0, 3) + "." + rest.substring(3, 6) + "." + rest.substring(6);
      case COUNTRY_CODE -> "84" + rest;
      case BARE_NINE -> rest;
      case PRE_2018 -> hasPre2018Form(phone) ? "016" + phone.substring(2) : phone;
    };
  }

  String quirkName() {
    return "phone_" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
