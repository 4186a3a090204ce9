#pragma once
/// @file run_lock.h
/// One writer at a time: a job that writes a run folder (training, an unlearning result)
/// holds an advisory lock (flock) on a lock file in it, so two processes (the window and the
/// CLI, two shells) can never interleave their writes. The second is refused at once, naming
/// the folder; the lock goes with the process, so a killed job never leaves one behind.
#include <string>

namespace poisonlab {

class RunLock {
 public:
  /// Locks `lockFile` (created if needed); throws Error naming `what` when another job holds
  /// it.
  RunLock(const std::string& lockFile, const std::string& what);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  /// The lock file of a run folder: RUN/.poisonlab.lock.
  static std::string of(const std::string& runDir);

 private:
  int fd_ = -1;
};

}  // namespace poisonlab
