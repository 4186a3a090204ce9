#pragma once
/// @file parallel.h
/// One parallel loop for the engine's own (non-LibTorch) work: image decoding, silhouette
/// scores. Plain std::thread, started and joined per call, so ThreadSanitizer sees every
/// hand-over (OpenCV's cv::parallel_for_ runs on TBB here, whose synchronisation it cannot
/// see); a call costs about 0.1 ms, so loops should hand out milliseconds of work or more.

#include <cstddef>
#include <functional>

namespace poisonlab {

/// LibTorch's intra-op threads when not told (--threads): $POISONLAB_THREADS when set to
/// 1..1024 (a share of a shared server; 1 for the ThreadSanitizer suite, which cannot see
/// LibTorch's OpenMP pool: scripts/sanitizers/README.md), otherwise one per core.
int defaultThreads();

/// Calls body(begin, end) on contiguous chunks covering [0, n), on up to `threads` threads
/// (0 = one per core; the calling thread does a share). Returns when every chunk is done; an
/// exception from a chunk is rethrown (the first one) after all threads joined.
void parallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body,
                 int threads = 0);

}  // namespace poisonlab
