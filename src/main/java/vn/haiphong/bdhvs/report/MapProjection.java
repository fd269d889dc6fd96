package vn.haiphong.bdhvs.report;

/**
 * Longitude/latitude to SVG coordinates: equirectangular, longitudes shrunk by the cosine of the
 * middle latitude so the city keeps its shape, fitted into a {@code width} × {@code height} box
 * with a margin, north up.
 */
record MapProjection(double west, double south, double east, double north, double width, double height,
    double margin) {

  double scale() {
    double xSpan = (east - west) * cosMid();
    double ySpan = north - south;
    return Math.min((width - 2 * margin) / xSpan, (height - 2 * margin) / ySpan);
  }

  double x(double lon) {
    double used = (east - west) * cosMid() * scale();
    return (width - used) / 2 + (lon - west) * cosMid() * scale();
  }

  double y(double lat) {
    double used = (north - south) * scale();
    return (height - used) / 2 + (north - lat) * scale();
  }

  private double cosMid() {
    return Math.cos(Math.toRadians((north + south) / 2));
  }
}
