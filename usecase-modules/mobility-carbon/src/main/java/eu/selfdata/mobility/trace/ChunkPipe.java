package eu.selfdata.mobility.trace;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Parsing beside storing: the parse runs on a virtual thread and hands its points over in chunks of
 * {@value PointStore#BATCH}, which the caller's thread stores (in its transaction) while the next
 * chunk is read. At most two chunks wait, so memory stays bounded; the parser's failure is rethrown
 * on the caller's side, and a caller that stops abandons the parser.
 */
public final class ChunkPipe {

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private volatile boolean abandoned;

    private ChunkPipe() {}

    /**
     * @param parse reads the points into the sink it is given, returns its summary
     * @param store stores each chunk, on the calling thread
     * @return the parse's summary, once every chunk is stored
     */
    @SuppressWarnings("unchecked")
    public static <R> R run(Function<PointSink, R> parse, Consumer<PointStore.Chunk> store) {
        ChunkPipe pipe = new ChunkPipe();
        Thread parser = Thread.ofVirtual().name("trace-parser").start(() -> {
            Object last;
            try {
                PointStore.Chunker chunker = new PointStore.Chunker(pipe::hand);
                R summary = parse.apply(chunker);
                chunker.flush();
                last = new Done(summary);
            } catch (Throwable failure) {
                last = new Failed(failure);
            }
            if (!pipe.abandoned) {
                try {
                    pipe.hand(last);
                } catch (CancellationException callerLeft) {
                    // nobody waits for the outcome any more
                }
            }
        });
        try {
            for (Object next = pipe.take(); ; next = pipe.take()) {
                if (next instanceof PointStore.Chunk chunk) {
                    store.accept(chunk);
                } else {
                    return (R) ((Done) next).summary();
                }
            }
        } finally {
            pipe.abandoned = true;
            parser.interrupt();
        }
    }

    private void hand(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new CancellationException("the upload was abandoned");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the upload was abandoned");
        }
    }

    private Object take() {
        try {
            Object item = queue.take();
            if (item instanceof Failed(Throwable failure)) {
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failure);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading the upload");
        }
    }

    private record Done(Object summary) {}

    private record Failed(Throwable failure) {}
}
