package vn.haiphong.bdhvs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A weighted draw among options whose first draws return every option once, in order: even the
 * smallest sample then holds every variant (rare quirks included) without inflating their weight.
 */
final class WeightedChoice<T> {

  private final List<T> options = new ArrayList<>();
  private final List<Integer> cumulative = new ArrayList<>();
  private int total;
  private int warmUp;

  WeightedChoice<T> add(T option, int weight) {
    if (weight <= 0) {
      return this;
    }
    options.add(option);
    total += weight;
    cumulative.add(total);
    return this;
  }

  T draw(SplittableRandom random) {
    if (warmUp < options.size()) {
      return options.get(warmUp++);
    }
    int x = random.nextInt(total);
    for (int i = 0; i < cumulative.size(); i++) {
      if (x < cumulative.get(i)) {
        return options.get(i);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  List<T> options() {
    return List.copyOf(options);
  }
}
