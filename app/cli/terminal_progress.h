#pragma once
// A progress bar on stderr when it is a terminal; occasional plain lines otherwise.

#include <chrono>
#include <string>

namespace poisonlab::cli {

class TerminalProgress {
 public:
  explicit TerminalProgress(std::string label);
  ~TerminalProgress();
  void operator()(double fraction, const std::string& text);
  void finish();

 private:
  std::string label_;
  bool tty_;
  bool open_ = false;
  int lastPercent_ = -1;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace poisonlab::cli
