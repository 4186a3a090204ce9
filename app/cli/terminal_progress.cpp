#include "terminal_progress.h"

#include <unistd.h>

#include <cstdio>

namespace poisonlab::cli {

TerminalProgress::TerminalProgress(std::string label)
    : label_(std::move(label)), tty_(::isatty(2) != 0) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::operator()(double fraction, const std::string& text) {
  const int percent = static_cast<int>(fraction * 100.0 + 0.5);
  const auto now = std::chrono::steady_clock::now();
  if (tty_) {
    if (percent == lastPercent_ && now - last_ < std::chrono::milliseconds(250)) return;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth + 0.5);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r%s [%s] %3d%%  %-40.40s", label_.c_str(), bar.c_str(), percent,
                 text.c_str());
    std::fflush(stderr);
    open_ = true;
  } else {
    // Not a terminal (a log file, CI): a line every 10 %.
    if (percent / 10 == lastPercent_ / 10) return;
    std::fprintf(stderr, "%s %3d%% %s\n", label_.c_str(), percent, text.c_str());
  }
  lastPercent_ = percent;
  last_ = now;
}

void TerminalProgress::finish() {
  if (open_) std::fputc('\n', stderr);
  open_ = false;
}

}  // namespace poisonlab::cli
