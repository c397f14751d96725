package cn.credit.workflow.record;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Tries released together from a barrier, each in its own thread (its own transaction, as on several nodes). */
final class SameMoment {

  private SameMoment() {}

  static <T> List<T> all(List<Supplier<T>> tries) throws Exception {
    CyclicBarrier together = new CyclicBarrier(tries.size());
    List<CompletableFuture<T>> running = new ArrayList<>();
    for (Supplier<T> attempt : tries) {
      running.add(CompletableFuture.supplyAsync(() -> {
        try {
          together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return attempt.get();
      }));
    }
    List<T> results = new ArrayList<>();
    for (CompletableFuture<T> run : running) {
      results.add(run.get(1, TimeUnit.MINUTES));
    }
    return results;
  }
}
