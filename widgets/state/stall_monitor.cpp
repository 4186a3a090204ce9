#include "state/stall_monitor.h"

namespace poisonlab::gui {

StallMonitor::StallMonitor(QObject* parent, int intervalMs)
    : QObject(parent), intervalMs_(intervalMs) {
  timer_.setTimerType(Qt::PreciseTimer);
  timer_.setInterval(intervalMs_);
  connect(&timer_, &QTimer::timeout, this, &StallMonitor::tick);
}

void StallMonitor::start() {
  reset();
  timer_.start();
}

void StallMonitor::stop() { timer_.stop(); }

void StallMonitor::reset() {
  clock_.start();
  lastNs_ = 0;
  ticks_ = 0;
  maxStallMs_ = 0;
  stalls_.clear();
}

void StallMonitor::tick() {
  const qint64 now = clock_.nsecsElapsed();
  const double late = double(now - lastNs_) / 1e6 - intervalMs_;
  lastNs_ = now;
  if (ticks_++ == 0) return;  // the first gap includes start-up
  maxStallMs_ = std::max(maxStallMs_, late);
  if (late > 10) stalls_ << late;
}

qint64 StallMonitor::stallsOver(double ms) const {
  return std::count_if(stalls_.begin(), stalls_.end(), [ms](double s) { return s > ms; });
}

}  // namespace poisonlab::gui
