#pragma once
/// @file progress.h
/// Progress reporting and cooperative cancellation for long work in core/.
/// The engine knows nothing of Qt: the GUI wraps these in its task objects.

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/util/error.h"

namespace poisonlab {

/// Called with a fraction in [0, 1] and a short human-readable text.
using ProgressFn = std::function<void(double fraction, const std::string& text)>;

/// Shared flag that a long operation polls; set it from any thread to cancel.
class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }
  /// Throws Cancelled when the token is set.
  void throwIfCancelled() const {
    if (cancelled()) throw Cancelled();
  }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

/// Reports progress if a callback is set.
inline void report(const ProgressFn& fn, double fraction, const std::string& text) {
  if (fn) fn(fraction, text);
}

}  // namespace poisonlab
