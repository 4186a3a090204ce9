#pragma once
// Measures how long the GUI thread goes without processing events: a timer that should fire
// every few milliseconds records the longest gap beyond its interval. The figure the brief
// asks for ("the GUI thread never blocks for more than 50 ms") is maxStallMs().

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace poisonlab::gui {

class StallMonitor : public QObject {
  Q_OBJECT
 public:
  explicit StallMonitor(QObject* parent = nullptr, int intervalMs = 5);
  void start();
  void stop();
  void reset();
  /// The longest time the event loop was late, in milliseconds, since start() or reset().
  double maxStallMs() const { return maxStallMs_; }
  /// Timer ticks seen (a sanity check that the monitor ran).
  qint64 ticks() const { return ticks_; }
  /// Stalls longer than this many milliseconds.
  qint64 stallsOver(double ms) const;

 private:
  void tick();
  QTimer timer_;
  QElapsedTimer clock_;
  qint64 lastNs_ = 0;
  qint64 ticks_ = 0;
  double maxStallMs_ = 0;
  int intervalMs_;
  QList<double> stalls_;  // every gap beyond 10 ms, for the histogram in the bench
};

}  // namespace poisonlab::gui
